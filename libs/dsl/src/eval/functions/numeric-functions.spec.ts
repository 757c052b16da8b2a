import { call, dec, int, money, neg, pct, ref, run, T } from '../testing/expr-builders';

describe('numeric functions', () => {
  it('should pick the smaller or larger value of the same type', () => {
    expect(run(call('min', T.money(), money('3'), money('2.50')))).toBe('2.50');
    expect(run(call('max', T.percent, pct('1%'), pct('3%')))).toBe('3%');
    expect(run(call('max', T.int, int(4), int(9)))).toBe(9);
  });

  it('should widen an int to a decimal when mixing them', () => {
    expect(run(call('max', T.decimal, int(2), dec('1.5')))).toBe('2');
    expect(run(call('min', T.decimal, int(2), dec('1.5')))).toBe('1.5');
  });

  it('should take the absolute value of any number', () => {
    expect(run(call('abs', T.money(), neg(money('12.30'))))).toBe('12.30');
    expect(run(call('abs', T.int, int(-4)))).toBe(4);
  });

  it('should round ties away from zero with round and to even with roundEven', () => {
    expect(run(call('round', T.money(), money('0.125'), int(2)))).toBe('0.13');
    expect(run(call('roundEven', T.money(), money('0.125'), int(2)))).toBe('0.12');
    expect(run(call('round', T.money(), neg(money('0.125')), int(2)))).toBe('-0.13');
    expect(run(call('round', T.decimal, dec('2.5'), int(0)))).toBe('3');
    expect(run(call('roundEven', T.decimal, dec('2.5'), int(0)))).toBe('2');
  });

  it('should fail when the number of decimals is negative', () => {
    expect(run(call('round', T.money(), money('1'), int(-1)))).toEqual({
      error: '`round(1 CNY, -1)`: the number of decimals must be between 0 and 100',
    });
  });

  it('should fail naming the call when an argument is null', () => {
    expect(run(call('max', T.money(), ref('input.a', T.money()), money('1')))).toEqual({
      error: '`max(input.a, 1 CNY)`: an argument is null',
    });
  });
});
