import { evaluate, exprText, type ExprIR, type TaskIR } from '@signet/dsl';
import type { StepEnv } from '../binding/step-env';
import type { InstanceContext } from '../instance-context';

export type Resolved<T> = { ok: true; value: T } | { ok: false; message: string };

/** Who may decide a task, resolved against the directory now. Exactly one of the three is set. */
export interface Assignment {
  roles: string[];
  team: string | null;
  user: string | null;
  /** For `superior(…)` assignees: whose superior `user` is. */
  superiorOf?: string;
  /** For `users(…)` assignees (then `user` is null): everyone who may decide, or vote. */
  users?: string[];
}

function evaluateUser(e: ExprIR, env: StepEnv, context: InstanceContext, what: string): Resolved<string> {
  const r = evaluate(e, env.evalEnv(context));
  if (!r.ok) return { ok: false, message: r.error.message };
  if (typeof r.value !== 'string') return { ok: false, message: `${what} \`${exprText(e)}\` is not set` };
  return { ok: true, value: r.value };
}

/** The users a task's `separateFrom` excludes, evaluated now; null values exclude nobody. */
export function excludedUsers(task: TaskIR, env: StepEnv, context: InstanceContext): Resolved<string[]> {
  const out = new Set<string>();
  for (const e of task.separateFrom) {
    const r = evaluate(e, env.evalEnv(context));
    if (!r.ok) return { ok: false, message: `separateFrom \`${exprText(e)}\`: ${r.error.message}` };
    const values = Array.isArray(r.value) ? r.value : [r.value];
    for (const v of values) if (typeof v === 'string') out.add(v);
  }
  return { ok: true, value: [...out] };
}

/** Resolves the task's assignee: roles as declared, a team or a user evaluated now, a superior looked up now. */
export function resolveAssignment(
  task: TaskIR,
  env: StepEnv,
  context: InstanceContext,
): Resolved<Assignment> {
  const a = task.assignee;
  switch (a.k) {
    case 'role':
      if (!task.approval) return { ok: true, value: { roles: a.roles, team: null, user: null } };
      return votersFrom(
        task,
        a.roles.flatMap((role) => env.ctx.directory.membersOf(role)),
        `role(${a.roles.join(', ')})`,
        env,
        context,
      );
    case 'team': {
      const r = evaluateUser(a.team, env, context, 'team');
      if (!r.ok) return r;
      if (!task.approval) return { ok: true, value: { roles: [], team: r.value, user: null } };
      return votersFrom(task, env.ctx.directory.teamMembers(r.value), `team(${r.value})`, env, context);
    }
    case 'user': {
      const r = evaluateUser(a.user, env, context, 'assignee');
      return r.ok ? { ok: true, value: { roles: [], team: null, user: r.value } } : r;
    }
    case 'users': {
      const users = new Set<string>();
      for (const e of a.users) {
        const r = evaluate(e, env.evalEnv(context));
        if (!r.ok) return { ok: false, message: `assignee \`${exprText(e)}\`: ${r.error.message}` };
        for (const u of Array.isArray(r.value) ? r.value : [r.value]) if (typeof u === 'string') users.add(u);
      }
      if (users.size === 0) return { ok: false, message: `task ${task.name}: users(…) names nobody` };
      return { ok: true, value: { roles: [], team: null, user: null, users: [...users] } };
    }
    case 'superior': {
      const of = evaluateUser(a.of, env, context, 'user');
      if (!of.ok) return of;
      const boss = env.ctx.directory.user(of.value)?.superior ?? null;
      if (boss === null)
        return {
          ok: false,
          message: `task ${task.name}: ${of.value} (\`${exprText(a.of)}\`) has no superior to assign it to`,
        };
      return { ok: true, value: { roles: [], team: null, user: boss, superiorOf: of.value } };
    }
  }
}

/**
 * The voters of a parallel approval over a role's or a team's members, fixed when the task opens: the
 * members now, less the users `separateFrom` excludes (they neither vote nor count). Nobody left is an
 * evaluation failure, and so is `N of M` with fewer than N voters.
 */
function votersFrom(
  task: TaskIR,
  members: string[],
  source: string,
  env: StepEnv,
  context: InstanceContext,
): Resolved<Assignment> {
  const excluded = excludedUsers(task, env, context);
  if (!excluded.ok) return excluded;
  const voters = [...new Set(members)].filter((u) => !excluded.value.includes(u));
  const left = excluded.value.filter((u) => members.includes(u));
  const without = left.length > 0 ? ` once separateFrom excludes ${left.join(', ')}` : '';
  if (voters.length === 0)
    return { ok: false, message: `task ${task.name}: ${source} has no members who may vote${without}` };
  const approval = task.approval;
  if (approval?.policy === 'count' && approval.count > voters.length)
    return {
      ok: false,
      message: `task ${task.name}: approval needs ${approval.count} votes but ${source} has only ${voters.length} members who may vote (${voters.join(', ')})${without}`,
    };
  return { ok: true, value: { roles: [], team: null, user: null, users: voters } };
}

/**
 * Who may decide the open task now: the escalated deciders if an escalation moved it (the level is kept
 * in the context), the voters recorded when the task opened (a parallel approval), else the declared
 * assignee resolved now.
 */
export function currentAssignment(
  task: TaskIR,
  env: StepEnv,
  context: InstanceContext,
): Resolved<Assignment> {
  const esc = context.escalation;
  if (esc && esc.taskId === context.openTask?.id)
    return { ok: true, value: { roles: esc.roles, team: esc.team, user: esc.user } };
  const votes = context.votes;
  if (votes?.voters && votes.taskId === context.openTask?.id)
    return { ok: true, value: { roles: [], team: null, user: null, users: votes.voters } };
  return resolveAssignment(task, env, context);
}

/** Whether `actor` is a candidate for the assignment, and a sentence saying why or why not. */
export function candidacy(
  actor: string,
  assignment: Assignment,
  env: StepEnv,
): { passed: boolean; detail: string } {
  const user = env.ctx.directory.user(actor);
  if (assignment.user !== null) {
    const passed = actor === assignment.user;
    const who =
      assignment.superiorOf === undefined ? 'the assignee' : `the superior of ${assignment.superiorOf}`;
    return { passed, detail: passed ? `${actor} is ${who}` : `${who} is ${assignment.user}` };
  }
  if (assignment.users) {
    const passed = assignment.users.includes(actor);
    const list = assignment.users.join(', ');
    return { passed, detail: passed ? `${actor} is one of ${list}` : `${actor} is not one of ${list}` };
  }
  if (assignment.team !== null) {
    const passed = user?.team === assignment.team;
    return {
      passed,
      detail: passed
        ? `${actor} is in team ${assignment.team}`
        : `${actor} is not in team ${assignment.team}`,
    };
  }
  const held = assignment.roles.filter((r) => user?.roles.includes(r));
  const passed = held.length > 0;
  return {
    passed,
    detail: passed
      ? `${actor} holds role ${held.join(', ')}`
      : `${actor} holds none of the roles ${assignment.roles.join(', ')}`,
  };
}
