import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { MikroORM } from '@mikro-orm/core';
import type { AbstractSqlDriver } from '@mikro-orm/postgresql';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { PGliteDriver } from 'mikro-orm-pglite';
import { patchPGliteStatementSplitting } from './pglite-statements';
import type { PGliteConnectionConfig } from 'mikro-orm-pglite';
import { acquireDataDirectoryLock } from './data-dir-lock';
import type { DataDirectoryLock } from './data-dir-lock';
import { commonOrmOptions } from './orm-options';

/** Where the data lives: a PostgreSQL URL, or the embedded PGlite in a data directory or in memory. */
export interface DatabaseConfig {
  url?: string;
  dataDir?: string;
  inMemory?: boolean;
}

export interface SignetDatabase {
  orm: MikroORM<AbstractSqlDriver>;
  kind: 'postgres' | 'embedded';
  /** Applies pending migrations; returns their names (empty when the schema is current). */
  migrate(): Promise<string[]>;
  /** Closes the ORM, the embedded database and its data-directory lock. */
  close(): Promise<void>;
}

/**
 * Opens the database: `url` → PostgreSQL; otherwise the embedded PGlite (PostgreSQL 17 in-process),
 * in `dataDir` (created on first open; refused while another process holds it) or in memory.
 * Migrations are not applied here: call `migrate()` (or `migrateAndSeed`).
 */
export async function openDatabase(config: DatabaseConfig): Promise<SignetDatabase> {
  if (config.url) return openPostgres(config.url);
  if (config.dataDir) return openEmbedded(resolve(config.dataDir));
  if (config.inMemory) return openEmbedded(null);
  throw new Error('openDatabase needs a url, a dataDir or inMemory: true');
}

async function openPostgres(url: string): Promise<SignetDatabase> {
  const orm = await MikroORM.init<PostgreSqlDriver>({
    ...commonOrmOptions<PostgreSqlDriver>(),
    driver: PostgreSqlDriver,
    clientUrl: url,
  });
  return wrap(orm, 'postgres', async () => {});
}

async function openEmbedded(dataDir: string | null): Promise<SignetDatabase> {
  let lock: DataDirectoryLock | null = null;
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    lock = acquireDataDirectoryLock(dataDir);
  }
  let pglite: PGlite | null = null;
  try {
    pglite = dataDir ? new PGlite(join(dataDir, 'pgdata')) : new PGlite();
    await pglite.waitReady;
    const borrowed = pglite;
    patchPGliteStatementSplitting();
    const orm = await MikroORM.init<PGliteDriver>({
      ...commonOrmOptions<PGliteDriver>(),
      driver: PGliteDriver,
      dbName: 'postgres',
      driverOptions: { connection: { pglite: () => borrowed } satisfies PGliteConnectionConfig },
    });
    // MikroORM treats an injected PGlite as borrowed: closing the ORM leaves it open, so we close it.
    return wrap(orm, 'embedded', async () => {
      try {
        await borrowed.close();
      } finally {
        lock?.release();
      }
    });
  } catch (error) {
    await pglite?.close().catch(() => undefined);
    lock?.release();
    throw error;
  }
}

function wrap(
  orm: MikroORM<AbstractSqlDriver>,
  kind: SignetDatabase['kind'],
  afterClose: () => Promise<void>,
): SignetDatabase {
  let closed: Promise<void> | null = null;
  return {
    orm,
    kind,
    async migrate() {
      const applied = await orm.getMigrator().up();
      return applied.map((migration) => migration.name);
    },
    close() {
      closed ??= orm.close(true).then(afterClose, async (error: unknown) => {
        await afterClose();
        throw error;
      });
      return closed;
    },
  };
}
