import type { Decimal } from './decimal';
import { normalize, rescaleUp } from './decimal';
import { formatDecimal } from './decimal-text';

/**
 * Minor-unit digits per ISO 4217 currency. Currencies not listed use 2, the most common value;
 * add a currency here when a flow needs one with another minor unit.
 */
const MINOR_DIGITS: Readonly<Record<string, number>> = {
  CNY: 2,
  USD: 2,
  EUR: 2,
  GBP: 2,
  HKD: 2,
  JPY: 0,
  KRW: 0,
};

/** The number of fraction digits of one minor unit: 2 for CNY (fen), 0 for JPY. */
export function minorDigits(currency: string): number {
  return MINOR_DIGITS[currency] ?? 2;
}

/** A money amount: an exact decimal in one currency. The language types carry the currency; this pairs them. */
export interface Money {
  readonly amount: Decimal;
  readonly currency: string;
}

/**
 * Canonical JSON text of a money amount: at least the currency's minor digits, more only when the
 * exact value needs them (`1850000` CNY → `"1850000.00"`, a computed `12.345` stays `"12.345"`).
 */
export function formatMoney(amount: Decimal, currency: string): string {
  const minor = minorDigits(currency);
  const n = normalize(amount);
  return formatDecimal(n.scale >= minor ? n : rescaleUp(n, minor));
}
