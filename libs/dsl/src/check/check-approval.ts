import type { Check } from './context';

/**
 * `approval …` is a vote among several deciders: the task's assignee must be `users(…)`, `role(…)` or
 * `team(…)` (their members when the task opens), and the policy
 * must be reachable — `N of M` with M the number of users listed one by one (lists are counted at run
 * time) and 1 ≤ N ≤ M, a percentage above 0 % and at most 100 %.
 */
export const checkApproval: Check = (ctx) => {
  for (const state of ctx.flow.states) {
    const [task] = state.tasks;
    const approval = task?.approval;
    if (!task || !approval) continue;
    const kind = task.assignee?.k;
    if (kind === 'user' || kind === 'superior') {
      ctx.report.error(
        approval.span,
        'task/approval-needs-users',
        '`approval` counts the votes of several people, but this task has a single decider',
        'e.g. `assignee users(input.signers) approval 2 of 3` or `assignee role(cs_agent) approval all`, or drop `approval`',
      );
      continue;
    }
    const listed = task.assignee?.k === 'users' ? task.assignee.users : [];
    // A role's or a team's members are counted when the task opens, not here.
    const countable =
      kind !== 'role' &&
      kind !== 'team' &&
      listed.every((u) => u.k === 'string' || ctx.typed.exprs.get(u)?.type.kind === 'user');
    if (approval.k === 'count') {
      const wrongM = countable && approval.of !== listed.length;
      if (approval.count < 1 || approval.count > approval.of || wrongM) {
        ctx.report.error(
          approval.span,
          'task/approval-count',
          wrongM
            ? `\`${approval.count} of ${approval.of}\` but the task lists ${listed.length} users`
            : `\`${approval.count} of ${approval.of}\` can never be met`,
          `write N of M with 1 ≤ N ≤ M${countable ? ` and M = ${listed.length}` : ''}`,
        );
      }
    }
    if (approval.k === 'percent') {
      const p = parseFloat(approval.percent);
      if (!(p > 0 && p <= 100)) {
        ctx.report.error(
          approval.span,
          'task/approval-count',
          `\`approval ${approval.percent}\` is not a share of the voters`,
          'write a percentage above 0% and at most 100%, e.g. `approval 60%`',
        );
      }
    }
  }
};
