import type { ApprovalIR, TaskIR } from '@signet/dsl';
import { stateOfTask } from '../binding/state-of-task';
import type { StepEnv } from '../binding/step-env';
import { EngineErrors } from '../engine-errors';
import type { InstanceContext } from '../instance-context';
import type { CheckTrace, StepFailed } from '../types';
import { currentAssignment } from './task-people';

/** The outcome of one vote: leave the state by this event's transition, or record it and stay. */
export type Tally =
  { k: 'decide'; check: CheckTrace } | { k: 'stay'; context: InstanceContext; check: CheckTrace };

/** How many approving votes of `n` voters the policy needs. */
export function needed(approval: ApprovalIR, n: number): number {
  switch (approval.policy) {
    case 'all':
      return n;
    case 'any':
      return 1;
    case 'count':
      return approval.count;
    case 'percent':
      // ceil(P % of n), computed in hundredths of a percent so that 60 % of 5 is exactly 3.
      return Math.ceil((n * Math.round(parseFloat(approval.percent) * 100)) / 10_000);
  }
}

/**
 * Counts the actor's vote on a task with `approval …` (the actor already passed the people checks).
 * The task's first decision approves, any other votes against; a user votes once (`FORBIDDEN`).
 * `decide` when the approvals reach the policy, or the votes against make it unreachable; else `stay`
 * with the vote stored in the context.
 */
export function tallyVote(
  task: TaskIR,
  approval: ApprovalIR,
  env: StepEnv,
  context: InstanceContext,
  actor: string,
): Tally | StepFailed {
  const decision = env.eventType;
  const open = context.openTask;
  const assignment = currentAssignment(task, env, context);
  if (!assignment.ok)
    return EngineErrors.evaluationFailed(stateOfTask(env.ir, task), decision, assignment.message);
  const voters = assignment.value.users ?? [];
  const current = open && context.votes?.taskId === open.id ? context.votes : null;
  const before = current?.ballots ?? {};
  if (Object.hasOwn(before, actor))
    return EngineErrors.notCandidate(actor, task.name, `${actor} already voted ${before[actor]}`);
  const ballots = { ...before, [actor]: decision };
  const yes = Object.values(ballots).filter((d) => d === task.decisions[0]).length;
  const no = Object.keys(ballots).length - yes;
  const need = needed(approval, voters.length);
  const summary = `${yes} of ${voters.length} approved, ${need} needed (${describe(approval)})`;
  const approving = decision === task.decisions[0];
  const detail = `vote ${decision} by ${actor}: ${summary}`;
  if ((approving && yes >= need) || (!approving && voters.length - no < need))
    return { k: 'decide', check: { check: 'assignee', passed: true, detail: `${detail}: decided` } };
  return {
    k: 'stay',
    context: { ...context, votes: { ...current, taskId: open?.id ?? '', ballots } },
    check: { check: 'assignee', passed: true, detail: `${detail}: still open` },
  };
}

function describe(a: ApprovalIR): string {
  if (a.policy === 'count') return `${a.count} of the voters`;
  if (a.policy === 'percent') return a.percent;
  return a.policy;
}
