import { Decimal } from './decimal';
import { roundDecimal, type RoundingMode } from './decimal-rounding';

/**
 * The Number fast path of the decimal arithmetic (ADR 0003 keeps `bigint` as the representation;
 * this is only a shortcut where a double is provably exact). A "small" decimal is `coef × 10^-scale`
 * with `coef` a safe integer (|coef| ≤ 2^53 − 1): every integer in that range is exact as a double,
 * and so are the products, remainders and quotients below, each checked before it is used. Anything
 * outside the range makes the functions answer "not here" and callers fall back to `bigint`.
 */
export class SmallDecimal {
  coef = 0;
  scale = 0;
}

/** Digits a double holds exactly as an integer (2^53 ≈ 9.007·10^15). */
const MAX_EXACT_DIGITS = 15;

/** `10^k` as doubles: exact up to 10^22 (5^22 < 2^53). */
const POW10_EXACT: readonly number[] = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * `parseDecimal(text.slice(0, n))` into `out` when the text is valid and has at most 15 digits;
 * `false` otherwise (invalid text, or too many digits: the caller decodes with `bigint` instead,
 * which also tells the two apart). Accepts exactly what `parseDecimal` accepts.
 */
export function scanSmallDecimal(text: string, n: number, out: SmallDecimal): boolean {
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
    else return false;
  }
  if (digits === 0 || digits > MAX_EXACT_DIGITS || point === start || point === n - 1) return false;
  out.coef = start === 1 ? -small : small;
  out.scale = point < 0 ? 0 : n - point - 1;
  return true;
}

/** `d` as a small decimal in `out`, or `false` when its coefficient is not a safe integer. */
export function toSmallDecimal(d: Decimal, out: SmallDecimal): boolean {
  const c = d.coef;
  if (c > 9007199254740991n || c < -9007199254740991n) return false;
  out.coef = Number(c);
  out.scale = d.scale;
  return true;
}

/**
 * `roundDecimal(multiply(a, b), places, mode)` for small `a` (`aCoef × 10^-aScale`) and `b`, computed
 * on doubles without intermediate `Decimal`s, or `undefined` when the product's coefficient is not a
 * safe integer (or the scales are out of the exact range): then the caller uses `roundProduct`.
 * Exact: the product is checked to stay below 2^53 (rounding to a double is monotonic, so a true product
 * ≥ 2^53 never passes the check), `%` on doubles is exact, and the quotient of a multiple is exact.
 */
export function roundSmallProduct(
  aCoef: number,
  aScale: number,
  bCoef: number,
  bScale: number,
  places: number,
  mode: RoundingMode,
): Decimal | undefined {
  const p = aCoef * bCoef;
  if (!(p <= Number.MAX_SAFE_INTEGER && p >= -Number.MAX_SAFE_INTEGER)) return undefined;
  const scale = aScale + bScale;
  if (scale <= places) {
    const k = places - scale;
    if (k >= POW10_EXACT.length) return undefined;
    const m = p * POW10_EXACT[k];
    if (!(m <= Number.MAX_SAFE_INTEGER && m >= -Number.MAX_SAFE_INTEGER)) return undefined;
    return new Decimal(BigInt(m), places);
  }
  const k = scale - places;
  if (k >= POW10_EXACT.length) return undefined;
  const d = POW10_EXACT[k];
  const n = p < 0 ? -p : p;
  const r = n % d;
  let q = (n - r) / d;
  const twice = r * 2;
  if (twice > d || (twice === d && (mode === 'half-up' || q % 2 === 1))) q += 1;
  return new Decimal(BigInt(p < 0 ? -q : q), places);
}

/** `roundDecimal(multiply(a, b), places, mode)`: the fast path when it applies, `bigint` otherwise. */
export function roundProduct(a: Decimal, b: Decimal, places: number, mode: RoundingMode): Decimal {
  const x = new SmallDecimal();
  const y = new SmallDecimal();
  if (toSmallDecimal(a, x) && toSmallDecimal(b, y)) {
    const fast = roundSmallProduct(x.coef, x.scale, y.coef, y.scale, places, mode);
    if (fast) return fast;
  }
  return roundDecimal(new Decimal(a.coef * b.coef, a.scale + b.scale), places, mode);
}
