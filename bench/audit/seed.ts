/**
 * `node scripts/run-ts.js bench/audit/seed.ts [--events N] [--full]`: a fresh `signet_bench_audit`
 * database (migrations, demo org, the shipped discount and complaint flows) filled with N events
 * (default 1 M, `--full` 10 M) across N/10 discount requests, plus one complaint per 20 requests (about
 * 5 % more events), by set-based SQL, plus 100 complaints and 100 requests written by real steps for
 * `instanceAt` to replay (`seed-replayable.ts`), then vacuumed. Triggers are off while loading (the
 * append-only guards and the global-chain trigger), so the seeded rows carry placeholder hashes and
 * no global chain: the benchmark measures queries, not verification.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createStore, migrateAndSeed, openDatabase } from '@signet/persistence';
import { BENCH_DB, admin, argValue, benchClient, benchUrl } from './bench-database';
import { complaintSeedStatements } from './seed-complaints-sql';
import { seedReplayable } from './seed-replayable';
import { seedStatements } from './seed-sql';

const EVENTS_PER_INSTANCE = 10;
/** One complaint (about five events) per this many discount requests. */
const INSTANCES_PER_COMPLAINT = 20;
/** Complaints and discount requests written by real steps (`seed-replayable.ts`), each. */
const REPLAYABLE_PAIRS = 100;

async function main(): Promise<void> {
  const events = Number(argValue('events') ?? (process.argv.includes('--full') ? 10_000_000 : 1_000_000));
  const instances = Math.floor(events / EVENTS_PER_INSTANCE);
  const t0 = performance.now();
  await admin(`drop database if exists ${BENCH_DB} with (force)`);
  await admin(`create database ${BENCH_DB}`);
  const db = await openDatabase({ url: benchUrl() });
  let definition;
  let complaint;
  try {
    await migrateAndSeed(db);
    const flow = (file: string) => fs.readFileSync(path.join(__dirname, '../../workflows', file), 'utf8');
    definition = await createStore(db).deployFlow(flow('discount-approval.flow'), 'zhao.min');
    complaint = await createStore(db).deployFlow(flow('complaint.flow'), 'zhao.min');
  } finally {
    await db.close();
  }
  const client = await benchClient();
  try {
    await client.query('set session_replication_role = replica');
    await client.query(`set maintenance_work_mem = '256MB'`);
    const statements = [
      ...seedStatements(instances, EVENTS_PER_INSTANCE, definition.id, definition.hash),
      ...complaintSeedStatements(
        Math.floor(instances / INSTANCES_PER_COMPLAINT),
        complaint.id,
        complaint.hash,
      ),
    ];
    const timed = async (what: string, run: () => Promise<unknown>) => {
      const t = performance.now();
      await run();
      console.log(`${((performance.now() - t) / 1000).toFixed(1).padStart(7)} s  ${what}`);
    };
    for (const sql of statements)
      await timed(sql.trim().split('\n')[0].slice(0, 90), () => client.query(sql));
    // Through the store, with its triggers: the logs `instanceAt` replays in the benchmark.
    const replayDb = await openDatabase({ url: benchUrl() });
    try {
      await timed(`${REPLAYABLE_PAIRS} replayable complaints and discount requests`, () =>
        seedReplayable(replayDb, REPLAYABLE_PAIRS),
      );
    } finally {
      await replayDb.close();
    }
    // As autovacuum leaves an insert-mostly table: statistics, and the visibility map that lets
    // counts be index-only scans.
    await timed('vacuum (analyze)', () => client.query('vacuum (analyze)'));
    const { rows } = await client.query<{ events: string; size: string }>(
      `select (select count(*) from instance_event)::text as events,
              pg_size_pretty(pg_database_size(current_database())) as size`,
    );
    console.log(
      `seeded ${rows[0].events} events across ${instances} instances in ${((performance.now() - t0) / 1000).toFixed(0)} s (database ${rows[0].size})`,
    );
  } finally {
    await client.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
