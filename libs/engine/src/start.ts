import { type FlowIR, type Json, validateInput } from '@signet/dsl';
import { initialTransition } from 'xstate';
import { boundFlow } from './binding/bound-flow';
import { ENV_KEY, StepEnv } from './binding/step-env';
import { EngineErrors } from './engine-errors';
import { finishStep, guardLoops, type Transitioned } from './finish-step';
import { initialContext } from './instance-context';
import { assertContext } from './assert-context';
import type { EngineContext, StepResult } from './types';

/**
 * Starts an instance: validates `input` against the flow's declared input (`BAD_INPUT` with a detail
 * per field), checks that the actor may start the flow (`FORBIDDEN` unless they hold one of
 * `startRoles`, when declared), enters the initial state and follows eventless transitions to rest.
 * The actor becomes `requester`. Pure: time, ids and the directory come from `ctx`.
 */
export function start(ir: FlowIR, input: Json, ctx: EngineContext): StepResult {
  assertContext(ctx);
  const flow = boundFlow(ir);
  const checked = validateInput(flow.ir.input, input);
  if (!checked.ok) return EngineErrors.badInput(checked.errors);
  const actor = ctx.actor;
  if (actor === null) return EngineErrors.noStarter(flow.ir.key);
  const roles = flow.ir.startRoles;
  if (roles.length > 0 && !ctx.directory.user(actor)?.roles.some((r) => roles.includes(r)))
    return EngineErrors.mayNotStart(actor, flow.ir.key, roles);

  const env = new StepEnv(flow.ir, ctx, null);
  const context = initialContext(checked.value as { [field: string]: Json }, actor, env.now);
  const ran = guardLoops<Transitioned>(
    () => {
      const [next, actions] = initialTransition(flow.machine, { context, [ENV_KEY]: env });
      return { from: null, next, actions, decided: false, checks: [] };
    },
    (message) => EngineErrors.evaluationFailed(flow.ir.initial, 'start', message),
  );
  return 'next' in ran ? finishStep(flow, env, ran) : ran;
}
