/**
 * `node scripts/run-ts.js bench/audit/queries.ts [--runs 20] [--out file.md] [--only text]`: on the
 * database `seed.ts` filled, times each audit question through our code path and as hand-written SQL, taking
 * turns so both see the same cache, and prints p50 / p95 of each and the p95 ratio (target ≤ 2×) as a
 * Markdown table. `--runs` is the sample count; questions answered in under 50 ms take at least 200.
 * `--only` keeps the questions whose name contains the text.
 */
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createAuditQueries, createStore, openDatabase } from '@signet/persistence';
import { argValue, benchClient, benchUrl } from './bench-database';
import { questions } from './questions';
import { REPLAYABLE } from './seed-replayable';
import type { Params } from './questions';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * A question answered in under this many ms is sampled at least `FAST_SAMPLES` times: with 20
 * samples its p95 is the second-slowest run, which on a shared machine is one scheduling hiccup of
 * a few ms — several times the query itself — landing on one side or the other.
 */
const FAST_MS = 50;
const FAST_SAMPLES = 200;

async function time(run: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await run();
  return performance.now() - t;
}

async function main(): Promise<void> {
  const runs = Number(argValue('runs') ?? 20);
  const db = await openDatabase({ url: benchUrl() });
  const pg = await benchClient();
  try {
    const [{ events }] = (
      await pg.query<{ events: string }>('select count(*)::text as events from instance_event')
    ).rows;
    const [mid] = (
      await pg.query<{ id: string }>(
        `select instance_id as id from instance_event where seq = 5 order by id limit 1 offset (select count(*) / 20 from instance)`,
      )
    ).rows;
    // `instanceAt` is asked about the instances real steps wrote (`seed-replayable.ts`; the set-based
    // seed's logs do not replay), each at the event in the middle of its life and at its last event.
    const lives = (
      await pg.query<{ id: string; at: Date }>(
        `select i.id, e.at from instance i
           join instance_event e on e.instance_id = i.id and e.seq in (greatest(1, i.version / 2), i.version)
          where i.context -> 'input' ->> 'customer' like '${REPLAYABLE} %'
             or i.context -> 'input' ->> 'unit' like '${REPLAYABLE}-%'
          order by i.id`,
      )
    ).rows.map((r) => ({ instanceId: r.id, at: new Date(r.at) }));
    if (lives.length === 0) {
      throw new Error(
        `${benchUrl()} has no instances written by real steps for instanceAt: run bench/audit/add-replayable.ts`,
      );
    }
    const params: Params = {
      instanceId: mid.id,
      lives,
      actor: 'bench.user.042',
      monthFrom: new Date('2026-03-01T00:00:00Z'),
      monthTo: new Date('2026-04-01T00:00:00Z'),
      dayFrom: new Date('2026-03-15T00:00:00Z'),
      dayTo: new Date('2026-03-16T00:00:00Z'),
    };
    const lines = [
      `| question (first page, ${Number(events).toLocaleString('en')} events) | ours p50 ms | ours p95 ms | SQL p50 ms | SQL p95 ms | p95 ratio |`,
      '|---|---:|---:|---:|---:|---:|',
    ];
    console.log(lines.join('\n'));
    const only = argValue('only');
    const asked = questions(createStore(db), createAuditQueries(db), pg, params);
    for (const q of asked.filter((question) => !only || question.name.includes(only))) {
      // Warm-up, which also tells a fast question from a slow one.
      const warm = Math.max(await time(q.ours), await time(q.hand));
      const n = q.heavy
        ? Math.max(3, Math.ceil(runs / 5))
        : warm < FAST_MS
          ? Math.max(runs, FAST_SAMPLES)
          : runs;
      const ours: number[] = [];
      const hand: number[] = [];
      // Taking turns, and each side first every other time, so a load spike or a GC pause after one
      // side's allocations falls on either side alike.
      for (let i = 0; i < n; i++) {
        if (i % 2 === 0) {
          ours.push(await time(q.ours));
          hand.push(await time(q.hand));
        } else {
          hand.push(await time(q.hand));
          ours.push(await time(q.ours));
        }
      }
      ours.sort((a, b) => a - b);
      hand.sort((a, b) => a - b);
      const f = (v: number) => v.toFixed(v < 10 ? 2 : 0);
      const line = `| ${q.name}${n !== runs ? ` (${n} runs)` : ''} | ${f(percentile(ours, 50))} | ${f(percentile(ours, 95))} | ${f(percentile(hand, 50))} | ${f(percentile(hand, 95))} | ${(percentile(ours, 95) / percentile(hand, 95)).toFixed(2)}× |`;
      lines.push(line);
      console.log(line);
    }
    const out = argValue('out');
    if (out) fs.writeFileSync(out, `${lines.join('\n')}\n`);
  } finally {
    await pg.end();
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
