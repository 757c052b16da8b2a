import type { IDatabaseDriver, Options } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { entities } from '../entities';
import { migrationsList } from '../migrations';

/** Settings shared by the PostgreSQL and the embedded driver: explicit entities and migrations, UTC. */
export function commonOrmOptions<D extends IDatabaseDriver>(): Options<D> {
  return {
    entities,
    extensions: [Migrator],
    migrations: {
      migrationsList,
      tableName: 'mikro_orm_migrations',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
    },
    forceUtcTimezone: true,
    // Every unit of work is an explicit fork; the global EntityManager is never used for queries.
    allowGlobalContext: false,
    debug: false,
  };
}
