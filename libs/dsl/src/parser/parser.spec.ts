import type { Expr } from '../ast/expr';
import type { FlowDecl } from '../ast/flow';
import { parse } from './index';
import { MAX_NESTING } from './parse-expr';

const flowOf = (body: string): FlowDecl => {
  const { ast, diagnostics } = parse(`flow f v1 "F" {\n${body}\n}`);
  if (diagnostics.length) throw new Error(JSON.stringify(diagnostics));
  if (!ast.flow) throw new Error('no flow');
  return ast.flow;
};

/** The expression of `const X = <text>`, printed with explicit parentheses. */
const shape = (text: string): string => show(flowOf(`const X = ${text}`).consts[0].value);

function show(e: Expr): string {
  switch (e.k) {
    case 'binary':
      return `(${show(e.left)} ${e.op} ${show(e.right)})`;
    case 'unary':
      return `(${e.op} ${show(e.arg)})`;
    case 'member':
      return `${show(e.object)}.${e.field.name}`;
    case 'call':
      return `${e.callee.name}(${e.args.map(show).join(', ')})`;
    case 'if':
      return `(if ${show(e.cond)} then ${show(e.then)} else ${show(e.else)})`;
    case 'list':
      return `[${e.items.map(show).join(', ')}]`;
    case 'range':
      return `${e.loInclusive ? '[' : '('}${show(e.lo)} .. ${show(e.hi)}${e.hiInclusive ? ']' : ')'}`;
    case 'name':
      return e.name;
    case 'money':
      return `${e.amount} ${e.currency}`;
    case 'percent':
      return `${e.value}%`;
    case 'int':
    case 'decimal':
    case 'duration':
      return e.value;
    case 'string':
      return JSON.stringify(e.value);
    case 'bool':
      return String(e.value);
    case 'null':
      return 'null';
    case 'error':
      return '<error>';
  }
}

describe('parse: expressions', () => {
  it.each([
    ['a or b and c', '(a or (b and c))'],
    ['not a and b', '((not a) and b)'],
    ['not a == b', '(not (a == b))'],
    ['a + b * c - d', '((a + (b * c)) - d)'],
    ['-a * b', '((neg a) * b)'],
    ['a.b.c', 'a.b.c'],
    ['f(1, g(2)).c', 'f(1, g(2)).c'],
    ['input.listPrice * (100% - input.discount)', '(input.listPrice * (100% - input.discount))'],
    ['x in [a, b]', '(x in [a, b])'],
    ['if a then 1 else 2 + 3', '(if a then 1 else (2 + 3))'],
    ['50_000 CNY <= max(1 CNY, 2 workdays)', '(50000 CNY <= max(1 CNY, 2 workdays))'],
    ['superior(requester).team', 'superior(requester).team'],
    ['a\n  and b', '(a and b)'],
  ])('should read %s as %s', (text, expected) => {
    expect(shape(text)).toBe(expected);
  });

  it('should refuse chained comparisons', () => {
    expect(parse('flow f v1 { const X = a < b < c }').diagnostics).toEqual([
      expect.objectContaining({ code: 'syntax/chained-comparison', column: 29 }),
    ]);
  });

  it(`should report nesting deeper than ${MAX_NESTING} levels once, without overflowing the stack`, () => {
    const deep = `flow f v1 { const X = ${'('.repeat(50_000)}1${')'.repeat(50_000)} }`;
    const long = `flow f v1 { const X = ${'1 + '.repeat(30_000)}1 }`;
    for (const source of [deep, long]) {
      const codes = parse(source).diagnostics.map((d) => d.code);
      expect(codes).toEqual(['limit/nesting-too-deep']);
    }
  });

  it(`should accept exactly ${MAX_NESTING} levels`, () => {
    const ok = `flow f v1 { const X = ${'('.repeat(MAX_NESTING - 1)}1${')'.repeat(MAX_NESTING - 1)} }`;
    expect(parse(ok).diagnostics).toEqual([]);
  });
});

