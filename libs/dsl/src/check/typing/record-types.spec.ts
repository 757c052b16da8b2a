import { checkSource, compile, type ExprIR, type FlowIR } from '../..';
import { evaluate } from '../../eval';
import { envOf } from '../../eval/testing/expr-builders';
import { expectDiagnostic, expectNoErrors } from '../../testing';
import { validateInput } from '../../values/validate-input';

const INPUT = `input {
    customer: record { name: string, vip: bool, note?: string }
    lines: list(record { sku: string, qty: int, price: money(CNY) })
    tags: list(string)
  }`;

/** A flow whose first step sets `x` to `expr` (line 8). */
const flowSetting = (expr: string, input = INPUT): string => `flow f v1 {
  ${input}
  initial state a {
    on go -> b
      do set x = ${expr}
  }
  final state b
}`;

function compiled(expr: string): FlowIR {
  const result = compile(flowSetting(expr));
  expectNoErrors(result.diagnostics);
  return result.ir as FlowIR;
}

function setValue(expr: string): ExprIR {
  const action = compiled(expr).states[0].on[0].actions[0];
  if (action.k !== 'set') throw new Error('expected a set action');
  return action.value;
}

const INPUT_JSON = {
  customer: { name: 'Wang Fang', vip: true },
  lines: [
    { sku: 'A-1', qty: 2, price: '100' },
    { sku: 'B-7', qty: 1, price: 35.5 },
  ],
  tags: ['urgent', 'north'],
};

function run(expr: string): unknown {
  const ir = compiled(expr);
  const checked = validateInput(ir.input, INPUT_JSON);
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  const r = evaluate(setValue(expr), envOf({ input: checked.value as never }));
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('record and list input types', () => {
  it('should compile nested list and record types into the IR input', () => {
    expect(compiled('1').input).toEqual([
      {
        name: 'customer',
        type: {
          kind: 'record',
          fields: [
            { name: 'name', type: { kind: 'string' } },
            { name: 'vip', type: { kind: 'bool' } },
            { name: 'note', type: { kind: 'string' }, optional: true },
          ],
        },
      },
      {
        name: 'lines',
        type: {
          kind: 'list',
          of: {
            kind: 'record',
            fields: [
              { name: 'sku', type: { kind: 'string' } },
              { name: 'qty', type: { kind: 'int' } },
              { name: 'price', type: { kind: 'money', currency: 'CNY' } },
            ],
          },
        },
      },
      { name: 'tags', type: { kind: 'list', of: { kind: 'string' } } },
    ]);
  });

  it('should type and evaluate field access, len, contains and in', () => {
    expect(run('input.customer.vip')).toBe(true);
    expect(run('input.customer.name')).toBe('Wang Fang');
    expect(run('len(input.lines)')).toBe(2);
    expect(run('contains(input.tags, "urgent")')).toBe(true);
    expect(run('"south" in input.tags')).toBe(false);
    expect(run('len(input.tags) in [1 .. 3]')).toBe(true);
  });

  it('should compare records structurally in `in` and `contains` over a list of records', () => {
    const input = `input {
    pick: record { sku: string, qty: int, price: money(CNY) }
    lines: list(record { sku: string, qty: int, price: money(CNY) })
  }`;
    const value = (expr: string, pick: unknown): unknown => {
      const result = compile(flowSetting(expr, input));
      expectNoErrors(result.diagnostics);
      const ir = result.ir as FlowIR;
      const checked = validateInput(ir.input, { pick, lines: INPUT_JSON.lines });
      if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
      const action = ir.states[0].on[0].actions[0];
      if (action.k !== 'set') throw new Error('expected a set action');
      const r = evaluate(action.value, envOf({ input: checked.value as never }));
      return r.ok ? r.value : r.error.message;
    };
    // 35.5 and "35.50" are the same amount once validated.
    expect(value('input.pick in input.lines', { sku: 'B-7', qty: 1, price: 35.5 })).toBe(true);
    expect(value('contains(input.lines, input.pick)', { sku: 'B-7', qty: 2, price: '35.50' })).toBe(false);
  });

  it('should canonicalise nested values when the input is validated (money padded, optional left out)', () => {
    const ir = compiled('1');
    expect(validateInput(ir.input, INPUT_JSON)).toEqual({
      ok: true,
      value: {
        customer: { name: 'Wang Fang', vip: true },
        lines: [
          { sku: 'A-1', qty: 2, price: '100.00' },
          { sku: 'B-7', qty: 1, price: '35.50' },
        ],
        tags: ['urgent', 'north'],
      },
    });
  });

  it('should name the path of every bad nested value', () => {
    const ir = compiled('1');
    const bad = {
      ...INPUT_JSON,
      customer: { name: 'Wang Fang', vip: 'yes' },
      lines: [...INPUT_JSON.lines, { sku: 'C-2', qty: 1.5, price: 'abc' }],
      tags: ['urgent', 3],
    };
    const r = validateInput(ir.input, bad);
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.errors.map((e) => e.path)).toEqual([
      'customer.vip',
      'lines[2].qty',
      'lines[2].price',
      'tags[1]',
    ]);
    expect(r.ok ? '' : r.errors[2].message).toContain('"abc"');
  });

  it('should report an unknown field of a record with a near miss', () => {
    const source = flowSetting('input.customer.vipp');
    const d = expectDiagnostic(checkSource(source), 'type/no-such-field', { line: 9, column: 33 });
    expect(d.message).toContain('vip');
  });

  it('should refuse a record without fields, a field declared twice and a bad element type', () => {
    const at = (input: string) => checkSource(flowSetting('1', `input { ${input} }`));
    expectDiagnostic(at('c: record { }'), 'type/empty-record', { line: 2, column: 14 });
    expectDiagnostic(at('c: record { a: int, a: int }'), 'flow/duplicate-field', { line: 2, column: 31 });
    expectDiagnostic(at('c: list(strng)'), 'type/unknown-type', { line: 2, column: 19 });
    expectDiagnostic(at('c: list'), 'type/unknown-type', { line: 2, column: 14 });
  });

  it('should accept record fields on separate lines, optional fields included', () => {
    const input = `input {
    customer: record {
      name: string
      note?: string
    }
  }`;
    const result = compile(flowSetting('input.customer.note', input));
    expectNoErrors(result.diagnostics);
    expect(result.ir!.input[0].type).toEqual({
      kind: 'record',
      fields: [
        { name: 'name', type: { kind: 'string' } },
        { name: 'note', type: { kind: 'string' }, optional: true },
      ],
    });
  });

  it('should report a type nested too deep instead of overflowing', () => {
    const deep = `${'list('.repeat(80)}int${')'.repeat(80)}`;
    expectDiagnostic(checkSource(flowSetting('1', `input { c: ${deep} }`)), 'limit/nesting-too-deep', {
      line: 2,
    });
  });
});
