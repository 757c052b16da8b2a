const TTL = /^(\d+)(s|m|h|d)$/;
const SECONDS = { s: 1, m: 60, h: 3600, d: 86400 } as const;

/** Parses a token lifetime (`"30m"`, `"8h"`, `"7d"`) into seconds; `undefined` when malformed or zero. */
export function parseTtl(ttl: string): number | undefined {
  const match = TTL.exec(ttl.trim());
  if (!match) return undefined;
  const seconds = Number(match[1]) * SECONDS[match[2] as keyof typeof SECONDS];
  return seconds > 0 ? seconds : undefined;
}
