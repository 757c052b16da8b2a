import { DEMO_ORGANISATION } from '../directory/demo-organisation';
import { inMemoryDirectory, type OrganisationData, withUsers } from '../directory/in-memory-directory';
import type { Directory, DirectoryUser, EngineContext } from '../types';

/** Deterministic ids: `task-1`, `task-2`, … (one counter per call of this function). */
export function sequentialIds(prefix = 'id'): () => string {
  let n = 0;
  return () => `${prefix}-${++n}`;
}

/** The demo organisation as a directory, optionally with some users changed. */
export function demoDirectory(changes: (Partial<DirectoryUser> & { username: string })[] = []): Directory {
  return inMemoryDirectory(changes.length ? withUsers(DEMO_ORGANISATION, changes) : DEMO_ORGANISATION);
}

export interface ContextOptions {
  now?: string;
  actor?: string | null;
  directory?: Directory;
  newId?: () => string;
  organisation?: OrganisationData;
}

/** An engine context for tests: the demo directory, a fixed time, sequential ids unless given. */
export function engineContext(o: ContextOptions = {}): EngineContext {
  return {
    now: o.now ?? '2026-11-23T09:00:00.000Z',
    actor: o.actor === undefined ? 'li.na' : o.actor,
    directory: o.directory ?? (o.organisation ? inMemoryDirectory(o.organisation) : demoDirectory()),
    newId: o.newId ?? sequentialIds(),
  };
}
