import { checkSource, compile, type ExprIR, type FlowIR } from '../..';
import { evaluate } from '../../eval';
import { envOf } from '../../eval/testing/expr-builders';
import { expectDiagnostic, expectNoErrors } from '../../testing';

const INPUT =
  'input { price: money(CNY), usd: money(USD), discount: percent, n: int, d: decimal, wait: duration, ' +
  'at: timestamp, unit: string }';

/** A flow whose guard (line 6, after `when `) is `cond`. */
const flowWith = (cond: string, decls = ''): string => `flow f v1 {
  ${INPUT}
  ${decls}
  initial state a {
    always -> b
      when ${cond}
    always -> c
  }
  final state b
  final state c
}`;

const GUARD_COLUMN = '      when '.length + 1;
const col = (cond: string, needle: string): number => GUARD_COLUMN + cond.indexOf(needle);

function compiled(cond: string, decls = ''): FlowIR {
  const result = compile(flowWith(cond, decls));
  expectNoErrors(result.diagnostics);
  return result.ir as FlowIR;
}

const guard = (cond: string, decls = ''): ExprIR => compiled(cond, decls).states[0].always[0].guard!;

const holds = (cond: string, input: Record<string, unknown>, decls = ''): unknown => {
  const ir = compiled(cond, decls);
  const r = evaluate(ir.states[0].always[0].guard!, envOf({ input: input as never, tables: ir.tables }));
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe('ranges in expressions: `x in [lo .. hi)`', () => {
  it('should compile to a range node with the brackets as written', () => {
    expect(guard('input.discount in [80% .. 101%)')).toMatchObject({
      k: 'range',
      type: { kind: 'bool' },
      value: { k: 'ref', path: ['input', 'discount'] },
      lo: { k: 'lit', value: '80%' },
      hi: { k: 'lit', value: '101%' },
      loInclusive: true,
      hiInclusive: false,
    });
    expect(guard('input.n in (1 .. 10]')).toMatchObject({ loInclusive: false, hiInclusive: true });
  });

  it('should evaluate for every ordered type, with constants and expressions as bounds', () => {
    expect(holds('input.discount in [0% .. 5%]', { discount: '5%' })).toBe(true);
    expect(holds('input.discount in [0% .. 5%)', { discount: '5%' })).toBe(false);
    expect(holds('input.price in [LOW .. LOW * 2)', { price: '150.00' }, 'const LOW = 100 CNY')).toBe(true);
    expect(holds('input.d in (1 .. 2.5]', { d: '2.5' })).toBe(true);
    expect(holds('input.wait in [1h .. 1d]', { wait: '36h' })).toBe(false);
    expect(holds('input.at in [input.at .. input.at]', { at: '2026-11-23T09:00:00Z' })).toBe(true);
  });

  it('should bind tighter than `not`, `and` and `or`, and looser than arithmetic', () => {
    expect(holds('not (input.n in [1 .. 3])', { n: 5 })).toBe(true);
    expect(holds('not input.n in [1 .. 3]', { n: 2 })).toBe(false);
    expect(holds('input.n + 1 in [1 .. 3] and input.n in [0 .. 2]', { n: 2 })).toBe(true);
    expect(holds('input.n in [1 .. 3] or input.n in [7 .. 9)', { n: 9 })).toBe(false);
  });

  it('should still read `x in [a, b]` and `x in (list)` as list membership', () => {
    expect(holds('input.n in [1, 2, 3]', { n: 3 })).toBe(true);
    expect(holds('input.n in ([4])', { n: 3 })).toBe(false);
    expect(holds('input.n in []', { n: 3 })).toBe(false);
  });

  it.each([
    ['input.price in [0 .. 100 CNY]', '0', 'type/money-vs-number'],
    ['input.price in [0 CNY .. 100 USD]', '100 USD', 'type/currency-mismatch'],
    ['input.discount in [0 .. 5%]', '0', 'type/percent-vs-number'],
    ['input.n in [1 .. "9"]', '"9"', 'type/mismatch'],
    ['input.unit in ["a" .. "z"]', 'input.unit', 'type/not-ordered'],
  ])('should refuse `%s` at the mistake with a hint', (cond, needle, code) => {
    const d = expectDiagnostic(checkSource(flowWith(cond)), code, { line: 6, column: col(cond, needle) });
    expect(d.hint).toBeTruthy();
  });

  it.each([
    ['input.discount in [5% .. 1%]', 'lower bound is above', '`[1% .. 5%]`'],
    ['input.n in (3 .. 3]', 'holds no value', '`[3 .. 3]`'],
    ['input.n in (1 .. 2)', 'holds no value', 'include a bound'],
    ['input.wait in [2d .. 24h]', 'lower bound is above', '`[24h .. 2d]`'],
  ])('should report the empty constant range `%s`', (cond, message, hint) => {
    const d = expectDiagnostic(checkSource(flowWith(cond)), 'type/empty-range', {
      line: 6,
      column: col(cond, cond.includes('[5%') || cond.includes('[2d') ? '[' : '('),
    });
    expect(d.message).toContain(message);
    expect(d.hint).toContain(hint);
  });

  it('should order durations in comparisons as in ranges', () => {
    expect(holds('input.wait < 2h', { wait: '90m' })).toBe(true);
    expect(holds('input.wait >= 1d', { wait: '23h' })).toBe(false);
    const r = evaluate(guard('input.wait < 2 workdays'), envOf({ input: { wait: '3h' } }));
    expect(r).toMatchObject({ ok: false, error: { message: expect.stringContaining('cannot be compared') } });
  });

  it('should take ranges and comparisons over a duration column of a decision table', () => {
    const table = `table band(wait: duration) -> level: int hit first {
    | [0s .. 4h) | 1 |
    | < 1d       | 2 |
    | -          | 3 |
  }`;
    expect(holds('band(input.wait) == 2', { wait: '5h' }, table)).toBe(true);
    expect(holds('band(input.wait) == 1', { wait: '4h' }, table)).toBe(false);
  });

  it('should accept a decimal value between adjacent integer bounds', () => {
    expect(holds('input.d in (1 .. 2)', { d: '1.5' })).toBe(true);
  });

  it('should refuse a range anywhere but on the right of `in`', () => {
    const cond = 'input.n == [1 .. 2]';
    expectDiagnostic(checkSource(flowWith(cond)), 'type/range-outside-in', {
      line: 6,
      column: col(cond, '['),
    });
  });

  it('should report a range left open and go on to the next error', () => {
    const diagnostics = checkSource(flowWith('input.n in [1 .. 2 and input.price in [0 CNY .. 5]'));
    expectDiagnostic(diagnostics, 'syntax/unexpected-token', { line: 6 });
  });
});
