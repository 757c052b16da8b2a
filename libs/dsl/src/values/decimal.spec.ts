import { compareDecimal, Decimal, normalize, shiftPoint } from './decimal';
import { add, divide, multiply, negate, subtract } from './decimal-arithmetic';
import { formatDecimal, numberToDecimalText, parseDecimal } from './decimal-text';

const d = (text: string): Decimal => {
  const v = parseDecimal(text);
  if (!v) throw new Error(`bad test literal ${text}`);
  return v;
};

describe('decimal text', () => {
  it('should keep the written scale when parsing', () => {
    expect(d('1850000.00')).toEqual(new Decimal(185000000n, 2));
    expect(d('-0.5')).toEqual(new Decimal(-5n, 1));
    expect(formatDecimal(d('1850000.00'))).toBe('1850000.00');
    expect(formatDecimal(d('-0.05'))).toBe('-0.05');
  });

  it('should parse exactly on both sides of the 15 digits a double holds', () => {
    expect(d('999999999999999')).toEqual(new Decimal(999999999999999n, 0));
    expect(d('9007199254740993')).toEqual(new Decimal(9007199254740993n, 0));
    expect(d('-12345678901234567890.123456789')).toEqual(new Decimal(-12345678901234567890123456789n, 9));
    expect(d('0000.10')).toEqual(new Decimal(10n, 2));
    expect(d('-0')).toEqual(new Decimal(0n, 0));
  });

  it('should refuse exponents, grouping and stray signs when parsing', () => {
    for (const bad of [
      '1e3',
      '1,000',
      '+1',
      '.5',
      '1.',
      '',
      ' 1',
      '1_000',
      'NaN',
      '-',
      '-.5',
      '1.2.3',
      '--1',
      '1-',
      '٣',
    ]) {
      expect(parseDecimal(bad)).toBeUndefined();
    }
  });

  it('should expand exponent notation when converting JSON numbers', () => {
    expect(numberToDecimalText(1e21)).toBe('1000000000000000000000');
    expect(numberToDecimalText(1.5e-7)).toBe('0.00000015');
    expect(numberToDecimalText(-2.5e-7)).toBe('-0.00000025');
    expect(numberToDecimalText(1850000.5)).toBe('1850000.5');
    expect(numberToDecimalText(Number.NaN)).toBeUndefined();
  });
});

describe('decimal arithmetic', () => {
  it('should add and subtract exactly when scales differ', () => {
    expect(formatDecimal(add(d('0.1'), d('0.2')))).toBe('0.3');
    expect(formatDecimal(subtract(d('1'), d('0.01')))).toBe('0.99');
  });

  it('should multiply exactly when the product has many digits', () => {
    expect(formatDecimal(multiply(d('1850000.00'), d('0.0021')))).toBe('3885.000000');
    expect(formatDecimal(negate(d('3.5')))).toBe('-3.5');
  });

  it('should divide to 20 digits half-even and trim zeros when the quotient is long or exact', () => {
    expect(formatDecimal(divide(d('1'), d('4'))!)).toBe('0.25');
    expect(formatDecimal(divide(d('2'), d('3'))!)).toBe('0.66666666666666666667');
    expect(formatDecimal(divide(d('-1'), d('3'))!)).toBe('-0.33333333333333333333');
    expect(formatDecimal(divide(d('100.00'), d('0.5'))!)).toBe('200');
  });

  it('should return undefined when dividing by zero', () => {
    expect(divide(d('1'), d('0.00'))).toBeUndefined();
  });

  it('should compare numerically when scales differ', () => {
    expect(compareDecimal(d('1.0'), d('1.00'))).toBe(0);
    expect(compareDecimal(d('2.5'), d('3'))).toBe(-1);
    expect(compareDecimal(d('-1'), d('-1.01'))).toBe(1);
  });

  it('should strip trailing zeros when normalizing and move the point when shifting', () => {
    expect(normalize(d('2.500'))).toEqual(new Decimal(25n, 1));
    expect(normalize(d('0.000'))).toEqual(Decimal.ZERO);
    expect(formatDecimal(shiftPoint(d('2.5'), 2))).toBe('0.025');
    expect(formatDecimal(shiftPoint(d('0.025'), -2))).toBe('2.5');
    expect(formatDecimal(shiftPoint(d('3'), -2))).toBe('300');
  });
});
