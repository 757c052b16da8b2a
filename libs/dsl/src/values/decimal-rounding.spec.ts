import fc from 'fast-check';
import { Decimal } from './decimal';
import { multiply } from './decimal-arithmetic';
import { roundDecimal, type RoundingMode } from './decimal-rounding';
import { formatDecimal, parseDecimal } from './decimal-text';
import { asFraction, parsePercent } from './percent';

// An independent reference: long-hand decimal arithmetic on digit strings, as taught at school.
function splitDecimal(text: string): { negative: boolean; digits: string; frac: number } {
  const negative = text.startsWith('-');
  const [int, frac = ''] = (negative ? text.slice(1) : text).split('.');
  return { negative, digits: int + frac, frac: frac.length };
}

function longMultiply(a: string, b: string): string {
  const x = splitDecimal(a);
  const y = splitDecimal(b);
  const out = new Array<number>(x.digits.length + y.digits.length).fill(0);
  for (let i = x.digits.length - 1; i >= 0; i--) {
    for (let j = y.digits.length - 1; j >= 0; j--) {
      const sum = out[i + j + 1] + Number(x.digits[i]) * Number(y.digits[j]);
      out[i + j + 1] = sum % 10;
      out[i + j] += Math.floor(sum / 10);
    }
  }
  const digits = out.join('');
  const frac = x.frac + y.frac;
  const int = digits.slice(0, digits.length - frac).replace(/^0+(?=\d)/, '') || '0';
  const text = frac === 0 ? int : `${int}.${digits.slice(digits.length - frac)}`;
  return x.negative !== y.negative && /[1-9]/.test(digits) ? `-${text}` : text;
}

function incrementDigits(digits: string): string {
  const out = digits.split('');
  for (let i = out.length - 1; i >= 0; i--) {
    if (out[i] !== '9') {
      out[i] = String(Number(out[i]) + 1);
      return out.join('');
    }
    out[i] = '0';
  }
  return `1${out.join('')}`;
}

function longRound(text: string, places: number, mode: RoundingMode): string {
  const negative = text.startsWith('-');
  const [int, frac = ''] = (negative ? text.slice(1) : text).split('.');
  const padded = frac.padEnd(places, '0');
  let kept = int + padded.slice(0, places);
  const rest = padded.slice(places);
  const first = rest.length > 0 ? Number(rest[0]) : 0;
  const tail = /[1-9]/.test(rest.slice(1));
  const last = Number(kept[kept.length - 1]);
  if (first > 5 || (first === 5 && (tail || mode === 'half-up' || last % 2 === 1)))
    kept = incrementDigits(kept);
  const intLen = kept.length - places;
  const body = places === 0 ? kept : `${kept.slice(0, intLen)}.${kept.slice(intLen)}`;
  return negative && /[1-9]/.test(kept) ? `-${body}` : body;
}

const dec = (text: string): Decimal => parseDecimal(text)!;

describe('rounding', () => {
  it('should round ties away from zero when half-up and to even when half-even', () => {
    const cases: [string, string, string][] = [
      ['2.5', '3', '2'],
      ['3.5', '4', '4'],
      ['-2.5', '-3', '-2'],
      ['0.125', '0.13', '0.12'],
      ['0.135', '0.14', '0.14'],
      ['2.51', '3', '3'],
    ];
    for (const [text, up, even] of cases) {
      const places = up.includes('.') ? up.split('.')[1].length : 0;
      expect(formatDecimal(roundDecimal(dec(text), places, 'half-up'))).toBe(up);
      expect(formatDecimal(roundDecimal(dec(text), places, 'half-even'))).toBe(even);
    }
  });

  it('should pad to the requested scale when the value has fewer digits', () => {
    expect(formatDecimal(roundDecimal(dec('5'), 2, 'half-up'))).toBe('5.00');
  });

  it('should agree with long-hand arithmetic when rounding contract value × commission rate to cents', () => {
    const contractValue = fc
      .bigInt({ min: 0n, max: 10_000_000_00n })
      .map((cents) => formatDecimal(new Decimal(cents, 2)));
    const rate = fc.bigInt({ min: 0n, max: 100_0000n }).map((r) => `${formatDecimal(new Decimal(r, 4))}%`);
    fc.assert(
      fc.property(
        contractValue,
        rate,
        fc.constantFrom<RoundingMode>('half-up', 'half-even'),
        (value, pct, mode) => {
          const fraction = formatDecimal(asFraction(parsePercent(pct)!));
          const product = multiply(dec(value), dec(fraction));
          expect(formatDecimal(roundDecimal(product, 2, mode))).toBe(
            longRound(longMultiply(value, fraction), 2, mode),
          );
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it('should differ between half-up and half-even exactly when a tie sits on an even digit', () => {
    const tie = fc.record({
      int: fc.bigInt({ min: -1_000_000n, max: 1_000_000n }),
      kept: fc.integer({ min: 0, max: 999 }),
    });
    fc.assert(
      fc.property(tie, ({ int, kept }) => {
        const keptText = String(kept).padStart(3, '0');
        const text = `${int < 0n ? '-' : ''}${int < 0n ? -int : int}.${keptText}5`;
        const up = formatDecimal(roundDecimal(dec(text), 3, 'half-up'));
        const even = formatDecimal(roundDecimal(dec(text), 3, 'half-even'));
        expect(up).toBe(longRound(text, 3, 'half-up'));
        expect(even).toBe(longRound(text, 3, 'half-even'));
        const lastKeptEven = Number(keptText[2]) % 2 === 0;
        expect(up !== even).toBe(lastKeptEven);
      }),
      { numRuns: 5_000 },
    );
  });

  it('should agree with long-hand rounding on arbitrary decimals and places', () => {
    const anyDecimal = fc
      .record({
        coef: fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }),
        scale: fc.integer({ min: 0, max: 12 }),
      })
      .map(({ coef, scale }) => formatDecimal(new Decimal(coef, scale)));
    fc.assert(
      fc.property(
        anyDecimal,
        fc.integer({ min: 0, max: 10 }),
        fc.constantFrom<RoundingMode>('half-up', 'half-even'),
        (text, places, mode) => {
          expect(formatDecimal(roundDecimal(dec(text), places, mode))).toBe(longRound(text, places, mode));
        },
      ),
      { numRuns: 10_000 },
    );
  });
});
