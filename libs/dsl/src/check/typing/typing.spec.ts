import { compile, type ExprIR, type FlowIR } from '../..';
import { expectDiagnostic, expectNoErrors } from '../../testing';
import { typeName } from '../types';

const INPUT =
  'input { unit: string, price: money(CNY), usd: money(USD), discount: percent, n: int, d: decimal, ' +
  'method: full | mortgage | instalments, owner: user, note?: string }';

/** A flow whose first step sets `x` to `expr` (line 6) after the declarations `decls` (line 3). */
const flowSetting = (expr: string, decls = ''): string => `flow f v1 {
  ${INPUT}
  ${decls}
  initial state a {
    on go -> b
      do set x = ${expr}
  }
  final state b
}`;

function typed(expr: string, decls = ''): ExprIR {
  const result = compile(flowSetting(expr, decls));
  expectNoErrors(result.diagnostics);
  const action = (result.ir as FlowIR).states[0].on[0].actions[0];
  if (action.k !== 'set') throw new Error('expected a set action');
  return action.value;
}

const typeOf = (expr: string, decls = ''): string => typeName(typed(expr, decls).type);

/** The column of the last `needle` in `expr` on line 6 (where the expression is). */
const col = (expr: string, needle: string): number =>
  '      do set x = '.length + expr.lastIndexOf(needle) + 1;

describe('typing: arithmetic keeps money exact and percentages apart', () => {
  it.each([
    ['input.price + input.price', 'money(CNY)'],
    ['input.price - 100 CNY', 'money(CNY)'],
    ['input.price * input.discount', 'money(CNY)'],
    ['input.discount * input.price', 'money(CNY)'],
    ['input.price * 2', 'money(CNY)'],
    ['input.price * 0.5', 'money(CNY)'],
    ['input.price / 3', 'money(CNY)'],
    ['input.price / input.price', 'decimal'],
    ['input.n * 2', 'int'],
    ['input.n / 2', 'decimal'],
    ['input.d + input.n', 'decimal'],
    ['input.discount + 1%', 'percent'],
    ['input.discount * 2', 'percent'],
    ['-input.price', 'money(CNY)'],
    ['100% - input.discount', 'percent'],
    ['round(input.price * input.discount, 2)', 'money(CNY)'],
    ['roundEven(input.d, 1)', 'decimal'],
    ['min(input.n, input.d)', 'decimal'],
    ['max(input.price, 1 CNY)', 'money(CNY)'],
    ['abs(input.discount)', 'percent'],
    ['len(input.unit)', 'int'],
    ['if input.n > 1 then input.price else 0 CNY', 'money(CNY)'],
    ['[1, 2.5]', 'list(decimal)'],
  ])('should type %s as %s', (expr, type) => {
    expect(typeOf(expr)).toBe(type);
  });

  it.each([
    ['input.price + 5', '5', 'type/money-vs-number', 'write `5 CNY`'],
    ['input.price > 50_000', '50_000', 'type/money-vs-number', 'write `50_000 CNY`'],
    ['input.discount + 1', '1', 'type/percent-vs-number', 'write `1%`'],
    ['input.discount <= -2', '-2', 'type/percent-vs-number', 'write `-2%`'],
    ['input.price + input.usd', 'input.usd', 'type/currency-mismatch', undefined],
    ['input.price * input.price', 'input.price', 'type/mismatch', undefined],
    ['input.discount * input.discount', 'input.discount', 'type/mismatch', undefined],
    ['input.price / input.discount', 'input.discount', 'type/mismatch', undefined],
    ['input.unit + 1', '1', 'type/mismatch', undefined],
  ])('should refuse %s at the operand %j with %s', (expr, at, code, hint) => {
    const found = expectDiagnostic(compile(flowSetting(expr)).diagnostics, code, {
      line: 6,
      column: col(expr, at),
    });
    if (hint) expect(found.hint).toBe(hint);
  });
});

