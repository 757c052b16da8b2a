import type { CellIR, ExprIR } from '../../ir/flow-ir';
import { subtractBox } from './boxes';
import { domainFor } from './column-domain';
import { ceilDec, compareDec, floorDec, midpoint, parseDec, showDec } from './decimal';

const lit = (value: string | number): ExprIR => ({ k: 'lit', type: { kind: 'percent' }, value });

describe('decimal', () => {
  it('should compare across scales exactly', () => {
    expect(compareDec(parseDec('2.50'), parseDec('2.5'))).toBe(0);
    expect(compareDec(parseDec('-0.1'), parseDec('0'))).toBe(-1);
    expect(compareDec(parseDec('100000000000000000000.1'), parseDec('100000000000000000000'))).toBe(1);
  });

  it('should find the exact midpoint and round towards the right integers', () => {
    expect(showDec(midpoint(parseDec('1'), parseDec('2')))).toBe('1.5');
    expect(showDec(midpoint(parseDec('0.1'), parseDec('0.2')))).toBe('0.15');
    expect([
      floorDec(parseDec('-1.5')),
      ceilDec(parseDec('-1.5')),
      floorDec(parseDec('1.5')),
      ceilDec(parseDec('1.5')),
    ]).toEqual([-2n, -1n, 1n, 2n]);
    expect(showDec(parseDec('-0.05'))).toBe('-0.05');
  });
});

describe('column domains', () => {
  const percent = domainFor({ kind: 'percent' });
  const integer = domainFor({ kind: 'int' });
  const cell = (c: CellIR) => percent?.fromCell(c);

  it('should treat a percent column as dense and an int column as whole numbers', () => {
    const open: CellIR = { k: 'range', lo: lit(1), hi: lit(2), loInclusive: false, hiInclusive: false };
    expect(percent?.isEmpty(percent.fromCell(open))).toBe(false);
    expect(percent?.show(percent.fromCell(open))).toBe('1.5%');
    expect(integer?.isEmpty(integer.fromCell(open))).toBe(true);
  });

  it('should subtract and intersect sets of intervals', () => {
    if (!percent) throw new Error('no domain');
    const below5 = cell({ k: 'cmp', op: '<', value: lit('5%') });
    const notThree = cell({ k: 'cmp', op: '!=', value: lit('3%') });
    const rest = percent.minus(below5, notThree);
    expect(percent.show(rest)).toBe('3%');
    expect(percent.isEmpty(percent.minus(rest, cell({ k: 'eq', value: lit('3.0%') })))).toBe(true);
  });

  it('should know every value of an enum and of bool', () => {
    const method = domainFor({ kind: 'enum', values: ['full', 'mortgage'] });
    if (!method) throw new Error('no domain');
    const notFull = method.fromCell({
      k: 'cmp',
      op: '!=',
      value: { k: 'lit', type: { kind: 'string' }, value: 'full' },
    });
    expect(method.show(notFull)).toBe('mortgage');
    const strings = domainFor({ kind: 'string' });
    expect(
      strings?.show(
        strings.fromCell({ k: 'cmp', op: '!=', value: { k: 'lit', type: { kind: 'string' }, value: 'A' } }),
      ),
    ).toBe('any value except "A"');
  });

  it('should leave cells with non-literal values out', () => {
    expect(
      cell({
        k: 'cmp',
        op: '<=',
        value: { k: 'call', type: { kind: 'percent' }, fn: 'authority', args: [] },
      }),
    ).toBeUndefined();
    expect(domainFor({ kind: 'timestamp' })).toBeUndefined();
  });
});

describe('subtractBox', () => {
  it('should cut a box into disjoint pieces outside the other box', () => {
    const d = domainFor({ kind: 'int' });
    if (!d) throw new Error('no domain');
    const range = (lo: number, hi: number) =>
      d.fromCell({ k: 'range', lo: lit(lo), hi: lit(hi), loInclusive: true, hiInclusive: true });
    const pieces = subtractBox([d, d], [range(0, 9), range(0, 9)], [range(3, 5), range(3, 5)]);
    expect(pieces).toHaveLength(2);
    expect(pieces.map((p) => p.map((s) => d.show(s)))).toEqual([
      ['0', '0'],
      ['3', '0'],
    ]);
    expect(subtractBox([d], [range(0, 1)], [range(5, 6)])).toEqual([[range(0, 1)]]);
  });
});
