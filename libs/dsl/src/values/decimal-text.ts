import { Decimal, pow10 } from './decimal';
import { scanSmallDecimal, SmallDecimal } from './small-decimal';

/**
 * Parses plain decimal text (`"1850000.00"`, `"-0.5"`, `"42"`): an optional minus, digits, an optional
 * fraction. No exponent, no grouping, no leading `+` or `.`. Returns `undefined` for anything else.
 * The scale is the number of fraction digits as written, so `"2.50"` keeps scale 2.
 */
export function parseDecimal(text: string): Decimal | undefined {
  return parseDecimalPrefix(text, text.length);
}

/** `parseDecimal` of `text.slice(0, n)`, without the slice (a percent's text before its `%`). */
export function parseDecimalPrefix(text: string, n: number): Decimal | undefined {
  // Every reference to stored money runs this: the hand-written scan of the Number fast path reads
  // up to 15 digits exactly (a regular expression plus `BigInt(string)` cost several times more).
  if (scanSmallDecimal(text, n, scratch)) return new Decimal(BigInt(scratch.coef), scratch.scale);
  // Invalid text, or more digits than a double holds: the rare long way.
  const match = LONG_DECIMAL.exec(n === text.length ? text : text.slice(0, n));
  if (!match) return undefined;
  const coef = BigInt(match[1] + match[2] + (match[3] ?? ''));
  return new Decimal(coef, match[3]?.length ?? 0);
}

const scratch = new SmallDecimal();
const LONG_DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** Formats with exactly `d.scale` fraction digits: `Decimal(185000000n, 2)` → `"1850000.00"`. */
export function formatDecimal(d: Decimal): string {
  const negative = d.coef < 0n;
  const digits = (negative ? -d.coef : d.coef).toString();
  let text: string;
  if (d.scale === 0) text = digits;
  else {
    const padded = digits.padStart(d.scale + 1, '0');
    text = `${padded.slice(0, -d.scale)}.${padded.slice(-d.scale)}`;
  }
  return negative ? `-${text}` : text;
}

/**
 * The exact decimal text of a finite JSON number as JavaScript prints it (shortest round-trip
 * form), expanding exponents: `1e21` → `"1000000000000000000000"`, `1.5e-7` → `"0.00000015"`.
 * Returns `undefined` for NaN and infinities.
 */
export function numberToDecimalText(n: number): string | undefined {
  if (!Number.isFinite(n)) return undefined;
  const text = String(n);
  const m = /^(-)?(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!m) return text;
  const digits = m[2] + (m[3] ?? '');
  const exponent = Number(m[4]) - (m[3] ?? '').length;
  const coef = BigInt(digits) * (exponent > 0 ? pow10(exponent) : 1n);
  return formatDecimal(new Decimal(m[1] ? -coef : coef, exponent < 0 ? -exponent : 0));
}
