import { Engine, type NestedCondition, type RuleProperties } from 'json-rules-engine';
import { divHalfUp, fromScaled, toScaled } from '../support/exact';
import type { Outcome, RuleInput } from './inputs';

/** json-rules-engine's facts: plain numbers (its operators compare JS numbers). */
export interface JreFacts {
  discount: number;
  authority: number;
  attainment: number;
  contractValue: string;
}

export function jreFacts(i: RuleInput): JreFacts {
  return {
    discount: Number(i.discount.slice(0, -1)),
    authority: Number(i.authority.slice(0, -1)),
    attainment: Number(i.attainment.slice(0, -1)),
    contractValue: i.contractValue,
  };
}

const tier = (rate: string, all: NestedCondition[], priority: number): RuleProperties => ({
  priority,
  conditions: { all },
  event: { type: 'tier', params: { rate } },
});

/** The guard as a fact-vs-fact rule, the tiers as four rules (boundaries as the table's). */
export function jreEngine(): Engine {
  const engine = new Engine([], { allowUndefinedFacts: false });
  engine.addRule({
    conditions: { all: [{ fact: 'discount', operator: 'lessThanInclusive', value: { fact: 'authority' } }] },
    event: { type: 'within' },
  });
  engine.addRule(tier('0.21', [{ fact: 'attainment', operator: 'greaterThanInclusive', value: 101 }], 4));
  engine.addRule(
    tier(
      '0.18',
      [
        { fact: 'attainment', operator: 'greaterThanInclusive', value: 80 },
        { fact: 'attainment', operator: 'lessThan', value: 101 },
      ],
      3,
    ),
  );
  engine.addRule(
    tier(
      '0.17',
      [
        { fact: 'attainment', operator: 'greaterThanInclusive', value: 60 },
        { fact: 'attainment', operator: 'lessThan', value: 80 },
      ],
      2,
    ),
  );
  engine.addRule(tier('0.16', [{ fact: 'attainment', operator: 'lessThan', value: 60 }], 1));
  return engine;
}

/**
 * Runs the engine for one input. json-rules-engine cannot do arithmetic, so the commission is
 * computed from the rate it returns with the same exact bigint code as the hand-written function.
 */
export async function jre(engine: Engine, f: JreFacts): Promise<[boolean, string, bigint]> {
  const { events } = await engine.run(f);
  let within = false;
  let rate = '';
  for (const e of events) {
    if (e.type === 'within') within = true;
    else rate = String(e.params?.rate);
  }
  return [within, rate, divHalfUp(toScaled(f.contractValue, 2) * toScaled(rate, 2), 10_000n)];
}

export function jreOutcome([within, rate, commission]: [boolean, string, bigint]): Outcome {
  return { within, rate, commission: fromScaled(commission, 2) };
}
