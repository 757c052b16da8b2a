/**
 * The audit benchmark's database: `signet_bench_audit` on BENCH_DATABASE_URL (default the local
 * PostgreSQL), created fresh by the seed and reused by the query benchmark.
 */
import { Client } from 'pg';

export const BENCH_DB = process.env.BENCH_AUDIT_DB ?? 'signet_bench_audit';
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function benchUrl(): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${BENCH_DB}`;
  return url.toString();
}

/** Runs one statement on the admin database (create / drop database). */
export async function admin(sql: string): Promise<void> {
  const client = new Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A plain pg client on the benchmark database: the "hand-written SQL" side. */
export async function benchClient(): Promise<Client> {
  const client = new Client({ connectionString: benchUrl() });
  await client.connect();
  return client;
}

/** The value of `--name <value>` on the command line, if given. */
export function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
