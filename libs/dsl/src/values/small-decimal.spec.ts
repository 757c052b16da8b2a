import fc from 'fast-check';
import { Decimal } from './decimal';
import { multiply } from './decimal-arithmetic';
import { roundDecimal, type RoundingMode } from './decimal-rounding';
import { formatDecimal, parseDecimal } from './decimal-text';
import {
  roundProduct,
  roundSmallProduct,
  scanSmallDecimal,
  SmallDecimal,
  toSmallDecimal,
} from './small-decimal';

const MAX = BigInt(Number.MAX_SAFE_INTEGER); // 2^53 − 1
const mode = fc.constantFrom<RoundingMode>('half-up', 'half-even');

/** The bigint path the fast path must equal, coefficient and scale. */
function slow(a: bigint, as: number, b: bigint, bs: number, places: number, m: RoundingMode): Decimal {
  return roundDecimal(multiply(new Decimal(a, as), new Decimal(b, bs)), places, m);
}

/**
 * The fast path agrees with the bigint path: the same coefficient and scale when it answers, an answer
 * whenever the product is a safe integer (unless the scales are out of its exact range), none otherwise.
 * Plain comparisons, not `expect`, so a million cases stay quick.
 */
function agrees(a: bigint, as: number, b: bigint, bs: number, places: number, m: RoundingMode): boolean {
  const got = roundSmallProduct(Number(a), as, Number(b), bs, places, m);
  const product = a * b;
  const want = slow(a, as, b, bs, places, m);
  const both = roundProduct(new Decimal(a, as), new Decimal(b, bs), places, m);
  if (both.coef !== want.coef || both.scale !== want.scale) return false;
  if (product > MAX || product < -MAX) return got === undefined;
  if (got !== undefined) return got.coef === want.coef && got.scale === want.scale;
  // Only a scale gap beyond 10^22, or a padded result that leaves the safe range, may decline.
  return Math.abs(as + bs - places) > 22 || (as + bs < places && (want.coef > MAX || want.coef < -MAX));
}

const safe = fc.bigInt({ min: -MAX, max: MAX });
const scale = fc.integer({ min: 0, max: 12 });
const places = fc.integer({ min: 0, max: 10 });
const long = 300_000; // a million cases in all: generous on a loaded machine

