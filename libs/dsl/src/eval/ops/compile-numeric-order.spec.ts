import fc from 'fast-check';
import type { ExprIR, Json, TypeIR } from '../../ir/flow-ir';
import type { Decimal } from '../../values/decimal';
import { compareDecimal } from '../../values/decimal';
import { decodeValue } from '../../values/json-codec';
import { bin, bool, envOf, ifThen, lit, ref, run, T } from '../testing/expr-builders';
import { type NumericKind, realValue } from './numeric-kind';

const TYPES: Record<NumericKind, TypeIR> = {
  percent: T.percent,
  money: T.money(),
  decimal: T.decimal,
  int: T.int,
};
const OPS = ['<', '<=', '>', '>='] as const;

/** Decimal text of `coef × 10^-scale`. */
function text(coef: bigint, scale: number): string {
  const digits = (coef < 0n ? -coef : coef).toString().padStart(scale + 1, '0');
  const body = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return coef < 0n ? `-${body}` : body;
}

/** The stored JSON of a number of kind `kind`. */
function json(kind: NumericKind, coef: bigint, scale: number): Json {
  if (kind === 'int') return Number(BigInt.asIntN(53, coef) / 10n ** BigInt(scale));
  return kind === 'percent' ? `${text(coef, scale)}%` : text(coef, scale);
}

/** The expected order, on bigints: percentages as fractions, ints widened. */
function expected(op: (typeof OPS)[number], a: Json, ak: NumericKind, b: Json, bk: NumericKind): boolean {
  const c = compareDecimal(
    realValue(decodeValue(TYPES[ak], a)!, ak) as Decimal,
    realValue(decodeValue(TYPES[bk], b)!, bk) as Decimal,
  );
  return op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : c >= 0;
}

// Small coefficients (ties and neighbours are frequent), safe ones near 2^53 and long ones (> 15 digits).
const coef = fc.oneof(
  { weight: 6, arbitrary: fc.bigInt({ min: -300n, max: 300n }) },
  { weight: 2, arbitrary: fc.bigInt({ min: -(2n ** 53n - 1n), max: 2n ** 53n - 1n }) },
  { weight: 1, arbitrary: fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }) },
);
const kind = fc.constantFrom<NumericKind>('percent', 'money', 'decimal', 'int');
const number = fc.record({ kind, coef, scale: fc.integer({ min: 0, max: 6 }) });

describe('numeric comparisons on doubles', () => {
  it('should order references and literals of every numeric kind as the bigint decimals do', () => {
    fc.assert(
      fc.property(number, number, fc.constantFrom(...OPS), fc.boolean(), (x, y, op, literal) => {
        const a = json(x.kind, x.coef, x.scale);
        const b = json(y.kind, y.coef, y.scale);
        const right: ExprIR = literal ? lit(TYPES[y.kind], b) : ref('input.b', TYPES[y.kind]);
        const e = bin(op, ref('input.a', TYPES[x.kind]), right);
        return run(e, envOf({ input: { a, b } })) === expected(op, a, x.kind, b, y.kind);
      }),
      { numRuns: 100_000 },
    );
  });

  it('should read, trace and fail as the plain comparison does', () => {
    const a = ref('input.a', T.percent);
    const b = ref('input.b', T.percent);
    const reads: [string, Json][] = [];
    const trace = { read: (n: string, v: Json) => reads.push([n, v]), table: () => undefined };
    expect(run(bin('<=', a, b), envOf({ input: { a: '2.5%', b: '3%' }, trace }))).toBe(true);
    expect(reads).toEqual([
      ['input.a', '2.5%'],
      ['input.b', '3%'],
    ]);
    expect(run(bin('<=', a, b), envOf({ input: { a: null, b: '3%' } }))).toEqual({
      error: '`input.a <= input.b`: input.a is null',
    });
    expect(run(bin('<=', a, b), envOf({ input: { a: '2%', b: '3' } }))).toEqual({
      error: '`input.b` holds "3", which is not a percent',
    });
    // A computed operand (not a reference or literal) compares the same way.
    const computed = ifThen(bool(true), a, a);
    expect(run(bin('>', computed, b), envOf({ input: { a: '10.01%', b: '10.1%' } }))).toBe(false);
  });
});
