import { parse } from '@marcbachmann/cel-js';
import { fromScaled, toScaled } from '../support/exact';
import type { Outcome, RuleInput } from './inputs';

/** CEL has no decimals: the context holds scaled integers (percent numbers × 100, money in fen). */
export interface CelContext {
  discount: bigint;
  authority: bigint;
  attainment: bigint;
  fen: bigint;
}

export function celContext(i: RuleInput): CelContext {
  return {
    discount: toScaled(i.discount.slice(0, -1), 2),
    authority: toScaled(i.authority.slice(0, -1), 2),
    attainment: toScaled(i.attainment.slice(0, -1), 2),
    fen: toScaled(i.contractValue, 2),
  };
}

const RATE = '(attainment >= 10100 ? 21 : attainment >= 8000 ? 18 : attainment >= 6000 ? 17 : 16)';

/** One expression giving `[within ? 1 : 0, rate, commission in fen]`; CEL lists must be homogeneous. Half-up via `+ 5000` (amounts are positive). */
export const CEL_SOURCE = `[discount <= authority ? 1 : 0, ${RATE}, (fen * ${RATE} + 5000) / 10000]`;

export type CelProgram = (ctx: CelContext) => unknown;

export function celProgram(): CelProgram {
  const program = parse(CEL_SOURCE);
  return (ctx) => {
    const out: unknown = program(ctx);
    return out;
  };
}

export function celOutcome(r: unknown): Outcome {
  const [within, rate, commission] = r as [bigint, bigint, bigint];
  return { within: within === 1n, rate: fromScaled(rate, 2), commission: fromScaled(commission, 2) };
}
