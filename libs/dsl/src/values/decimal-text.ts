import { Decimal, pow10 } from './decimal';

/** Digits a double holds exactly as an integer (2^53 ≈ 9.007·10^15). */
const MAX_EXACT_DIGITS = 15;

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
  // A hand-written scan: every reference to stored money runs it, and a regular expression plus
  // `BigInt(string)` cost several times more. Up to 15 digits the coefficient is exact as a number.
  const start = n > 0 && text.charCodeAt(0) === 45 /* - */ ? 1 : 0;
  let point = -1;
  let digits = 0;
  let small = 0;
  for (let i = start; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      small = small * 10 + (c - 48);
      digits++;
    } else if (c === 46 /* . */ && point < 0) point = i;
    else return undefined;
  }
  if (digits === 0 || point === start || point === n - 1) return undefined;
  const scale = point < 0 ? 0 : n - point - 1;
  const coef =
    digits <= MAX_EXACT_DIGITS
      ? BigInt(small)
      : BigInt(point < 0 ? text.slice(start, n) : text.slice(start, point) + text.slice(point + 1, n));
  return new Decimal(start === 1 ? -coef : coef, scale);
}

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
