import type { SignetDatabase } from '@signet/persistence';

/** Answers whether the database takes queries right now. Never throws for a down database. */
export type DatabaseProbe = () => Promise<boolean>;

/** Injection token of the `DatabaseProbe` the health route asks. */
export const DATABASE_PROBE = Symbol('DATABASE_PROBE');

/** Probes a Signet database with a trivial query through its connection. */
export function probeOf(db: SignetDatabase): DatabaseProbe {
  return async () => {
    try {
      return (await db.orm.checkConnection()).ok;
    } catch {
      return false;
    }
  };
}
