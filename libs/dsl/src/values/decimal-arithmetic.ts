import { aligned, Decimal, normalize, pow10 } from './decimal';
import { divideRounded, type RoundingMode } from './decimal-rounding';

/** Fraction digits kept by `divide` unless told otherwise (see ADR 0003). */
export const DIVISION_DIGITS = 20;

export function add(a: Decimal, b: Decimal): Decimal {
  const [x, y, scale] = aligned(a, b);
  return new Decimal(x + y, scale);
}

export function subtract(a: Decimal, b: Decimal): Decimal {
  const [x, y, scale] = aligned(a, b);
  return new Decimal(x - y, scale);
}

/** Exact product; the scale is the sum of the scales. */
export function multiply(a: Decimal, b: Decimal): Decimal {
  return new Decimal(a.coef * b.coef, a.scale + b.scale);
}

export function negate(a: Decimal): Decimal {
  return new Decimal(-a.coef, a.scale);
}

export function absolute(a: Decimal): Decimal {
  return a.coef < 0n ? negate(a) : a;
}

/**
 * `a ÷ b` rounded to `digits` fraction digits (default 20, half-even), trailing zeros removed, so
 * exact quotients stay short (`1 ÷ 4` → `0.25`). Returns `undefined` when `b` is zero.
 */
export function divide(
  a: Decimal,
  b: Decimal,
  digits: number = DIVISION_DIGITS,
  mode: RoundingMode = 'half-even',
): Decimal | undefined {
  if (b.coef === 0n) return undefined;
  // a/b = (a.coef · 10^b.scale) / (b.coef · 10^a.scale); scaled by 10^digits for the result coefficient.
  const numerator = a.coef * pow10(b.scale + digits);
  const denominator = b.coef * pow10(a.scale);
  return normalize(new Decimal(divideRounded(numerator, denominator, mode), digits));
}
