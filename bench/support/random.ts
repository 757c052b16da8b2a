/**
 * A small seeded generator (mulberry32), so every contender and every run sees the same inputs.
 * Benchmarks are not domain code; `Math.random` would make runs incomparable.
 */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [lo, hi], inclusive. */
export function intIn(rnd: () => number, lo: number, hi: number): number {
  return lo + Math.floor(rnd() * (hi - lo + 1));
}

/** `units / 10^places` as canonical decimal text (`12345, 2` → `"123.45"`). */
export function decimalText(units: number | bigint, places: number): string {
  const s = BigInt(units)
    .toString()
    .padStart(places + 1, '0');
  return places === 0 ? s : `${s.slice(0, -places)}.${s.slice(-places)}`;
}
