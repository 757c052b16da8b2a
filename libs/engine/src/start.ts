import { encodeValue, evaluate, type FlowIR, type Json, validateInput } from '@signet/dsl';
import { initialTransition } from 'xstate';
import { boundFlow } from './binding/bound-flow';
import { ENV_KEY, StepEnv } from './binding/step-env';
import { EngineErrors } from './engine-errors';
import { finishStep, guardLoops, type Transitioned } from './finish-step';
import { initialContext } from './instance-context';
import { assertContext } from './assert-context';
import type { EngineContext, StepFailed, StepResult } from './types';

/**
 * Starts an instance: validates `input` against the flow's declared input (`BAD_INPUT` with a detail
 * per field), checks that the actor may start the flow (`FORBIDDEN` unless they hold one of
 * `startRoles`, when declared), enters the initial state and follows eventless transitions to rest.
 * The actor becomes `requester`. Pure: time, ids and the directory come from `ctx`.
 */
export function start(ir: FlowIR, input: Json, ctx: EngineContext): StepResult {
  const now = assertContext(ctx);
  const flow = boundFlow(ir);
  const checked = validateInput(flow.ir.input, input);
  if (!checked.ok) return EngineErrors.badInput(checked.errors);
  const actor = ctx.actor;
  if (actor === null) return EngineErrors.noStarter(flow.ir.key);
  const roles = flow.ir.startRoles;
  if (roles.length > 0 && !ctx.directory.user(actor)?.roles.some((r) => roles.includes(r)))
    return EngineErrors.mayNotStart(actor, flow.ir.key, roles);

  const env = new StepEnv(flow.ir, ctx, null, now);
  const context = initialContext(checked.value as { [field: string]: Json }, actor, env.now);
  const businessKey = declaredBusinessKey(flow.ir, env, context);
  if (typeof businessKey === 'object' && businessKey !== null) return businessKey;
  const ran = guardLoops<Transitioned>(
    () => {
      const [next, actions] = initialTransition(flow.machine, { context, [ENV_KEY]: env });
      return { from: null, next, actions, decided: false, checks: [] };
    },
    (message) => EngineErrors.evaluationFailed(flow.ir.initial, 'start', message),
  );
  if (!('next' in ran)) return ran;
  const result = finishStep(flow, env, ran);
  return result.ok && businessKey !== undefined ? { ...result, businessKey } : result;
}

/**
 * The business key a flow declares (`key input.unit unique while active`), computed from the input
 * before anything runs; `undefined` when the flow declares none, a refusal when it cannot be computed.
 */
function declaredBusinessKey(
  ir: FlowIR,
  env: StepEnv,
  context: ReturnType<typeof initialContext>,
): string | undefined | StepFailed {
  if (!ir.businessKey) return undefined;
  const value = evaluate(ir.businessKey, env.evalEnv(context));
  if (!value.ok) return EngineErrors.evaluationFailed(ir.initial, 'start', value.error.message);
  const key = encodeValue(ir.businessKey.type, value.value);
  if (typeof key !== 'string' || key === '')
    return EngineErrors.evaluationFailed(ir.initial, 'start', 'the business key is empty');
  return key;
}
