import type { Expr } from '../ast/expr';
import { parse } from './index';

const constValue = (text: string): Expr => {
  const { ast, diagnostics } = parse(`flow f v1 {\nconst X = ${text}\n}`);
  if (diagnostics.length) throw new Error(JSON.stringify(diagnostics));
  return ast.flow!.consts[0].value;
};

describe('parsing ranges', () => {
  it('should read `x in [lo .. hi)` as `in` with a range on its right, brackets as written', () => {
    const e = constValue('a in (1 .. b + 2]');
    expect(e).toMatchObject({
      k: 'binary',
      op: 'in',
      left: { k: 'name', name: 'a' },
      right: {
        k: 'range',
        lo: { k: 'int', value: '1' },
        hi: { k: 'binary', op: '+' },
        loInclusive: false,
        hiInclusive: true,
      },
    });
  });

  it('should still read lists and parentheses when no `..` follows the first expression', () => {
    expect(constValue('a in [1, 2]')).toMatchObject({ right: { k: 'list', items: [{}, {}] } });
    expect(constValue('a in []')).toMatchObject({ right: { k: 'list', items: [] } });
    expect(constValue('(1 + 2) * 3')).toMatchObject({ k: 'binary', op: '*', left: { op: '+' } });
  });

  it('should share the range syntax with decision-table cells', () => {
    const { ast, diagnostics } = parse(`flow f v1 {
table t(a: percent) -> r: int hit first {
  | [80% .. 101%) | 1 |
  | (1% .. 2%]    | 2 |
}
}`);
    expect(diagnostics).toEqual([]);
    expect(ast.flow!.tables[0].rows.map((r) => r.cells[0])).toMatchObject([
      { k: 'range', loInclusive: true, hiInclusive: false, lo: { k: 'percent', value: '80' } },
      { k: 'range', loInclusive: false, hiInclusive: true, hi: { k: 'percent', value: '2' } },
    ]);
  });

  it('should report a range that is not closed, once, at the token that should close it', () => {
    const { diagnostics } = parse('flow f v1 {\nconst X = a in [1 .. 2 }');
    expect(diagnostics[0]).toMatchObject({ code: 'syntax/unexpected-token', line: 2, column: 24 });
    expect(diagnostics[0].message).toContain('`]` or `)` to close the range');
  });

  it('should parse deeply nested brackets in linear time and report the nesting limit', () => {
    const deep = `a in ${'['.repeat(5000)}1${']'.repeat(5000)}`;
    const started = performance.now();
    const { diagnostics } = parse(`flow f v1 {\nconst X = ${deep}\n}`);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(diagnostics.map((d) => d.code)).toContain('limit/nesting-too-deep');
  });
});
