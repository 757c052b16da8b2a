import type { PageRequest } from '@signet/persistence';
import { ApiException } from '../errors/api.exception';

/** Largest page a client may ask for; bigger pages hold a request for too long. */
export const MAX_PAGE_SIZE = 200;

/** Validates Relay `first`/`after` arguments into a store page request. */
export function pageRequest(first: number | null | undefined, after: string | null | undefined): PageRequest {
  if (first != null && (first < 0 || first > MAX_PAGE_SIZE)) {
    throw ApiException.badUserInput(`"first" must be between 0 and ${MAX_PAGE_SIZE}, got ${first}.`, [
      { path: 'first', message: `between 0 and ${MAX_PAGE_SIZE}` },
    ]);
  }
  return { ...(first != null ? { first } : {}), ...(after != null ? { after } : {}) };
}
