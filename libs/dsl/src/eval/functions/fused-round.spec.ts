import fc from 'fast-check';
import type { ExprIR, Json } from '../../ir/flow-ir';
import { Decimal } from '../../values/decimal';
import { formatDecimal } from '../../values/decimal-text';
import { bin, bool, call, dec, envOf, ifThen, int, pct, ref, run, T } from '../testing/expr-builders';

const value = ref('input.value', T.money());
const rate = ref('input.rate', T.percent);

/** `fn(a × b, n)`, which the compiler fuses, and the same product behind an `if`, which it does not. */
function both(fn: string, a: ExprIR, b: ExprIR, places: ExprIR = int(2)): [ExprIR, ExprIR] {
  const product = bin('*', a, b, T.money());
  return [
    call(fn, T.money(), product, places),
    call(fn, T.money(), ifThen(bool(true), product, product), places),
  ];
}

function sameResult(fused: ExprIR, plain: ExprIR, input: Record<string, Json>): void {
  const reads = (e: ExprIR): [string, Json][] => {
    const seen: [string, Json][] = [];
    const out = run(
      e,
      envOf({ input, trace: { read: (n, j) => seen.push([n, j]), table: () => undefined } }),
    );
    return [[String(JSON.stringify(out)), null], ...seen];
  };
  expect(reads(fused)).toEqual(reads(plain));
}

describe('fused round(a × b, n)', () => {
  it('should give the values of the unfused operators on money text of any length, ties and signs', () => {
    const moneyText = fc
      .record({ coef: fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), s: fc.integer({ min: 0, max: 4 }) })
      .map(({ coef, s }) => formatDecimal(new Decimal(coef, s)));
    const rateText = fc.oneof(
      fc.constantFrom('50%', '12.5%', '2.5%', '0.5%', '-1%', '100%'),
      fc.bigInt({ min: -(10n ** 17n), max: 10n ** 17n }).map((r) => `${formatDecimal(new Decimal(r, 4))}%`),
    );
    fc.assert(
      fc.property(
        moneyText,
        rateText,
        fc.constantFrom('round', 'roundEven'),
        fc.integer({ min: 0, max: 6 }),
        (v, r, fn, n) => {
          const [fused, plain] = both(fn, value, rate, int(n));
          sameResult(fused, plain, { value: v, rate: r });
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it('should fail with the same messages on null, mistyped and unreadable operands', () => {
    const [fused, plain] = both('round', value, rate);
    for (const input of [
      { value: null, rate: '2%' },
      { value: '10.00', rate: null },
      { value: '10.00', rate: '2' },
      { value: '1e3', rate: '2%' },
      { value: true, rate: '2%' },
    ] as Record<string, Json>[]) {
      expect(run(fused, envOf({ input }))).toEqual(run(plain, envOf({ input })));
      expect(run(fused, envOf({ input }))).toHaveProperty('error');
    }
    const [badPlaces] = both('round', value, rate, int(101));
    expect(run(badPlaces, envOf({ input: { value: '1.00', rate: '1%' } }))).toEqual({
      error: '`round(input.value * input.rate, 101)`: the number of decimals must be between 0 and 100',
    });
  });

  it('should take a computed number of decimals, checked at each call, like the unfused call', () => {
    const places = ref('input.places', T.int);
    const [fused, plain] = both('round', value, rate, places);
    for (const p of [0, 1, 2, 7, 100]) {
      const env = envOf({ input: { value: '1234.56', rate: '3.125%', places: p } });
      expect(run(fused, env)).toEqual(run(plain, env));
    }
    for (const p of [101, -1, null]) {
      const env = envOf({ input: { value: '1234.56', rate: '3.125%', places: p } });
      expect(run(fused, env)).toHaveProperty('error');
      expect(run(plain, env)).toHaveProperty('error');
    }
    expect(run(fused, envOf({ input: { value: '1234.56', rate: '3.125%', places: 1 } }))).toBe('38.60');
    expect(run(fused, envOf({ input: { value: '1.00', rate: '1%', places: 101 } }))).toEqual({
      error:
        '`round(input.value * input.rate, input.places)`: the number of decimals must be between 0 and 100',
    });
  });

  it('should read money stored as a JSON number, int and literal factors like the unfused operators', () => {
    const count = ref('input.count', T.int);
    const cases: [ExprIR, ExprIR, Record<string, Json>][] = [
      [value, rate, { value: 1234.5, rate: '3%' }],
      [value, count, { value: '19.99', count: 3 }],
      [value, pct('2.5%'), { value: '10.25' }],
      [dec('0.125'), value, { value: '-3.00' }],
      [value, rate, { value: '99999999999999999999.99', rate: '33.3333%' }],
    ];
    for (const [a, b, input] of cases) {
      const [fused, plain] = both('round', a, b);
      sameResult(fused, plain, input);
    }
    expect(run(both('round', value, rate)[0], envOf({ input: { value: '10.25', rate: '50%' } }))).toBe(
      '5.13',
    );
    expect(run(both('roundEven', value, rate)[0], envOf({ input: { value: '10.25', rate: '50%' } }))).toBe(
      '5.12',
    );
  });
});
