import { ProcessError } from '../errors/process-error';
import type { Page, PageRequest, PageSlice } from '../store';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

/** The page size asked for, within bounds; a negative size is a client mistake. */
export function pageSize(page: PageRequest): number {
  const first = page.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0) {
    throw ProcessError.badInput(`first must be a whole number ≥ 0 (got ${first})`, [
      { path: 'first', message: 'must be ≥ 0' },
    ]);
  }
  return Math.min(first, MAX_PAGE_SIZE);
}

/**
 * Opaque cursors: base64url of `[list, ...position]`, so a cursor from one list is refused by another.
 */
export function encodeCursor(list: string, position: (string | number)[]): string {
  return Buffer.from(JSON.stringify([list, ...position]), 'utf8').toString('base64url');
}

/**
 * The position inside `cursor`, checked to belong to `list` and to hold `parts.length` strings that
 * each pass their check (so no malformed value ever reaches SQL).
 */
export function decodeCursor(
  cursor: string | undefined,
  list: string,
  parts: ((part: string) => boolean)[],
): string[] | null {
  if (cursor === undefined || cursor === '') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw ProcessError.badCursor(cursor);
  }
  if (
    !Array.isArray(parsed) ||
    parsed[0] !== list ||
    parsed.length !== parts.length + 1 ||
    !parsed.slice(1).every((part, i) => typeof part === 'string' && parts[i](part))
  ) {
    throw ProcessError.badCursor(cursor);
  }
  return parsed.slice(1) as string[];
}

/** Builds the page from up to `size + 1` rows (the extra row only says there is a next page). */
export function toPage<T>(
  rows: T[],
  size: number,
  totalCount: number,
  cursorOf: (row: T) => string,
): Page<T> {
  return { ...toSlice(rows, size, cursorOf), totalCount };
}

/** `toPage` without the total, for lists whose count is asked for separately. */
export function toSlice<T>(rows: T[], size: number, cursorOf: (row: T) => string): PageSlice<T> {
  const items = rows.slice(0, size).map((node) => ({ cursor: cursorOf(node), node }));
  return {
    items,
    hasNextPage: rows.length > size,
    endCursor: items.length ? items[items.length - 1].cursor : null,
  };
}

export const isIsoTime = (s: string): boolean =>
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(s) && !Number.isNaN(Date.parse(s));
export const isDigits = (s: string): boolean => /^\d{1,18}$/.test(s);
