/**
 * Exact decimals for the static table checks: `n / 10^scale` with a bigint `n`. Only comparison and the
 * few operations that pick a witness value are needed; run-time arithmetic lives in `values/`.
 */
export interface Dec {
  n: bigint;
  scale: number;
}

const TEN = 10n;

/** `"-12.50"` → { n: -1250n, scale: 2 }. The text is a canonical literal (digits, optional sign and point). */
export function parseDec(text: string): Dec {
  const negative = text.startsWith('-');
  const [whole, fraction = ''] = (negative ? text.slice(1) : text).split('.');
  const n = BigInt(whole + fraction);
  return { n: negative ? -n : n, scale: fraction.length };
}

function align(a: Dec, b: Dec): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [a.n * TEN ** BigInt(scale - a.scale), b.n * TEN ** BigInt(scale - b.scale), scale];
}

export function compareDec(a: Dec, b: Dec): number {
  if (a.scale === b.scale) return a.n < b.n ? -1 : a.n > b.n ? 1 : 0;
  const [x, y] = align(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The exact midpoint of two decimals. */
export function midpoint(a: Dec, b: Dec): Dec {
  const [x, y, scale] = align(a, b);
  const sum = x + y;
  return sum % 2n === 0n ? { n: sum / 2n, scale } : { n: sum * 5n, scale: scale + 1 };
}

export function addInteger(a: Dec, k: bigint): Dec {
  return { n: a.n + k * TEN ** BigInt(a.scale), scale: a.scale };
}

export function floorDec(a: Dec): bigint {
  if (a.scale === 0) return a.n;
  const unit = TEN ** BigInt(a.scale);
  const q = a.n / unit;
  return a.n < 0n && q * unit !== a.n ? q - 1n : q;
}

export function ceilDec(a: Dec): bigint {
  return -floorDec({ n: -a.n, scale: a.scale });
}

export const fromInteger = (k: bigint): Dec => ({ n: k, scale: 0 });

export function showDec(a: Dec): string {
  const negative = a.n < 0n;
  const digits = (negative ? -a.n : a.n).toString().padStart(a.scale + 1, '0');
  const text = a.scale === 0 ? digits : `${digits.slice(0, -a.scale)}.${digits.slice(-a.scale)}`;
  return negative ? `-${text}` : text;
}
