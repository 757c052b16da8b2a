import type { Decimal } from './decimal';
import { normalize, shiftPoint } from './decimal';
import { formatDecimal, parseDecimalPrefix } from './decimal-text';

/**
 * A percentage is held as its percent number: `2.5%` is the decimal 2.5 (not 0.025), so it prints
 * back as written. `asFraction` gives the value to multiply with (0.025).
 */
export type Percent = Decimal;

/** Parses `"2.5%"` / `"-1%"` (no space before `%`); `undefined` for anything else. */
export function parsePercent(text: string): Percent | undefined {
  const n = text.length - 1;
  return n >= 0 && text.charCodeAt(n) === 37 /* % */ ? parseDecimalPrefix(text, n) : undefined;
}

/** Canonical JSON text: normalized decimal plus `%` (`2.50%` → `"2.5%"`). */
export function formatPercent(p: Percent): string {
  return `${formatDecimal(normalize(p))}%`;
}

/** The fraction a percentage stands for: `2.5%` → `0.025`. */
export function asFraction(p: Percent): Decimal {
  return shiftPoint(p, 2);
}

/** The percentage a fraction stands for: `0.025` → `2.5%`. */
export function fromFraction(d: Decimal): Percent {
  return shiftPoint(d, -2);
}
