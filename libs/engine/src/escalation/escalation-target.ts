import type { AssigneeIR, TaskIR } from '@signet/dsl';
import type { StepEnv } from '../binding/step-env';
import { type Assignment, resolveAssignment, type Resolved } from '../checks/task-people';
import type { InstanceContext } from '../instance-context';

/** How far up the superior chain one escalation may climb past excluded users before giving up. */
const MAX_CLIMB = 16;

/**
 * The deciders of the next escalation level for the clause `to` (index `clause` among the state's
 * timers), or null when there is nobody to escalate to (the superior chain ends).
 * - `superior(x)`: the first time this clause applies, x's superior; when it applies again (the ladder
 *   repeats its last `superior` clause), the superior of the current assignee. Users excluded by the
 *   task's `separateFrom` are skipped (their superior is tried), so four-eyes holds at every level.
 * - `role(…)`, `user(…)`, `team(…)`: resolved now, as a task assignee would be.
 */
export function escalationTarget(
  task: TaskIR,
  to: AssigneeIR,
  clause: number,
  excluded: readonly string[],
  env: StepEnv,
  context: InstanceContext,
): Resolved<Assignment | null> {
  if (to.k !== 'superior') return resolveAssignment({ ...task, assignee: to }, env, context);
  const esc = context.escalation;
  const again = esc && esc.taskId === context.openTask?.id && esc.clause === clause && esc.user !== null;
  let base: string;
  if (again) {
    base = esc.user!;
  } else {
    const of = resolveAssignment({ ...task, assignee: { k: 'user', user: to.of } }, env, context);
    if (!of.ok) return of;
    base = of.value.user!;
  }
  let boss = env.ctx.directory.user(base)?.superior ?? null;
  for (let hops = 0; boss !== null && excluded.includes(boss) && hops < MAX_CLIMB; hops++)
    boss = env.ctx.directory.user(boss)?.superior ?? null;
  if (boss === null || excluded.includes(boss)) return { ok: true, value: null };
  return { ok: true, value: { roles: [], team: null, user: boss, superiorOf: base } };
}
