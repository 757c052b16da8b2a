import type { Effect, OpenTaskEffect, StepResult } from '@signet/engine';

function who(t: {
  assignee: string | null;
  candidateRoles: string[];
  candidateTeam: string | null;
  candidateUsers?: string[];
}): string {
  if (t.assignee !== null) return t.assignee;
  if (t.candidateUsers?.length) return `users(${t.candidateUsers.join(', ')})`;
  if (t.candidateTeam !== null) return `team(${t.candidateTeam})`;
  return `role(${t.candidateRoles.join(', ')})`;
}

function effectLine(e: Effect): string {
  switch (e.type) {
    case 'openTask':
      return `open task ${e.name} [${e.taskId}] for ${who(e)}${e.excludedUsers.length ? `, not ${e.excludedUsers.join(', ')}` : ''}${e.dueAt ? `, due ${e.dueAt}` : ''}`;
    case 'closeTask':
      return `close task ${e.name} [${e.taskId}] ${e.status}${e.decision ? `: ${e.decision} by ${e.decidedBy}` : ''}`;
    case 'reassignTask':
      return `reassign task ${e.name} [${e.taskId}] (${e.reason}, level ${e.level}) ${e.previousAssignee ?? 'group'} → ${who(e)}${e.dueAt ? `, due ${e.dueAt}` : ''}`;
    case 'scheduleTimer':
      return `schedule ${e.event} (${e.after}) at ${e.dueAt}`;
    case 'cancelTimer':
      return `cancel ${e.event}`;
    case 'notify':
      return `notify ${e.to} "${e.template}"`;
  }
}

/**
 * One step of `signet simulate` as text: the header (time, event, actor, resulting state), then the
 * effects, the guards the trace recorded, and the open tasks; or the refusal with its code.
 */
export function formatSimulationStep(
  at: string,
  label: string,
  result: StepResult,
  tasks: readonly OpenTaskEffect[],
): string {
  if (!result.ok) return `${at}  ${label}\n  ✗ refused ${result.error.code}: ${result.error.message}`;
  const lines = [`${at}  ${label} → ${result.state} (${result.status})`];
  for (const e of result.effects) lines.push(`  + ${effectLine(e)}`);
  for (const g of result.trace.guards)
    if (g.guard !== undefined) lines.push(`  ? ${g.guard} → ${g.result} ${JSON.stringify(g.values)}`);
  for (const c of result.trace.checks) lines.push(`  ${c.passed ? '✓' : '✗'} ${c.check}: ${c.detail}`);
  for (const a of result.trace.actions ?? []) lines.push(`  = ${a.action} → ${JSON.stringify(a.value)}`);
  lines.push(
    `  tasks: ${tasks.length ? tasks.map((t) => `${t.name} [${t.taskId}] for ${who(t)}`).join('; ') : 'none'}`,
  );
  return lines.join('\n');
}