describe('parse: declarations', () => {
  it('should read the header, inputs with optional fields and inline enums', () => {
    const flow = flowOf('input {\n unit: string\n method?: full | mortgage, price: money(CNY) }');
    expect([flow.key.name, flow.version, flow.title]).toEqual(['f', 1, 'F']);
    expect(flow.inputs.map((f) => [f.name.name, f.optional, f.type.k])).toEqual([
      ['unit', false, 'named'],
      ['method', true, 'enum'],
      ['price', false, 'named'],
    ]);
  });

  it('should read states with transitions, guards, actions over several lines, timers and a task', () => {
    const flow = flowOf(`initial state a {
      task "Review" assignee role(x, y) separateFrom requester, decision.a.by sla 24h
      on go -> b when 1 < 2 do set v = 1,
                            notify requester "t"
      after 2 workdays -> b
      always -> b
    }
    final state b`);
    const [a, b] = flow.states;
    expect(a.initial && !a.final && b.final && !b.initial).toBeTruthy();
    expect(
      a.transitions.map((t) => [t.kind, t.event?.name, t.target.name, t.actions.map((x) => x.k)]),
    ).toEqual([
      ['on', 'go', 'b', ['set', 'notify']],
      ['after', undefined, 'b', []],
      ['always', undefined, 'b', []],
    ]);
    expect(a.tasks[0]).toMatchObject({
      title: 'Review',
      assignee: { k: 'role' },
      separateFrom: [{ k: 'name' }, { k: 'member' }],
    });
  });

  it('should read table cells of every kind', () => {
    const table =
      flowOf(`table t(a: percent, b: full | mortgage | instalments) -> out: int, label: string hit unique {
      | -            | full, mortgage | 1 | "x" |
      | [80% .. 101%) | != full       | 2 | "y" |
      | (1% .. 2%]    | instalments   | -3 | "z" |
      | >= 5%         | -             | 4 | "w" |
    }`).tables[0];
    expect(table.outputs.map((o) => o.name.name)).toEqual(['out', 'label']);
    expect(table.rows.map((r) => r.cells.map((c) => c.k))).toEqual([
      ['any', 'in'],
      ['range', 'cmp'],
      ['range', 'eq'],
      ['cmp', 'any'],
    ]);
    expect(table.rows[1].cells[0]).toMatchObject({ loInclusive: true, hiInclusive: false });
    expect(table.rows[2].cells[0]).toMatchObject({ loInclusive: false, hiInclusive: true });
  });

  it('should read a parenthesised expression in a cell as an expression, not a range', () => {
    const [row] = flowOf(`table t(a: int) -> b: int hit first {\n | (1 + 2) | 3 |\n}`).tables[0].rows;
    expect(row.cells[0]).toMatchObject({ k: 'eq', value: { k: 'binary', op: '+' } });
  });
});

describe('parse: recovery', () => {
  it('should report several syntax errors in one pass and keep the rest of the flow', () => {
    const { ast, diagnostics } = parse(`flow f v1 {
  input { a string, b: int }
  state s {
    on x -> -> t
    on y -> t
  }
  table t(a: int) -> b: int hit first {
    | 1 | |
  }
  state t {
    always -> s when
  }
}`);
    expect(diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([
      ['syntax/unexpected-token', 2, 13],
      ['syntax/unexpected-token', 4, 13],
      ['syntax/empty-cell', 8, 11],
      ['syntax/unexpected-token', 11, 21],
    ]);
    expect(ast.flow?.inputs.map((f) => f.name.name)).toEqual(['b']);
    expect(ast.flow?.states.map((s) => [s.name.name, s.transitions.length])).toEqual([
      ['s', 1],
      ['t', 1],
    ]);
  });

  it('should notice a missing `}` when the next state starts, and report it where the brace belongs', () => {
    const { ast, diagnostics } = parse('flow f v1 {\n  state a {\n    on x -> b\n  state b\n}');
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'syntax/unexpected-token', line: 3, column: 14 }),
    ]);
    expect(ast.flow?.states.map((s) => s.name.name)).toEqual(['a', 'b']);
  });

  it('should refuse a source larger than 256 KiB with one diagnostic', () => {
    const { ast, diagnostics } = parse(`flow f v1 { }${' '.repeat(256 * 1024)}`);
    expect(ast.flow).toBeNull();
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'limit/source-too-large', line: 1, column: 1 }),
    ]);
  });

  it('should count the size in UTF-8 bytes', () => {
    const chinese = `flow f v1 "${'审'.repeat(90 * 1024)}" { }`;
    expect(parse(chinese).diagnostics.map((d) => d.code)).toEqual(['limit/source-too-large']);
  });

  it('should report more than 1000 table rows', () => {
    const rows = Array.from({ length: 1001 }, (_, i) => `| ${i} | ${i} |`).join('\n');
    const { diagnostics } = parse(`flow f v1 {\ntable t(a: int) -> b: int hit first {\n${rows}\n}\n}`);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'limit/too-many-rows', line: 1003 })]);
  });
});
