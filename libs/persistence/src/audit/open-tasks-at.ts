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
 * The tasks of instance `i` created by a moment (the `?`), as one JSON array ordered by creation: a
 * scalar subquery of `instanceAt`'s statement (both `?` are the moment; `undecided` is compared in SQL,
 at the database's precision). `openTasksAt` picks the open ones.
 */
export const TASKS_AT_JSON = `select json_agg(json_build_object(
         'id', t.id, 'name', t.name, 'state', t.state, 'title', t.title, 'assignee', t.assignee,
         'candidate_roles', t.candidate_roles, 'candidate_team', t.candidate_team,
         'excluded_users', t.excluded_users, 'due_at', t.due_at, 'created_at', t.created_at,
         'undecided', t.decided_at is null or t.decided_at > ?::timestamptz)
         order by t.created_at, t.id)
    from task t
   where t.instance_id = i.id and t.created_at <= ?::timestamptz`;

/** One element of `TASKS_AT_JSON`'s array (timestamps as JSON strings). */
export interface TaskAtJson {
  id: string;
  name: string;
  state: string;
  title: string;
  assignee: string | null;
  candidate_roles: string[];
  candidate_team: string | null;
  excluded_users: string[];
  due_at: string | null;
  created_at: string;
  /** Not decided by the moment. */
  undecided: boolean;
}

/**
 * Tasks open at the moment among `tasks` (created by then): not yet decided then, and belonging to the state
 * `stateAt` the instance was in (a task closes or is cancelled when its state is left, so a task of an
 * earlier state was no longer open even if its row carries no close time).
 */
export function openTasksAt(tasks: readonly TaskAtJson[], stateAt: string): TaskAt[] {
  return tasks
    .filter((t) => t.undecided && (t.state === stateAt || stateAt.startsWith(`${t.state}.`)))
    .map(taskAt);
}

function taskAt(t: TaskAtJson): TaskAt {
  return {
    id: t.id,
    name: t.name,
    state: t.state,
    title: t.title,
    assignee: t.assignee ?? null,
    candidateRoles: t.candidate_roles,
    candidateTeam: t.candidate_team ?? null,
    excludedUsers: t.excluded_users,
    dueAt: t.due_at ? new Date(t.due_at) : null,
    createdAt: new Date(t.created_at),
  };
}
