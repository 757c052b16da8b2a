/**
 * An independent exact decimal reference for the benchmarks: decimal text ⇄ scaled bigint, and
 * half-up rounding, written long-hand here so it shares no code with `@signet/dsl`'s Decimal.
 */

/** `"123.4"` at `places` 2 → `12340n`. The text must have at most `places` fraction digits. */
export function toScaled(text: string, places: number): bigint {
  const neg = text.startsWith('-');
  const body = neg ? text.slice(1) : text;
  const [int, frac = ''] = body.split('.');
  if (frac.length > places) throw new Error(`${text} has more than ${places} fraction digits`);
  const v = BigInt(int + frac.padEnd(places, '0'));
  return neg ? -v : v;
}

/** `n / d` rounded half away from zero (`d` > 0). */
export function divHalfUp(n: bigint, d: bigint): bigint {
  const neg = n < 0n;
  const a = neg ? -n : n;
  let q = a / d;
  if ((a % d) * 2n >= d) q += 1n;
  return neg ? -q : q;
}

/** A scaled bigint back to text with exactly `places` fraction digits. */
export function fromScaled(v: bigint, places: number): string {
  const neg = v < 0n;
  const s = (neg ? -v : v).toString().padStart(places + 1, '0');
  const t = places === 0 ? s : `${s.slice(0, -places)}.${s.slice(-places)}`;
  return neg ? `-${t}` : t;
}
