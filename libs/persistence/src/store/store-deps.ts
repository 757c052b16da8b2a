import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { SignetDatabase } from '../database/open-database';
import { translateWriteError } from '../errors/translate-write-error';
import type { WriteContext } from '../errors/translate-write-error';

/** What every store operation needs: the database and the ports for time and fresh ids. */
export interface StoreDeps {
  db: SignetDatabase;
  now: () => Date;
  newId: () => string;
  /** The business calendar (a `business_calendar` name) every step counts `workdays` in. */
  calendar: string;
}

/** A fresh EntityManager for one read; never the global one. */
export function readEm(deps: StoreDeps): SqlEntityManager {
  return deps.db.orm.em.fork();
}

/**
 * Runs `work` as one transaction: everything it wrote commits together, or nothing does. Errors
 * leave as ProcessErrors (database failures translated here, with `context` naming the target,
 * which `work` may fill in as it learns it).
 */
export async function mutate<T>(
  deps: StoreDeps,
  context: WriteContext,
  work: (em: SqlEntityManager) => Promise<T>,
): Promise<T> {
  try {
    return await readEm(deps).transactional((em) => work(em));
  } catch (error) {
    throw await translateWriteError(error, context, readEm(deps));
  }
}
