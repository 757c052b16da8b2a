import { mismatches } from './match-subset';

describe('mismatches (subset matching for scenarios)', () => {
  it('should accept an object when every expected key matches and ignore the others', () => {
    expect(mismatches({ a: 1, b: { c: 'x', d: 2 } }, { b: { c: 'x' } })).toEqual([]);
  });

  it('should name the path and both values when a value differs', () => {
    expect(mismatches({ vars: { n: '1.00' } }, { vars: { n: '2.00' } }, 'context')).toEqual([
      'at context.vars.n: expected "2.00", got "1.00"',
    ]);
  });

  it('should require the same length when the expectation is a list', () => {
    expect(mismatches([{ a: 1 }, { a: 2 }], [{ a: 1 }], 'effects')).toEqual([
      'at effects: expected 1 items, got 2: [{"a":1},{"a":2}]',
    ]);
    expect(mismatches([{ a: 1, b: 0 }], [{ a: 1 }])).toEqual([]);
  });

  it('should treat null as a value of its own when it is expected', () => {
    expect(mismatches(undefined, null, 'x')).toEqual(['at x: expected null, got undefined']);
    expect(mismatches(null, null)).toEqual([]);
  });
});
