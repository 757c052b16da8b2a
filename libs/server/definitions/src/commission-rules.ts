import {
  encodeValue,
  evaluate,
  validateInput,
  type DirectoryPort,
  type FlowIR,
  type InputError,
  type Json,
} from '@signet/dsl';

/** The flow that carries the commission rules (`workflows/commission.flow`). */
export const COMMISSION_FLOW_KEY = 'commission';

/** The figures the commission rules compute, as the flow stores them (money and percents as strings). */
export interface CommissionFigures {
  tierRate: string;
  tierCommission: string;
  lowestAllowedPrice: string;
  discountCommissionRate: string;
  discountCommission: string;
  totalCommission: string;
  collectedShare: string;
  releaseShare: string;
  releasableNow: string;
}

export type CommissionOutcome =
  | { ok: true; figures: CommissionFigures }
  | { ok: false; kind: 'input'; errors: InputError[] }
  | { ok: false; kind: 'evaluation'; message: string };

/** The rules read no directory data; any lookup finds nothing. */
const NO_DIRECTORY: DirectoryPort = { user: () => undefined, roleAuthority: () => undefined };

/**
 * Applies the commission rules of a compiled `commission` flow to one sale, without starting an
 * instance: the input is validated against the flow's input declaration, then the `set` actions of the
 * initial state's first eventless transition are evaluated in order (each may read the ones before it,
 * as in the engine), through the flow's own decision tables. No host-language arithmetic: every figure
 * comes from the `.flow` source.
 */
export function applyCommissionRules(ir: FlowIR, input: unknown): CommissionOutcome {
  const checked = validateInput(ir.input, input);
  if (!checked.ok) return { ok: false, kind: 'input', errors: checked.errors };
  const initial = ir.states.find((s) => s.name === ir.initial);
  const transition = initial?.always[0];
  if (!transition) return { ok: false, kind: 'evaluation', message: `${ir.key} has no eventless start` };
  const vars: { [name: string]: Json } = {};
  for (const action of transition.actions) {
    if (action.k !== 'set') continue;
    const result = evaluate(action.value, {
      context: {
        input: checked.value as { [field: string]: Json },
        requester: '',
        vars,
        decisions: {},
      },
      now: new Date(0).toISOString(),
      tables: ir.tables,
      constants: ir.constants,
      directory: NO_DIRECTORY,
    });
    if (!result.ok) return { ok: false, kind: 'evaluation', message: result.error.message };
    vars[action.name] = encodeValue(action.value.type, result.value);
  }
  const figures = {} as { [K in keyof CommissionFigures]: string };
  for (const name of FIGURES) {
    const value = vars[name];
    if (typeof value !== 'string') {
      return { ok: false, kind: 'evaluation', message: `${ir.key} does not compute ${name}` };
    }
    figures[name] = value;
  }
  return { ok: true, figures };
}

const FIGURES: (keyof CommissionFigures)[] = [
  'tierRate',
  'tierCommission',
  'lowestAllowedPrice',
  'discountCommissionRate',
  'discountCommission',
  'totalCommission',
  'collectedShare',
  'releaseShare',
  'releasableNow',
];
