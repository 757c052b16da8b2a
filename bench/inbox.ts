/**
 * Benchmark 7 — inbox: the `tasks` page (first 20, no filter: the viewer's inbox) for a sales manager
 * with N open tasks in the system (a quarter of them for the sales_manager role), through the store as
 * the GraphQL resolver calls it; p95 against a primary-key select of one task row on the same database.
 * An inbox client asks for `edges` and `pageInfo` (the resolver then calls `store.pageTasks`, one
 * statement); selecting `totalCount` as well adds `store.countTasks`, timed on its own rows.
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

/**
 * Times every operation `n` times, taking turns (one of each per round), so a swing in the load of a
 * shared machine hits all of them alike; 10 untimed rounds first (plans cached, pages in shared
 * buffers). Returns each operation's milliseconds.
 */
async function interleaved<K extends string>(
  n: number,
  ops: Record<K, (i: number) => Promise<unknown>>,
): Promise<Record<K, number[]>> {
  const names = Object.keys(ops) as K[];
  const out = Object.fromEntries(names.map((k) => [k, [] as number[]])) as Record<K, number[]>;
  for (let i = -10; i < n; i++) {
    for (const k of names) {
      const t0 = performance.now();
      await ops[k](Math.max(i, 0));
      if (i >= 0) out[k].push(performance.now() - t0);
    }
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
    let wrong = Number(page.items.length !== 20) + Number(page.totalCount !== mine);

    const slice = await store.pageTasks(null, { first: 20 }, viewer);
    wrong += Number(JSON.stringify(slice.items) !== JSON.stringify(page.items));
    wrong += Number((await store.countTasks(null, viewer)) !== mine);

    // The page's statement alone on a plain pg client (same SQL as libs/persistence's candidateSql),
    // to separate the database's time from the store's row mapping.
    const where = `from task t where t.status = 'OPEN' and not ($1 = any(t.excluded_users))
      and not ($1 = any(t.voted_users))
      and (t.assignee = $1 or $1 = any(t.candidate_users) or t.candidate_roles && $2::text[] or t.candidate_team = $3)`;
    const args = [viewer.username, viewer.roles, viewer.team];
    const next = page.endCursor ?? undefined;
    const t = await interleaved(samples, {
      // What the resolver calls for `tasks(first: 20) { edges { … } pageInfo { … } }` …
      inbox: () => store.pageTasks(null, { first: 20 }, viewer),
      second: () => store.pageTasks(null, { first: 20, after: next }, viewer),
      pageOnly: () => pg.query(`select t.* ${where} order by t.created_at desc, t.id desc limit 21`, args),
      pk: (i) => pg.query('select * from task where id = $1', [ids[i % ids.length]]),
    });
    // … and for the same with `totalCount` selected: the page, then the exact count (fewer samples:
    // at 1 M tasks a count takes a good fraction of a second).
    const c = await interleaved(Math.min(samples, 30), {
      withCount: () => store.listTasks(null, { first: 20 }, viewer),
      countOnly: () => store.countTasks(null, viewer),
      pk: (i) => pg.query('select * from task where id = $1', [ids[i % ids.length]]),
    });
    const { inbox, second, pageOnly, pk } = t;
    const { withCount, countOnly } = c;

    const W = [36, 10, 10, 12];
    console.log(
      `inbox: ${fmt(open)} open tasks, ${fmt(mine)} of them in chen.jie's inbox (totalCount ${fmt(page.totalCount)}); ${samples} samples each (counts ${c.pk.length}), taking turns`,
    );
    console.log(row(['query', 'p50 ms', 'p95 ms', 'p95 vs pk'], W));
    const pk95 = percentile(pk, 95);
    for (const [name, xs] of [
      ['inbox page 1 (store.pageTasks)', inbox],
      ['inbox page 2 (cursor)', second],
      ['  its statement alone (pg)', pageOnly],
      ['page 1 + totalCount (listTasks)', withCount],
      ['  totalCount alone (countTasks)', countOnly],
      ['primary-key select (pg)', pk],
      ['  (taking turns with the counts)', c.pk],
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
    target(
      `inbox page (no totalCount) p95 ≤ 3× a primary-key select at ${fmt(open)} open tasks`,
      ratio <= 3,
      `${fmt(ratio, 1)}×`,
    );
    const counted = percentile(withCount, 95) / percentile(c.pk, 95);
    console.log(`  (with totalCount selected: ${fmt(counted, 1)}× — the exact count grows with the inbox)`);
    finish('inbox', wrong);
  } finally {
    await pg.end();
    await database.drop();
  }
}

void main();
