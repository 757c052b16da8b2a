import type { SqlEntityManager } from '@mikro-orm/postgresql';

/** A task as it stood at a past moment: who could act on it then. */
export interface TaskAt {
  id: string;
  name: string;
  state: string;
  title: string;
  assignee: string | null;
  candidateRoles: string[];
  candidateTeam: string | null;
  excludedUsers: string[];
  dueAt: Date | null;
  createdAt: Date;
}

/**
 * Tasks open at `at`: created by then, not yet decided then, and belonging to the state the
 * instance was in (a task closes or is cancelled when its state is left, so a task of an earlier
 * state was no longer open even if its row carries no close time).
 */
export async function openTasksAt(
  em: SqlEntityManager,
  instanceId: string,
  stateAt: string,
  at: Date,
): Promise<TaskAt[]> {
  const rows = await em.execute<Record<string, unknown>[]>(
    `select id, name, state, title, assignee, candidate_roles, candidate_team, excluded_users, due_at, created_at
       from task
      where instance_id = ?::uuid and created_at <= ?::timestamptz
        and (decided_at is null or decided_at > ?::timestamptz)
        and (state = ? or ? like state || '.%')
      order by created_at, id`,
    [instanceId, at.toISOString(), at.toISOString(), stateAt, stateAt],
  );
  return rows.map((r) => ({
    id: r.id as string,
    name: r.name as string,
    state: r.state as string,
    title: r.title as string,
    assignee: (r.assignee as string | null) ?? null,
    candidateRoles: r.candidate_roles as string[],
    candidateTeam: (r.candidate_team as string | null) ?? null,
    excludedUsers: r.excluded_users as string[],
    dueAt: r.due_at ? new Date(r.due_at as string) : null,
    createdAt: new Date(r.created_at as string),
  }));
}
