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
export const POW10_EXACT: readonly number[] = Array.from({ length: 23 }, (_, k) => 10 ** k);

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
 * ≥ 2^53 never passes the check), and the quotient and remainder are exact integers (see below).
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
  const scale = aScale + bScale;
  if (!(p <= Number.MAX_SAFE_INTEGER && p >= -Number.MAX_SAFE_INTEGER)) {
    const q = scale > places ? roundWideQuotient(aCoef, bCoef, scale - places, mode) : undefined;
    return q === undefined ? undefined : new Decimal(BigInt(q), places);
  }
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
  // One division, no `%` (for doubles beyond 32 bits V8 computes `%` out of line, ~20 ns). The
  // quotient's floor is the true one or one more (rounding is monotonic and integers are exact, and
  // n < 2^53 keeps the error below 1); then q·d ≤ n + d and the remainder are exact integers, as
  // d ≤ 10^15 whenever q > 0 (a larger d exceeds n, so the floor is 0).
  let q = Math.floor(n / d);
  let r = n - q * d;
  if (r < 0) {
    q -= 1;
    r += d;
  }
  const twice = r * 2;
  if (twice > d || (twice === d && (mode === 'half-up' || q % 2 === 1))) q += 1;
  return new Decimal(BigInt(p < 0 ? -q : q), places);
}

/** The split of the wider factor in `roundWideQuotient`: its low part has 7 digits. */
const SPLIT = 1e7;

/**
 * `a × b ÷ 10^k` rounded to an integer with `mode`, for safe integers whose product is beyond 2^53
 * (a contract of 10⁹ CNY times a rate with 4 decimals), `1 ≤ k ≤ 7`; `undefined` when a step below
 * would leave the exact range. The wider factor is split as `x1·10^7 + x0`, so the product is
 * `h·10^7 + l` with `h = x1·y` and `l = x0·y` checked safe (hence exact); then
 * `a·b ÷ 10^k = h·10^(7−k) + l ÷ 10^k`, whose integer part and remainder are exact safe integers.
 */
function roundWideQuotient(a: number, b: number, k: number, mode: RoundingMode): number | undefined {
  if (k < 1 || k > 7) return undefined;
  const negative = a < 0 !== b < 0;
  let x = a < 0 ? -a : a;
  let y = b < 0 ? -b : b;
  if (x < y) [x, y] = [y, x];
  let x1 = Math.floor(x / SPLIT);
  let x0 = x - x1 * SPLIT;
  if (x0 < 0) {
    x1 -= 1;
    x0 += SPLIT;
  }
  const h = x1 * y;
  const l = x0 * y;
  if (!(h <= Number.MAX_SAFE_INTEGER && l <= Number.MAX_SAFE_INTEGER)) return undefined;
  const d = POW10_EXACT[k];
  let ql = Math.floor(l / d);
  let r = l - ql * d;
  if (r < 0) {
    ql -= 1;
    r += d;
  }
  let q = h * POW10_EXACT[7 - k] + ql;
  if (!(q < Number.MAX_SAFE_INTEGER)) return undefined;
  const twice = r * 2;
  if (twice > d || (twice === d && (mode === 'half-up' || q % 2 === 1))) q += 1;
  return negative ? -q : q;
}

/**
 * `compareDecimal(a, b)` for small `a` (`aCoef × 10^-aScale`) and `b`: negative, zero or positive, or
 * `undefined` when bringing one coefficient to the other's scale leaves the safe range (or the scale
 * gap is beyond 10^22): then the caller compares with `bigint`. Exact for the same reason as
 * `roundSmallProduct`: a scaled coefficient is used only when the check proves it an exact integer.
 */
export function compareSmall(
  aCoef: number,
  aScale: number,
  bCoef: number,
  bScale: number,
): number | undefined {
  let x = aCoef;
  let y = bCoef;
  if (aScale < bScale) {
    const k = bScale - aScale;
    if (k >= POW10_EXACT.length) return undefined;
    x = aCoef * POW10_EXACT[k];
    if (!(x <= Number.MAX_SAFE_INTEGER && x >= -Number.MAX_SAFE_INTEGER)) return undefined;
  } else if (aScale > bScale) {
    const k = aScale - bScale;
    if (k >= POW10_EXACT.length) return undefined;
    y = bCoef * POW10_EXACT[k];
    if (!(y <= Number.MAX_SAFE_INTEGER && y >= -Number.MAX_SAFE_INTEGER)) return undefined;
  }
  return x < y ? -1 : x > y ? 1 : 0;
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
