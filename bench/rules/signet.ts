import {
  compile,
  type Decimal,
  type EvalEnv,
  type ExprIR,
  evaluate,
  type FlowIR,
  type InstanceData,
  type Value,
} from '@signet/dsl';
import type { Outcome, RuleInput } from './inputs';

/** The rules in our language: the guard on the transition, the tier table, the commission action. */
export const RULES_SOURCE = `flow commission_bench v1 "Commission benchmark" {
  input { discount: percent, authority: percent, attainment: percent, contractValue: money(CNY) }
  table tier(attainment: percent) -> rate: percent hit unique {
    | >= 101%        | 0.21% |
    | [80% .. 101%)  | 0.18% |
    | [60% .. 80%)   | 0.17% |
    | < 60%          | 0.16% |
  }
  initial state submitted {
    always -> within when input.discount <= input.authority
      do set commission = round(input.contractValue * tier(input.attainment), 2)
    always -> above
  }
  final state within
  final state above
}`;

export interface CompiledRules {
  ir: FlowIR;
  guard: ExprIR;
  rate: ExprIR;
  commission: ExprIR;
}

/** Compiles `RULES_SOURCE` and picks out the three expressions; throws if the source does not compile (a bug here). */
export function compileRules(): CompiledRules {
  const { ir, diagnostics } = compile(RULES_SOURCE);
  if (!ir) throw new Error(`benchmark flow does not compile: ${JSON.stringify(diagnostics)}`);
  const t = ir.states[0].always[0];
  const action = t.actions[0];
  if (!t.guard || action.k !== 'set' || action.value.k !== 'call') throw new Error('unexpected IR shape');
  const product = action.value.args[0];
  if (product.k !== 'binary') throw new Error('unexpected IR shape');
  return { ir, guard: t.guard, rate: product.right, commission: action.value };
}

const NO_DIRECTORY = { user: () => undefined, roleAuthority: () => undefined };

/** Evaluates guard, rate and commission for one input as the engine would: from the instance's JSON. */
export function signet(rules: CompiledRules, i: RuleInput): [Value, Value, Value] {
  const env: EvalEnv = {
    context: { input: i as unknown as InstanceData['input'], requester: 'bench', vars: {}, decisions: {} },
    now: '2026-01-01T00:00:00Z',
    tables: rules.ir.tables,
    directory: NO_DIRECTORY,
  };
  const g = evaluate(rules.guard, env);
  const r = evaluate(rules.rate, env);
  const c = evaluate(rules.commission, env);
  if (!g.ok || !r.ok || !c.ok) throw new Error(`evaluation failed for ${JSON.stringify(i)}`);
  return [g.value, r.value, c.value];
}

function fixed(d: Value, places: number): string {
  const v = d as Decimal;
  if (v.scale > places) return `${v.coef}e-${v.scale}`; // shows up as a disagreement, never silently rounded
  const s = (v.coef * 10n ** BigInt(places - v.scale)).toString().padStart(places + 1, '0');
  return `${s.slice(0, -places)}.${s.slice(-places)}`;
}

export function signetOutcome([within, rate, commission]: [Value, Value, Value]): Outcome {
  return { within: within === true, rate: fixed(rate, 2), commission: fixed(commission, 2) };
}
