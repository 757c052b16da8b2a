/**
 * Benchmark 7 — inbox: the `tasks` page (first 20, no filter: the viewer's inbox) for a sales manager
 * with N open tasks in the system (a quarter of them for the sales_manager role), through the store as
 * the GraphQL resolver calls it; p95 against a primary-key select of one task row on the same database.
 *
 *   node scripts/run-ts.js bench/inbox.ts [--full]      (N = 100 k; --full 1 M; BENCH_INBOX_N)
 */
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { createStore } from '@signet/persistence';
import { createTestDatabase } from '@signet/persistence/testing';
import { startInstances } from './durable/instances';
import { PINGPONG_SOURCE } from './durable/pingpong-flow';
import { finish, fmt, FULL, percentile, row, target } from './support/measure';
import { seedWaiting } from './support/seed-waiting';

async function latencies(n: number, op: (i: number) => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 10; i++) await op(i); // warm-up: plans cached, pages in shared buffers
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await op(i);
    out.push(performance.now() - t0);
  }
  return out;
}

async function main(): Promise<void> {
  const size = Number(process.env.BENCH_INBOX_N ?? (FULL ? 1_000_000 : 100_000));
  // At 1 M tasks one inbox page takes a good fraction of a second: fewer samples keep the run in minutes.
  const samples = FULL ? 60 : 100;
  const database = await createTestDatabase({ backend: 'postgres' });
  const store = createStore(database.db);
  const pg = new Client({ connectionString: database.url });
  await pg.connect();
  try {
    await store.deployFlow(PINGPONG_SOURCE, 'admin');
    const [template] = (await startInstances(store, 1)).ids;
    await seedWaiting(pg, template, size - 1);
    const open = Number(
      (await pg.query<{ n: string }>(`select count(*) as n from task where status = 'OPEN'`)).rows[0].n,
    );
    const ids = (
      await pg.query<{ id: string }>(`select id from task order by random() limit ${samples}`)
    ).rows.map((r) => r.id);
    const viewer = { username: 'chen.jie', roles: ['sales_manager'], team: null };
    const user = await store.getUser('chen.jie');
    if (user) Object.assign(viewer, { roles: user.roles, team: user.team });

    // Agreement: the page holds 20 tasks chen.jie may act on, and the count is what SQL says it is.
    const page = await store.listTasks(null, { first: 20 }, viewer);
    const mine = Number(
      (
        await pg.query<{ n: string }>(
          `select count(*) as n from task where status = 'OPEN' and 'sales_manager' = any(candidate_roles) and not ('chen.jie' = any(excluded_users))`,
        )
      ).rows[0].n,
    );
    const wrong = Number(page.items.length !== 20) + Number(page.totalCount !== mine);

    const inbox = await latencies(samples, () => store.listTasks(null, { first: 20 }, viewer));
    const next = page.endCursor;
    const second = await latencies(samples, () =>
      store.listTasks(null, { first: 20, after: next ?? undefined }, viewer),
    );
    // The profile: the two statements listTasks sends, timed alone (same SQL as libs/persistence's
    // candidateSql, copied here so the split can be seen without touching that code).
    const where = `from task t join instance i on i.id = t.instance_id where t.status = 'OPEN'
      and not ($1 = any(t.excluded_users)) and (t.assignee = $1 or t.candidate_roles && $2::text[] or t.candidate_team = $3)`;
    const args = [viewer.username, viewer.roles, viewer.team];
    const countOnly = await latencies(samples, () => pg.query(`select count(*)::int as n ${where}`, args));
    const pageOnly = await latencies(samples, () =>
      pg.query(`select t.* ${where} order by t.created_at desc, t.id desc limit 21`, args),
    );
    const pk = await latencies(samples, (i) =>
      pg.query('select * from task where id = $1', [ids[i % ids.length]]),
    );

    const W = [34, 10, 10, 12];
    console.log(
      `inbox: ${fmt(open)} open tasks, ${fmt(mine)} of them in chen.jie's inbox (totalCount ${fmt(page.totalCount)}); ${samples} samples each`,
    );
    console.log(row(['query', 'p50 ms', 'p95 ms', 'p95 vs pk'], W));
    const pk95 = percentile(pk, 95);
    for (const [name, xs] of [
      ['tasks page 1 (store.listTasks)', inbox],
      ['tasks page 2 (cursor)', second],
      ['  of which: count(*) alone (pg)', countOnly],
      ['  of which: page select alone (pg)', pageOnly],
      ['primary-key select (pg)', pk],
    ] as const)
      console.log(
        row(
          [
            name,
            fmt(percentile(xs, 50), 2),
            fmt(percentile(xs, 95), 2),
            `${fmt(percentile(xs, 95) / pk95, 1)}×`,
          ],
          W,
        ),
      );
    const ratio = percentile(inbox, 95) / pk95;
    target(`inbox p95 ≤ 3× a primary-key select at ${fmt(open)} open tasks`, ratio <= 3, `${fmt(ratio, 1)}×`);
    finish('inbox', wrong);
  } finally {
    await pg.end();
    await database.drop();
  }
}

void main();
