import { DriverException, OptimisticLockError } from '@mikro-orm/core';
import { APPEND_ONLY_SQLSTATE } from '../migrations';

/**
 * What went wrong in the database, in the store's words. This is the only place that reads
 * SQLSTATEs and MikroORM error classes; `translateWriteError` turns the result into a ProcessError.
 */
export type DatabaseFailure =
  /** A unique constraint or index refused the write; `constraint` names it. */
  | { kind: 'unique'; constraint: string | null }
  /** An optimistic version check failed, or PostgreSQL aborted one of two racing transactions. */
  | { kind: 'lost-race' }
  /** A value PostgreSQL cannot store (e.g. `\u0000` in a JSON string). */
  | { kind: 'invalid-value'; message: string }
  /** Someone tried to change or remove an event. */
  | { kind: 'append-only' };

const SQLSTATE_UNIQUE = '23505';
const SQLSTATE_SERIALIZATION = '40001';
const SQLSTATE_DEADLOCK = '40P01';
const SQLSTATE_CLASS_DATA_EXCEPTION = '22';

/** Classifies a database error, or returns null for anything else (an outage or a bug). */
export function classifyDatabaseFailure(error: unknown): DatabaseFailure | null {
  if (error instanceof OptimisticLockError) return { kind: 'lost-race' };
  if (!(error instanceof DriverException)) return null;
  const state = error.code ?? '';
  if (state === SQLSTATE_UNIQUE) return { kind: 'unique', constraint: constraintOf(error) };
  if (state === SQLSTATE_SERIALIZATION || state === SQLSTATE_DEADLOCK) return { kind: 'lost-race' };
  if (state === APPEND_ONLY_SQLSTATE) return { kind: 'append-only' };
  if (state.startsWith(SQLSTATE_CLASS_DATA_EXCEPTION)) {
    return { kind: 'invalid-value', message: firstLine(error.message) };
  }
  return null;
}

function constraintOf(error: DriverException): string | null {
  const constraint = (error as DriverException & { constraint?: unknown }).constraint;
  return typeof constraint === 'string' ? constraint : null;
}

// MikroORM prefixes the driver's message with the failing SQL: keep only PostgreSQL's own words.
function firstLine(message: string): string {
  const parts = message.split(' - ');
  return (parts.length > 1 ? parts.slice(1).join(' - ') : message).split('\n')[0];
}
