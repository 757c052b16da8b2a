/**
 * zen-engine is optional: its native packages exist on our registry mirror for linux-x64 only, so a
 * lock file that lists it breaks `npm ci` (ADR 0001). Install it for a run with
 * `npm install --no-save @gorules/zen-engine@0.54.0`; without it the rules benchmark skips it.
 */
export interface ZenDecision {
  evaluate(context: object): Promise<{ result: unknown }>;
}
interface ZenModule {
  ZenEngine: new () => { createDecision(jdm: object): ZenDecision };
}

function loadZen(): ZenModule | null {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('@gorules/zen-engine') as ZenModule;
  } catch {
    return null;
  }
}
import type { Outcome, RuleInput } from './inputs';

/** zen-engine's context: JSON numbers (it computes on decimals internally). */
export interface ZenContext {
  discount: number;
  authority: number;
  attainment: number;
  contractValue: number;
}

export function zenContext(i: RuleInput): ZenContext {
  return {
    discount: Number(i.discount.slice(0, -1)),
    authority: Number(i.authority.slice(0, -1)),
    attainment: Number(i.attainment.slice(0, -1)),
    contractValue: Number(i.contractValue),
  };
}

const position = { x: 0, y: 0 };

/** A JDM graph: input → decision table `tier` (hit first) → expression node (guard, commission) → output. */
export const TIER_JDM = {
  contentType: 'application/vnd.gorules.decision',
  nodes: [
    { id: 'in', type: 'inputNode', name: 'request', position },
    {
      id: 'tier',
      type: 'decisionTableNode',
      name: 'tier',
      position,
      content: {
        hitPolicy: 'first',
        passThrough: true,
        inputs: [{ id: 'a', name: 'attainment', field: 'attainment' }],
        outputs: [{ id: 'r', name: 'rate', field: 'rate' }],
        rules: [
          { _id: '1', a: '>= 101', r: '0.21' },
          { _id: '2', a: '[80..101)', r: '0.18' },
          { _id: '3', a: '[60..80)', r: '0.17' },
          { _id: '4', a: '< 60', r: '0.16' },
        ],
      },
    },
    {
      id: 'calc',
      type: 'expressionNode',
      name: 'calc',
      position,
      content: {
        expressions: [
          { id: 'w', key: 'within', value: 'discount <= authority' },
          { id: 'r', key: 'rate', value: 'rate' },
          { id: 'c', key: 'commission', value: 'round(contractValue * rate / 100, 2)' },
        ],
      },
    },
    { id: 'out', type: 'outputNode', name: 'out', position },
  ],
  edges: [
    { id: 'e1', sourceId: 'in', targetId: 'tier', type: 'edge' },
    { id: 'e2', sourceId: 'tier', targetId: 'calc', type: 'edge' },
    { id: 'e3', sourceId: 'calc', targetId: 'out', type: 'edge' },
  ],
};

/** The decision, or null when zen-engine is not installed. */
export function zenDecision(): ZenDecision | null {
  const zen = loadZen();
  return zen ? new zen.ZenEngine().createDecision(TIER_JDM) : null;
}

type ZenResult = { within: boolean; rate: number; commission: number };

export async function zen(decision: ZenDecision, c: ZenContext): Promise<ZenResult> {
  return (await decision.evaluate(c)).result as ZenResult;
}

export function zenOutcome(r: ZenResult): Outcome {
  return { within: r.within, rate: r.rate.toFixed(2), commission: r.commission.toFixed(2) };
}
