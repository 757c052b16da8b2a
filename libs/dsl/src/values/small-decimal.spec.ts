import fc from 'fast-check';
import { compareDecimal, Decimal } from './decimal';
import { multiply } from './decimal-arithmetic';
import { roundDecimal, type RoundingMode } from './decimal-rounding';
import { formatDecimal, parseDecimal } from './decimal-text';
import {
  compareSmall,
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
  if (got !== undefined) return got.coef === want.coef && got.scale === want.scale;
  if (product > MAX || product < -MAX) return !answersWide(a, b, as + bs - places, want.coef);
  // Only a scale gap beyond 10^22, or a padded result that leaves the safe range, may decline.
  return Math.abs(as + bs - places) > 22 || (as + bs < places && (want.coef > MAX || want.coef < -MAX));
}

/**
 * Whether `roundSmallProduct` must answer a product beyond 2^53 (`roundWideQuotient`): a division by
 * 10^1 … 10^7, the wider factor split at 10^7 with both partial products safe, a safe quotient.
 */
function answersWide(a: bigint, b: bigint, k: number, quotient: bigint): boolean {
  if (k < 1 || k > 7) return false;
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  if (x < y) [x, y] = [y, x];
  const h = (x / 10_000_000n) * y;
  const l = (x % 10_000_000n) * y;
  const q = quotient < 0n ? -quotient : quotient;
  // (The code checks the quotient before rounding up; after it, as here, it can only be larger.)
  return h <= MAX && l <= MAX && q < MAX;
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
    'should agree with the bigint path where the product crosses 2^53',
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

describe('roundSmallProduct beyond 2^53 (the split product)', () => {
  it(
    'should equal the bigint path on products beyond 2^53 and answer whenever its partial products are safe',
    () => {
      // Money up to 10^15 times rates up to 10^8 (products up to 10^23), divided by 10^0 … 10^9.
      const wide = fc
        .record({
          a: fc.bigInt({ min: 1n, max: 10n ** 15n }),
          b: fc.bigInt({ min: 1n, max: 10n ** 8n }),
          negA: fc.boolean(),
          negB: fc.boolean(),
          swap: fc.boolean(),
        })
        .map(({ a, b, negA, negB, swap }) => {
          const x = negA ? -a : a;
          const y = negB ? -b : b;
          return swap ? { a: y, b: x } : { a: x, b: y };
        });
      let answered = 0;
      fc.assert(
        fc.property(wide, scale, scale, places, mode, ({ a, b }, as, bs, p, m) => {
          if (roundSmallProduct(Number(a), as, Number(b), bs, p, m) !== undefined) answered++;
          return agrees(a, as, b, bs, p, m);
        }),
        { numRuns: 200_000 },
      );
      expect(answered).toBeGreaterThan(20_000); // the split path is exercised, not just declined
      // The money benchmark's largest case: 10^11 fen × 30.0000 % (scale 2 + 4 + 2, rounded to 2).
      expect(agrees(100_000_000_000n, 2, 300_000n, 6, 2, 'half-up')).toBe(true);
      expect(roundSmallProduct(100_000_000_000, 2, 300_000, 6, 2, 'half-up')?.coef).toBe(30_000_000_000n);
      // Partial products at the edge of the safe range, and a quotient at 2^53.
      expect(agrees(MAX, 0, 3n, 1, 0, 'half-up')).toBe(true);
      expect(agrees(MAX, 0, 10n, 1, 0, 'half-even')).toBe(true);
      expect(agrees(MAX, 0, 9_999_999n, 7, 0, 'half-up')).toBe(true);
      expect(agrees(-MAX, 3, 7_777_777n, 4, 0, 'half-even')).toBe(true);
    },
    long,
  );

  it(
    'should round exact ties beyond 2^53 half-up away from zero and half-even to the even neighbour',
    () => {
      // a·5^k ÷ 10^k = a ÷ 2^k, a tie exactly when a ≡ 2^(k−1) (mod 2^k); a is large enough for a·5^k > 2^53.
      const tie = fc
        .record({
          j: fc.bigInt({ min: 10n ** 12n, max: 4n * 10n ** 15n }),
          k: fc.integer({ min: 1, max: 7 }),
          neg: fc.boolean(),
        })
        .map(({ j, k, neg }) => {
          const a = (2n * j + 1n) * 2n ** BigInt(k - 1);
          return { a: neg ? -a : a, b: 5n ** BigInt(k), k };
        })
        .filter(({ a }) => a <= MAX && a >= -MAX);
      fc.assert(
        fc.property(tie, mode, ({ a, b, k }, m) => {
          const got = roundSmallProduct(Number(a), 0, Number(b), k, 0, m);
          const want = slow(a, 0, b, k, 0, m);
          return a * b > MAX || a * b < -MAX
            ? got !== undefined && got.coef === want.coef && got.scale === want.scale
            : agrees(a, 0, b, k, 0, m);
        }),
        { numRuns: 100_000 },
      );
    },
    long,
  );
});

describe('compareSmall (the Number fast path of numeric comparison)', () => {
  /** `compareSmall` agrees with `compareDecimal`, and declines only when a scaled coefficient is not safe. */
  function compares(a: bigint, as: number, b: bigint, bs: number): boolean {
    const got = compareSmall(Number(a), as, Number(b), bs);
    const want = compareDecimal(new Decimal(a, as), new Decimal(b, bs));
    if (got !== undefined) return Math.sign(got) === want;
    const scaled = as < bs ? a * 10n ** BigInt(bs - as) : b * 10n ** BigInt(as - bs);
    return Math.abs(as - bs) > 22 || scaled > MAX || scaled < -MAX;
  }

  it(
    'should order arbitrary small decimals as compareDecimal does',
    () => {
      const wideScale = fc.integer({ min: 0, max: 25 });
      fc.assert(
        fc.property(safe, wideScale, safe, wideScale, (a, as, b, bs) => compares(a, as, b, bs)),
        { numRuns: 200_000 },
      );
    },
    long,
  );

  it(
    'should order close and equal values exactly, also where scaling reaches 2^53',
    () => {
      // b's coefficient scaled to a's scale lands within a few units of a, near the safe limit too.
      const close = fc
        .record({
          c: fc.oneof(fc.bigInt({ min: -1000n, max: 1000n }), fc.bigInt({ min: -MAX, max: MAX })),
          gap: fc.integer({ min: 0, max: 16 }),
          offset: fc.bigInt({ min: -2n, max: 2n }),
          bs: fc.integer({ min: 0, max: 4 }),
        })
        .map(({ c, gap, offset, bs }) => {
          const b = c / 10n ** BigInt(gap);
          return { a: b * 10n ** BigInt(gap) + offset, as: bs + gap, b, bs };
        })
        .filter(({ a }) => a <= MAX && a >= -MAX);
      fc.assert(
        fc.property(close, ({ a, as, b, bs }) => compares(a, as, b, bs) && compares(b, bs, a, as)),
        { numRuns: 100_000 },
      );
      expect(compareSmall(1, 0, 100, 2)).toBe(0); // 1 = 1.00
      expect(compareSmall(-5, 1, -50, 2)).toBe(0);
      expect(compareSmall(Number.MAX_SAFE_INTEGER, 0, 1, 1)).toBeUndefined(); // 2^53 − 1 at scale 1 is not safe
      expect(compareSmall(1, 0, 1, 23)).toBeUndefined(); // beyond the exact powers of ten
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
