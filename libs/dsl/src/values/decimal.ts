/**
 * An exact decimal number: `coef × 10^-scale` with a `bigint` coefficient.
 *
 * Money, percentages and decimals of the language all run on this type; floats never enter (see
 * docs/adr/0003-money-and-decimals.md). Instances are immutable; `scale` is a non-negative integer.
 */
export class Decimal {
  constructor(
    readonly coef: bigint,
    readonly scale: number,
  ) {}

  static readonly ZERO = new Decimal(0n, 0);
  static readonly ONE = new Decimal(1n, 0);

  /** An integer as a decimal of scale 0. */
  static fromInt(n: number | bigint): Decimal {
    return new Decimal(BigInt(n), 0);
  }
}

const POW10: bigint[] = [1n];

/** `10^n` as a bigint, cached (scales stay small, so the cache stays small). */
export function pow10(n: number): bigint {
  for (let i = POW10.length; i <= n; i++) POW10.push(POW10[i - 1] * 10n);
  return POW10[n];
}

/** The coefficients of `a` and `b` brought to their common (larger) scale. */
export function aligned(a: Decimal, b: Decimal): [bigint, bigint, number] {
  if (a.scale === b.scale) return [a.coef, b.coef, a.scale];
  if (a.scale > b.scale) return [a.coef, b.coef * pow10(a.scale - b.scale), a.scale];
  return [a.coef * pow10(b.scale - a.scale), b.coef, b.scale];
}

/** The same value at a larger scale (`1.5` at scale 3 is `1.500`). `scale` must be ≥ `d.scale`. */
export function rescaleUp(d: Decimal, scale: number): Decimal {
  return scale === d.scale ? d : new Decimal(d.coef * pow10(scale - d.scale), scale);
}

/** The same value with trailing fractional zeros removed (`2.500` → `2.5`, `3.00` → `3`). */
export function normalize(d: Decimal): Decimal {
  if (d.scale === 0 || d.coef % 10n !== 0n) return d;
  if (d.coef === 0n) return Decimal.ZERO;
  let coef = d.coef;
  let scale = d.scale;
  while (scale > 0 && coef % 10n === 0n) {
    coef /= 10n;
    scale--;
  }
  return new Decimal(coef, scale);
}

/** Numeric comparison: negative, zero or positive like `Array.prototype.sort` comparators. */
export function compareDecimal(a: Decimal, b: Decimal): number {
  const [x, y] = aligned(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function isZero(d: Decimal): boolean {
  return d.coef === 0n;
}

/** Number of digits after the point once trailing zeros are removed (`1.50` → 1). */
export function significantScale(d: Decimal): number {
  return normalize(d).scale;
}

/** `d × 10^-shift` exactly: a shift of 2 turns the percent number 2.5 into the fraction 0.025. */
export function shiftPoint(d: Decimal, shift: number): Decimal {
  if (shift >= 0) return new Decimal(d.coef, d.scale + shift);
  const up = -shift;
  if (d.scale >= up) return new Decimal(d.coef, d.scale - up);
  return new Decimal(d.coef * pow10(up - d.scale), 0);
}
