import fc from 'fast-check';
import type { ExprIR } from '../../ir/flow-ir';
import { evaluate } from '../evaluate';
import { exprText } from '../expr-text';
import { dec, dur, envOf, int, lit, money, pct, ref, run, T } from '../testing/expr-builders';

const range = (value: ExprIR, lo: ExprIR, hi: ExprIR, loInclusive = true, hiInclusive = false): ExprIR => ({
  k: 'range',
  type: T.bool,
  value,
  lo,
  hi,
  loInclusive,
  hiInclusive,
});

describe('range membership `x in [lo .. hi)`', () => {
  it('should include or exclude each bound as written', () => {
    const at = (x: number, loIn: boolean, hiIn: boolean) => run(range(int(x), int(1), int(5), loIn, hiIn));
    expect([at(1, true, true), at(5, true, true), at(3, false, false)]).toEqual([true, true, true]);
    expect([at(1, false, true), at(5, true, false), at(0, true, true), at(6, true, true)]).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it('should compare percentages, money, decimals with ints, durations and timestamps', () => {
    expect(run(range(pct('80%'), pct('80%'), pct('101%')))).toBe(true);
    expect(run(range(pct('101%'), pct('80%'), pct('101%')))).toBe(false);
    expect(run(range(money('99.99'), money('0'), money('100')))).toBe(true);
    expect(run(range(dec('4.5'), int(1), int(5)))).toBe(true);
    expect(run(range(dur('90m'), dur('1h'), dur('2h')))).toBe(true);
    expect(run(range(dur('3h'), dur('1h'), dur('2h'), true, true))).toBe(false);
    const env = envOf({ input: { at: '2026-11-23T09:00:00.000Z' } });
    const at = ref('input.at', T.timestamp);
    const ts = (s: string) => lit(T.timestamp, s);
    expect(run(range(at, ts('2026-11-23T00:00:00Z'), ts('2026-11-24T00:00:00Z')), env)).toBe(true);
    expect(run(range(at, ts('2026-11-23T09:00:00Z'), ts('2026-11-24T00:00:00Z'), false), env)).toBe(false);
  });

  it('should put a null value in no range, and fail on a null bound or incomparable durations', () => {
    expect(run(range(ref('input.missing', T.int), int(1), int(5)), envOf({ input: {} }))).toBe(false);
    const nullBound = evaluate(range(int(3), int(1), ref('input.cap', T.int)), envOf({ input: {} }));
    expect(nullBound).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('upper bound is null') },
    });
    const mixed = evaluate(range(dur('2h'), dur('1 workdays'), dur('3 workdays')), envOf());
    expect(mixed).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('cannot be compared') },
    });
  });

  it('should read back as written in traces and messages', () => {
    expect(exprText(range(ref('input.d', T.percent), pct('1%'), pct('5%')))).toBe('input.d in [1% .. 5%)');
    expect(
      exprText({ k: 'unary', op: 'not', type: T.bool, arg: range(int(1), int(0), int(2), false, true) }),
    ).toBe('not (1 in (0 .. 2])');
  });

  it('should agree with a brute-force reference on random integer bounds, values and brackets', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -20, max: 20 }),
        fc.integer({ min: -20, max: 20 }),
        fc.integer({ min: -22, max: 22 }),
        fc.boolean(),
        fc.boolean(),
        (lo, hi, x, loIn, hiIn) => {
          const expected = (loIn ? x >= lo : x > lo) && (hiIn ? x <= hi : x < hi);
          return run(range(int(x), int(lo), int(hi), loIn, hiIn)) === expected;
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('should agree with a brute-force reference on random decimal money, edges included', () => {
    // Cents as integers are the reference; values are drawn near the bounds so the edges are hit often.
    const cents = fc.integer({ min: -100_000, max: 100_000 });
    const text = (c: number) =>
      `${c < 0 ? '-' : ''}${Math.floor(Math.abs(c) / 100)}.${String(Math.abs(c) % 100).padStart(2, '0')}`;
    fc.assert(
      fc.property(
        cents,
        cents,
        fc.integer({ min: -2, max: 2 }),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        (lo, hi, d, nearLo, loIn, hiIn) => {
          const x = (nearLo ? lo : hi) + d;
          const expected = (loIn ? x >= lo : x > lo) && (hiIn ? x <= hi : x < hi);
          return run(range(money(text(x)), money(text(lo)), money(text(hi)), loIn, hiIn)) === expected;
        },
      ),
      { numRuns: 5000 },
    );
  });
});
