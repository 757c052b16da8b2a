/**
 * `node scripts/run-ts.js bench/audit/add-replayable.ts [--pairs 100]`: adds the instances written by
 * real steps that `instanceAt` replays (`seed-replayable.ts`) to a benchmark database seeded before
 * `seed.ts` wrote them; refuses if the database has them already.
 */
import { openDatabase } from '@signet/persistence';
import { argValue, benchClient, benchUrl } from './bench-database';
import { REPLAYABLE, seedReplayable } from './seed-replayable';

async function main(): Promise<void> {
  const pairs = Number(argValue('pairs') ?? 100);
  const client = await benchClient();
  try {
    const { rows } = await client.query<{ n: string }>(
      `select count(*)::text as n from instance where context -> 'input' ->> 'unit' like '${REPLAYABLE}-%'`,
    );
    if (Number(rows[0].n) > 0)
      throw new Error(`${benchUrl()} already has ${rows[0].n} replayable discount requests`);
  } finally {
    await client.end();
  }
  const db = await openDatabase({ url: benchUrl() });
  try {
    await seedReplayable(db, pairs);
  } finally {
    await db.close();
  }
  console.log(
    `added ${pairs} replayable complaints and ${pairs} replayable discount requests to ${benchUrl()}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
