/**
 * Timestamps are instants in UTC. At run time they are epoch milliseconds (so they compare with `<`);
 * in JSON they are ISO-8601 text. There is no wall clock here: the current time always arrives as data.
 */
export type Timestamp = number;

// Date and time, optional fraction, and an explicit zone (`Z` or an offset) so no local time sneaks in.
const ISO_TEXT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Parses ISO-8601 with an explicit zone (`2026-11-23T09:30:00Z`, `…+08:00`); `undefined` otherwise. */
export function parseTimestamp(text: string): Timestamp | undefined {
  if (!ISO_TEXT.test(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Canonical JSON text: UTC with milliseconds, `2026-11-23T09:30:00.000Z`. */
export function formatTimestamp(t: Timestamp): string {
  return new Date(t).toISOString();
}
