import { Decimal, pow10 } from './decimal';

/**
 * `half-up`: ties round away from zero (2.5 → 3, -2.5 → -3), as in Java's HALF_UP and spreadsheet ROUND.
 * `half-even`: ties round to the even neighbour (2.5 → 2, 3.5 → 4), "banker's rounding".
 */
export type RoundingMode = 'half-up' | 'half-even';

/** `numerator ÷ denominator` rounded to an integer with `mode`; `denominator` must not be zero. */
export function divideRounded(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  let q = n / d;
  const twiceRemainder = (n % d) * 2n;
  if (twiceRemainder > d || (twiceRemainder === d && (mode === 'half-up' || q % 2n === 1n))) q += 1n;
  return negative ? -q : q;
}

/**
 * `d` rounded to `places` fraction digits; the result has exactly that scale (`round(5, 2)` is
 * `5.00`), so money formats with its cents. `places` must be a non-negative integer.
 */
export function roundDecimal(d: Decimal, places: number, mode: RoundingMode): Decimal {
  if (d.scale <= places)
    return d.scale === places ? d : new Decimal(d.coef * pow10(places - d.scale), places);
  return new Decimal(divideRounded(d.coef, pow10(d.scale - places), mode), places);
}
