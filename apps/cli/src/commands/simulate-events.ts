import { addDuration, formatTimestamp, parseDuration, parseTimestamp, type Json } from '@signet/dsl';

/** One item of `--events`: advance the simulated clock, or send an event. */
export type SimulationItem =
  | { k: 'advance'; by: string }
  | { k: 'event'; type: string; actor: string | null | undefined; payload?: Json };

/** Splits on commas outside `{…}`/`[…]`/strings, so payloads may hold commas. */
function splitTop(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '\\') i++;
      else if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

/**
 * Parses `--events 'submit,approve@chen.jie,+24h,record_deposit@sun.li{"amount":"50000"}'`:
 * `+<duration>` advances the clock (`+30m`, `+24h`, `+2 workdays`); `type[@actor][{payload}]` sends an
 * event (without `@`, the actor is left to the caller: the starter, or nobody for `timer.…`).
 */
export function parseSimulationEvents(
  text: string,
): { ok: true; items: SimulationItem[] } | { ok: false; message: string } {
  const items: SimulationItem[] = [];
  for (const part of splitTop(text)) {
    if (part.startsWith('+')) {
      if (!parseDuration(part.slice(1).trim()))
        return { ok: false, message: `"${part}" is not a duration (e.g. +24h, +2 workdays)` };
      items.push({ k: 'advance', by: part.slice(1).trim() });
      continue;
    }
    const m = /^([A-Za-z_][\w.]*)(?:@([\w.-]+))?(\{.*\})?$/s.exec(part);
    if (!m) return { ok: false, message: `"${part}" is not an event (type[@actor][{payload}])` };
    let payload: Json | undefined;
    if (m[3] !== undefined) {
      try {
        payload = JSON.parse(m[3]) as Json;
      } catch {
        return { ok: false, message: `the payload of "${m[1]}" is not JSON: ${m[3]}` };
      }
    }
    items.push({ k: 'event', type: m[1], actor: m[2], ...(payload !== undefined ? { payload } : {}) });
  }
  return { ok: true, items };
}

/** `now + by` on the simulated clock (weekends skipped for workdays), as ISO text. */
export function advanceClock(now: string, by: string): string {
  const t = parseTimestamp(now);
  const d = parseDuration(by);
  if (t === undefined || !d) throw new Error(`bug: advancing ${now} by ${by}`);
  return formatTimestamp(addDuration(t, d));
}
