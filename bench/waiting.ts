/**
 * Benchmark 6 — many waiting instances: decisions/s and p99 of 8 concurrent in-process decision
 * loops (as bench/durable.ts) with 1 k waiting instances in the database, then again after seeding up
 * to N waiting instances (each with an open task) with SQL `generate_series`. Same database, same
 * 8 driven instances; the ratio is the throughput kept.
 *
 *   node scripts/run-ts.js bench/waiting.ts [--full]      (N = 100 k; --full 1 M; BENCH_WAITING_N)
 */
import { Client } from 'pg';
import { createStore } from '@signet/persistence';
import { createTestDatabase } from '@signet/persistence/testing';
import { drive } from './durable/drive';
import { startInstances, storeDecide } from './durable/instances';
import { PINGPONG_SOURCE } from './durable/pingpong-flow';
import { finish, fmt, FULL, median, percentile, row, target } from './support/measure';
import { seedWaiting } from './support/seed-waiting';

const CLIENTS = 8;
const SMALL = 1_000;

async function main(): Promise<void> {
  const large = Number(process.env.BENCH_WAITING_N ?? (FULL ? 1_000_000 : 100_000));
  const rounds = FULL ? 5 : 3;
  const seconds = FULL ? 10 : 5;
  const database = await createTestDatabase({ backend: 'postgres' });
  const store = createStore(database.db);
  const pg = new Client({ connectionString: database.url });
  await pg.connect();
  try {
    await store.deployFlow(PINGPONG_SOURCE, 'admin');
    const driven = await startInstances(store, CLIENTS);
    const decide = storeDecide(store);
    const measure = async () => {
      await drive(driven.taskIds, decide, 1); // warm-up
      const perSecond: number[] = [];
      const p99: number[] = [];
      for (let r = 0; r < rounds; r++) {
        const d = await drive(driven.taskIds, decide, seconds);
        perSecond.push(d.decisions / d.seconds);
        p99.push(percentile(d.latenciesMs, 99));
      }
      return { perSecond: median(perSecond), p99: median(p99) };
    };
    const count = async () =>
      Number(
        (await pg.query<{ n: string }>(`select count(*) as n from instance where status = 'ACTIVE'`)).rows[0]
          .n,
      );

    await seedWaiting(pg, driven.ids[0], SMALL - CLIENTS);
    const small = { waiting: await count(), ...(await measure()) };
    const t0 = Date.now();
    await seedWaiting(pg, driven.ids[0], large - small.waiting, SMALL);
    const seededIn = (Date.now() - t0) / 1000;
    const big = { waiting: await count(), ...(await measure()) };

    const W = [22, 14, 10, 14];
    console.log(
      `waiting: ${CLIENTS} concurrent clients, ${rounds} rounds × ${seconds} s per size; seeded ${fmt(big.waiting - small.waiting)} in ${fmt(seededIn, 1)} s`,
    );
    console.log(row(['waiting instances', 'decisions/s', 'p99 ms', 'vs 1 k'], W));
    for (const r of [small, big])
      console.log(
        row(
          [fmt(r.waiting), fmt(r.perSecond), fmt(r.p99, 2), `${fmt(r.perSecond / small.perSecond, 2)}×`],
          W,
        ),
      );
    const drop = 1 - big.perSecond / small.perSecond;
    target(
      `≤ 20 % drop at ${fmt(big.waiting)} waiting`,
      drop <= 0.2,
      `${fmt(Math.abs(drop) * 100, 1)} % ${drop >= 0 ? 'drop' : 'gain'}`,
    );
    finish('waiting', Number(big.waiting < large));
  } finally {
    await pg.end();
    await database.drop();
  }
}

void main();
