import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { openDatabase } from '../database/open-database';
import type { SignetDatabase } from '../database/open-database';
import { migrateAndSeed } from '../database/migrate-and-seed';

export const DEFAULT_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  db: SignetDatabase;
  /** The fresh database's URL (PostgreSQL only). */
  url?: string;
  /** Closes the database and, on PostgreSQL, drops it. */
  drop(): Promise<void>;
}

/** Which backend the tests run on: `SIGNET_TEST_DB=embedded` → in-memory PGlite, else PostgreSQL. */
export function testBackend(): 'postgres' | 'embedded' {
  return process.env.SIGNET_TEST_DB === 'embedded' ? 'embedded' : 'postgres';
}

/**
 * A fresh, migrated database with the demo organisation, one per call: on PostgreSQL
 * (`TEST_DATABASE_URL`, default the local server) a new `signet_test_<random>` database, dropped by
 * `drop()`; with `SIGNET_TEST_DB=embedded` (or `backend: 'embedded'`) an in-memory PGlite.
 */
export async function createTestDatabase(
  options: { backend?: 'postgres' | 'embedded' } = {},
): Promise<TestDatabase> {
  if ((options.backend ?? testBackend()) === 'embedded') {
    const db = await openDatabase({ inMemory: true });
    await migrateAndSeed(db);
    return { db, drop: () => db.close() };
  }
  const adminUrl = process.env.TEST_DATABASE_URL || DEFAULT_TEST_DATABASE_URL;
  const name = `signet_test_${randomBytes(6).toString('hex')}`;
  await admin(adminUrl, `create database ${name}`);
  const url = withDatabase(adminUrl, name);
  try {
    const db = await openDatabase({ url });
    await migrateAndSeed(db);
    return {
      db,
      url,
      drop: async () => {
        await db.close();
        await admin(adminUrl, `drop database if exists ${name} with (force)`);
      },
    };
  } catch (error) {
    await admin(adminUrl, `drop database if exists ${name} with (force)`);
    throw error;
  }
}

/** The same server and credentials, another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function admin(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