describe('typing: comparisons, enums and the directory', () => {
  it.each([
    'input.price > 5 CNY',
    'input.n < input.d',
    'input.method == mortgage',
    'mortgage == input.method',
    'input.method in [full, mortgage]',
    'input.method != instalments',
    'input.owner == requester',
    'input.owner == user("li.na")',
    'requester.team == team(sunrise_sales)',
    'team(requester) == team(sunrise_sales)',
    'superior(requester) != null',
    'hasRole(requester, role(sales_manager))',
    'contains(roles(requester), role(sales_manager))',
    'contains(input.unit, "A-")',
    'authority(requester) >= authority(role(sales_manager))',
    'input.note == null',
    'not (input.n > 1 and input.d < 2) or input.unit == "A"',
  ])('should type %s as bool', (expr) => {
    expect(typeOf(expr)).toBe('bool');
  });

  it('should read a bare enum value as a literal of the enum', () => {
    expect(typed('input.method == mortgage')).toMatchObject({
      k: 'binary',
      right: {
        k: 'lit',
        value: 'mortgage',
        type: { kind: 'enum', values: ['full', 'mortgage', 'instalments'] },
      },
    });
  });

  it('should read field access on a user as a directory call', () => {
    expect(typed('requester.superior')).toEqual({
      k: 'call',
      type: { kind: 'user' },
      fn: 'superior',
      args: [{ k: 'ref', type: { kind: 'user' }, path: ['requester'] }],
    });
  });

  it('should tell a team literal from the team of a user', () => {
    expect(typed('team(sunrise_sales)')).toEqual({
      k: 'lit',
      type: { kind: 'team' },
      value: 'sunrise_sales',
    });
    expect(typed('team(requester)')).toMatchObject({ k: 'call', fn: 'team' });
  });

  it('should suggest the enum value meant', () => {
    const d = expectDiagnostic(
      compile(flowSetting('input.method == morgage')).diagnostics,
      'type/unknown-enum-value',
      { line: 6 },
    );
    expect(d.message).toContain('did you mean "mortgage"?');
  });

  it('should refuse ordering what has no order', () => {
    expectDiagnostic(compile(flowSetting('input.method < full')).diagnostics, 'type/not-ordered', {
      line: 6,
    });
  });
});

describe('typing: names, constants and variables', () => {
  it('should inline constants as literals, folding a minus sign', () => {
    const decls = 'const LIMIT = 5%\n  const FLOOR = -2.50 CNY';
    expect(typed('LIMIT', decls)).toEqual({ k: 'lit', type: { kind: 'percent' }, value: '5%' });
    expect(typed('FLOOR', decls)).toEqual({
      k: 'lit',
      type: { kind: 'money', currency: 'CNY' },
      value: '-2.50',
    });
  });

  it('should keep a list constant as a list of literals', () => {
    const ir = compile(
      flowSetting('requester', 'const DECIDERS = [role(a), role(b)]\n  const USED = DECIDERS'),
    ).ir;
    expect(ir?.constants).toContainEqual({
      name: 'DECIDERS',
      type: { kind: 'list', of: { kind: 'role' } },
      value: ['a', 'b'],
    });
  });

  it('should write literals in their canonical JSON', () => {
    expect(typed('[007, 1_000.50]')).toMatchObject({ items: [{ value: 7 }, { value: '1000.50' }] });
    expect(typed('[24h, 2 workdays]')).toMatchObject({ items: [{ value: '24h' }, { value: '2 workdays' }] });
    expect(typed('[1_850_000.00 CNY]')).toMatchObject({ items: [{ value: '1850000.00' }] });
  });

  it('should type a variable from its first `set` that does not need itself', () => {
    const source = `flow f v1 {
  ${INPUT}
  initial state a {
    on go -> a when var.total < 100 CNY do set total = var.total + input.price
    on start -> a do set total = 0 CNY
    on done -> b when var.total >= 100 CNY
  }
  final state b
}`;
    const result = compile(source);
    expect(result.diagnostics).toEqual([]);
    expect(result.ir?.states[0].on[0].guard).toMatchObject({
      left: { k: 'ref', path: ['var', 'total'], type: { kind: 'money' } },
    });
  });

  it('should read a field of a table result through a variable', () => {
    const decls =
      'table limits(d: percent) -> cap: percent, label: string hit first {\n    | - | 5% | "x" |\n  }';
    const source = flowSetting('limits(input.discount)', decls).replace(
      'on go -> b',
      'on go -> b when var.x.cap > 1%',
    );
    const result = compile(source);
    expectNoErrors(result.diagnostics);
    expect(result.ir?.states[0].on[0].guard).toMatchObject({
      left: { k: 'ref', path: ['var', 'x', 'cap'], type: { kind: 'percent' } },
    });
  });

  it('should type decision references, `now` and `requester`', () => {
    const source = `flow f v1 {
  initial state review {
    task assignee role(r) sla 1d
    on ok -> b when decision.review.by != requester and decision.review.at < now and decision.review.comment != ""
  }
  final state b
}`;
    const result = compile(source);
    expect(result.diagnostics).toEqual([]);
  });

  it.each([
    [
      'table t(a: int) -> b: int hit first {\n    | > 1 | 2 |\n    | - | requester |\n  }',
      'table/non-literal-cell',
    ],
    ['const WHEN = now', 'flow/not-constant'],
    ['const ABOUT = input.unit', 'flow/not-constant'],
  ])('should keep tables and constants free of instance data: %s', (decls, code) => {
    expectDiagnostic(compile(flowSetting('1', decls)).diagnostics, code, {
      line: decls.startsWith('table') ? 5 : 3,
    });
  });
});
