import { createHash } from 'node:crypto';
import { canonicalJson } from '@signet/dsl';
import type { Json } from '@signet/dsl';

/** The fields of an event that its hash covers (everything but the database id and the hashes). */
export interface HashedEventFields {
  instanceId: string;
  seq: number;
  type: string;
  actor: string | null;
  /** ISO-8601 UTC with milliseconds, as `Date.prototype.toISOString` writes it. */
  at: string;
  flowVersion: number;
  definitionHash: string;
  fromState: string | null;
  toState: string;
  payload: Json;
  trace: Json;
}

/**
 * `sha256(prevHash + canonicalJson(fields))` in hex; the first event of an instance has no previous
 * hash (the empty string is hashed in its place). Changing any field, or removing or reordering an
 * event, breaks every later hash of the chain.
 */
export function eventHash(prevHash: string | null, fields: HashedEventFields): string {
  return createHash('sha256')
    .update((prevHash ?? '') + canonicalJson(fields), 'utf8')
    .digest('hex');
}
