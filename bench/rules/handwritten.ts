import { divHalfUp, fromScaled, toScaled } from '../support/exact';
import type { Outcome, RuleInput } from './inputs';

/**
 * The limit: the same rules written by hand in TypeScript, reading the same canonical JSON text and
 * computing exactly on scaled bigints (percent numbers at 2 places, money in fen).
 */
export function handwritten(i: RuleInput): [boolean, bigint, bigint] {
  const within = toScaled(i.discount.slice(0, -1), 2) <= toScaled(i.authority.slice(0, -1), 2);
  const attainment = toScaled(i.attainment.slice(0, -1), 2);
  // Rate in hundredths of a percent: 0.21 % → 21.
  const rate = attainment >= 10100n ? 21n : attainment >= 8000n ? 18n : attainment >= 6000n ? 17n : 16n;
  // fen × (rate / 100) % = fen × rate / 10⁴, rounded half-up to the fen.
  const commission = divHalfUp(toScaled(i.contractValue, 2) * rate, 10_000n);
  return [within, rate, commission];
}

export function handwrittenOutcome([within, rate, commission]: [boolean, bigint, bigint]): Outcome {
  return { within, rate: fromScaled(rate, 2), commission: fromScaled(commission, 2) };
}

/** The same function on inputs already parsed to scaled bigints (CEL's context): the floor with no text decoding at all. */
export function handwrittenParsed(c: {
  discount: bigint;
  authority: bigint;
  attainment: bigint;
  fen: bigint;
}): [boolean, bigint, bigint] {
  const a = c.attainment;
  const rate = a >= 10100n ? 21n : a >= 8000n ? 18n : a >= 6000n ? 17n : 16n;
  return [c.discount <= c.authority, rate, divHalfUp(c.fen * rate, 10_000n)];
}