describe('roundSmallProduct (the Number fast path of round(a × b, n))', () => {
  it(
    'should equal the bigint product and rounding on arbitrary safe coefficients',
    () => {
      fc.assert(
        fc.property(safe, scale, safe, scale, places, mode, (a, as, b, bs, p, m) =>
          agrees(a, as, b, bs, p, m),
        ),
        { numRuns: 200_000 },
      );
    },
    long,
  );

  it(
    'should decline exactly when the product leaves the safe range, at the 2^53 boundary',
    () => {
      // b is chosen so that a × b lands within a few units (and a few multiples of a) of 2^53.
      const boundary = fc
        .record({
          a: fc.bigInt({ min: 1n, max: 1n << 27n }),
          offset: fc.bigInt({ min: -3n, max: 3n }),
          negA: fc.boolean(),
          negB: fc.boolean(),
        })
        .map(({ a, offset, negA, negB }) => {
          const b = (MAX + 1n) / a + offset;
          return { a: negA ? -a : a, b: negB ? -b : b };
        });
      fc.assert(
        fc.property(boundary, scale, scale, places, mode, ({ a, b }, as, bs, p, m) =>
          agrees(a, as, b, bs, p, m),
        ),
        { numRuns: 300_000 },
      );
      // The edges themselves.
      expect(agrees(MAX, 0, 1n, 0, 0, 'half-up')).toBe(true);
      expect(agrees(MAX, 0, -1n, 2, 0, 'half-even')).toBe(true);
      expect(agrees(1n << 26n, 1, 1n << 27n, 1, 0, 'half-up')).toBe(true); // exactly 2^53: declines
      expect(agrees(94906265n, 4, 94906265n, 4, 2, 'half-up')).toBe(true); // 94906265² < 2^53 < 94906266²
      expect(agrees(94906266n, 4, 94906266n, 4, 2, 'half-up')).toBe(true);
    },
    long,
  );

  it(
    'should round ties half-up away from zero and half-even to the even neighbour',
    () => {
      // Products ending exactly in half a unit of the kept digit: q·10^k + 5·10^(k−1).
      const tie = fc
        .record({
          q: fc.bigInt({ min: -(10n ** 9n), max: 10n ** 9n }),
          k: fc.integer({ min: 1, max: 6 }),
          split: fc.integer({ min: 0, max: 6 }),
        })
        .map(({ q, k, split }) => {
          const half = 5n * 10n ** BigInt(k - 1);
          const p = q * 10n ** BigInt(k) + (q < 0n ? -half : half);
          // Factor p as p/10^s × 10^s when it divides, else p × 1, so ties arrive as real products.
          const s = BigInt(Math.min(split, k - 1));
          return { a: p / 10n ** s, b: 10n ** s, k };
        });
      fc.assert(
        fc.property(tie, fc.integer({ min: 0, max: 4 }), mode, ({ a, b, k }, bs, m) => {
          const as = k + 2 - bs < 0 ? 0 : k + 2 - bs;
          return agrees(a, as, b, bs, as + bs - k, m);
        }),
        { numRuns: 300_000 },
      );
      const r = (a: string, b: string, m: RoundingMode): string =>
        formatDecimal(roundProduct(parseDecimal(a)!, parseDecimal(b)!, 2, m));
      expect(r('10.25', '0.5', 'half-up')).toBe('5.13');
      expect(r('10.25', '0.5', 'half-even')).toBe('5.12');
      expect(r('-10.25', '0.5', 'half-up')).toBe('-5.13');
      expect(r('-10.25', '0.5', 'half-even')).toBe('-5.12');
      expect(r('10.35', '0.5', 'half-even')).toBe('5.18');
    },
    long,
  );
});

describe('scanSmallDecimal and toSmallDecimal', () => {
  it(
    'should read exactly what parseDecimal reads, for texts of up to 15 digits',
    () => {
      const text = fc.oneof(
        fc
          .record({ coef: fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }), s: scale })
          .map(({ coef, s }) => formatDecimal(new Decimal(coef, s))),
        fc.stringMatching(/^-?[0-9.]{0,8}[a-z%+e ]?[0-9.]{0,4}$/),
      );
      const out = new SmallDecimal();
      fc.assert(
        fc.property(text, (t) => {
          const d = parseDecimal(t);
          if (scanSmallDecimal(t, t.length, out))
            return d !== undefined && BigInt(out.coef) === d.coef && out.scale === d.scale;
          // Declined: invalid text, or more than 15 digits (then the bigint decoder reads it).
          return d === undefined || t.replace(/[-.]/g, '').length > 15;
        }),
        { numRuns: 200_000 },
      );
      expect(scanSmallDecimal('999999999999999', 15, out)).toBe(true);
      expect(scanSmallDecimal('9999999999999999', 16, out)).toBe(false);
      expect(scanSmallDecimal('2.5%', 3, out) && out.coef === 25 && out.scale === 1).toBe(true);
    },
    long,
  );

  it('should convert a Decimal exactly when its coefficient is a safe integer and decline otherwise', () => {
    const out = new SmallDecimal();
    expect(toSmallDecimal(new Decimal(MAX, 3), out) && out.coef === Number.MAX_SAFE_INTEGER).toBe(true);
    expect(toSmallDecimal(new Decimal(-MAX, 0), out) && out.coef === -Number.MAX_SAFE_INTEGER).toBe(true);
    expect(toSmallDecimal(new Decimal(MAX + 1n, 0), out)).toBe(false);
    expect(toSmallDecimal(new Decimal(-MAX - 1n, 0), out)).toBe(false);
  });
});
