import fc from 'fast-check';
import { compareDecimal, Decimal } from './decimal';
import { formatDecimal, numberToDecimalText, parseDecimal } from './decimal-text';
import { formatMoney, minorDigits } from './money';

describe('money', () => {
  it('should know the minor unit when the currency is CNY, USD, EUR or JPY', () => {
    expect(minorDigits('CNY')).toBe(2);
    expect(minorDigits('USD')).toBe(2);
    expect(minorDigits('EUR')).toBe(2);
    expect(minorDigits('JPY')).toBe(0);
  });

  it('should pad to the minor digits and keep extra exact digits when formatting', () => {
    expect(formatMoney(new Decimal(1850000n, 0), 'CNY')).toBe('1850000.00');
    expect(formatMoney(new Decimal(12345n, 3), 'CNY')).toBe('12.345');
    expect(formatMoney(new Decimal(123450n, 4), 'CNY')).toBe('12.345');
    expect(formatMoney(new Decimal(500n, 0), 'JPY')).toBe('500');
  });

  const currency = fc.constantFrom('CNY', 'USD', 'EUR', 'JPY');
  const amount = (cur: string) =>
    fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }).map((minor) => new Decimal(minor, minorDigits(cur)));

  it('should round-trip through its canonical text for any amount and currency', () => {
    fc.assert(
      fc.property(
        currency.chain((cur) => fc.tuple(fc.constant(cur), amount(cur))),
        ([cur, value]) => {
          const text = formatMoney(value, cur);
          const back = parseDecimal(text)!;
          expect(compareDecimal(back, value)).toBe(0);
          expect(formatMoney(back, cur)).toBe(text);
        },
      ),
      { numRuns: 5_000 },
    );
  });

  it('should read the same amount from a JSON number as from its text when it has at most 15 digits', () => {
    const cents = fc.bigInt({ min: -(10n ** 15n) + 1n, max: 10n ** 15n - 1n });
    fc.assert(
      fc.property(cents, (c) => {
        const text = formatDecimal(new Decimal(c, 2));
        const fromNumber = parseDecimal(numberToDecimalText(Number(text))!)!;
        expect(formatMoney(fromNumber, 'CNY')).toBe(text);
      }),
      { numRuns: 5_000 },
    );
  });
});
