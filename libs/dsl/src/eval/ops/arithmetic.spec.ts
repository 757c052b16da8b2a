import { bin, dec, dur, int, money, neg, pct, ref, run, T, envOf, lit } from '../testing/expr-builders';

describe('arithmetic', () => {
  it('should add money exactly when amounts have cents', () => {
    expect(run(bin('+', money('0.10'), money('0.20')))).toBe('0.30');
    expect(run(bin('-', money('1850000.00'), money('0.01')))).toBe('1849999.99');
  });

  it('should take the percentage of money when multiplying money by a percent, in either order', () => {
    expect(run(bin('*', money('1850000.00'), pct('2%'), T.money()))).toBe('37000.00');
    expect(run(bin('*', pct('0.21%'), money('1850000.00'), T.money()))).toBe('3885.00');
    expect(run(bin('*', money('1000'), pct('0.125%'), T.money()))).toBe('1.25');
  });

  it('should scale a percentage when multiplying by an int or decimal', () => {
    expect(run(bin('*', pct('2.5%'), int(2), T.percent))).toBe('5%');
    expect(run(bin('*', pct('8%'), dec('0.5'), T.percent))).toBe('4%');
    expect(run(bin('-', pct('100%'), pct('2.5%')))).toBe('97.5%');
  });

  it('should give a decimal when dividing ints and money by money', () => {
    expect(run(bin('/', int(1), int(3), T.decimal))).toBe('0.33333333333333333333');
    expect(run(bin('/', money('30'), money('40'), T.decimal))).toBe('0.75');
    expect(run(bin('/', money('100'), int(3), T.money()))).toBe('33.33333333333333333333');
  });

  it('should mix ints and decimals into a decimal', () => {
    expect(run(bin('+', int(1), dec('0.5'), T.decimal))).toBe('1.5');
    expect(run(neg(dec('2.5')))).toBe('-2.5');
    expect(run(neg(int(3)))).toBe(-3);
  });

  it('should fail naming the expression when dividing by zero', () => {
    expect(run(bin('/', money('100'), ref('input.n', T.int), T.money()), envOf({ input: { n: 0 } }))).toEqual(
      {
        error: '`100 CNY / input.n`: division by zero',
      },
    );
  });

  it('should fail instead of losing digits when an int overflows', () => {
    expect(run(bin('*', int(2 ** 52), int(4)))).toEqual({
      error: '`4503599627370496 * 4`: the result is too large for an int',
    });
  });

  it('should fail naming the null operand when an input is absent', () => {
    expect(run(bin('+', ref('input.fee', T.money()), money('1')))).toEqual({
      error: '`input.fee + 1 CNY`: input.fee is null',
    });
  });

  it('should move a timestamp by working days, skipping the weekend', () => {
    // 2026-11-27 is a Friday.
    const friday = lit(T.timestamp, '2026-11-27T10:00:00Z');
    expect(run(bin('+', friday, dur('2 workdays'), T.timestamp))).toBe('2026-12-01T10:00:00.000Z');
    expect(run(bin('-', friday, dur('24h'), T.timestamp))).toBe('2026-11-26T10:00:00.000Z');
  });

  it('should refuse operations the language does not define', () => {
    expect(run(bin('*', lit(T.string, 'a'), lit(T.string, 'b'), T.string))).toEqual({
      error: '`"a" * "b"`: * is not defined for string and string',
    });
  });
});
