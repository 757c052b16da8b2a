import type { Viewer } from '../store';
import { textArray } from './sql-where';
import type { SqlWhere } from './sql-where';

export const AUDITOR_ROLE = 'auditor';

export function isAuditor(viewer: Viewer): boolean {
  return viewer.roles.includes(AUDITOR_ROLE);
}

/**
 * Restricts a query over instance alias `i` to what the viewer may see: an auditor sees everything;
 * anyone else the instances they started, acted on (an event with them as actor) or may act on (an
 * open task they are a candidate for and not excluded from).
 */
export function restrictToVisible(where: SqlWhere, viewer: Viewer): SqlWhere {
  if (isAuditor(viewer)) return where;
  const u = viewer.username;
  return where.and(
    `i.started_by = ?
     or exists (select 1 from instance_event ve where ve.instance_id = i.id and ve.actor = ?)
     or exists (select 1 from task vt where vt.instance_id = i.id and ${candidateSql('vt')})`,
    u,
    u,
    ...candidateParams(viewer),
  );
}

/**
 * The inbox condition on task alias `alias`: open, the viewer is the assignee or a candidate by name,
 * role or team, not excluded by a four-eyes rule, and has not already voted on it.
 * Params: `candidateParams(viewer)`.
 */
export function candidateSql(alias: string): string {
  return `${alias}.status = 'OPEN'
    and not (? = any(${alias}.excluded_users))
    and not (? = any(${alias}.voted_users))
    and (${alias}.assignee = ? or ? = any(${alias}.candidate_users)
         or ${alias}.candidate_roles && ?::text[] or ${alias}.candidate_team = ?)`;
}

export function candidateParams(viewer: Viewer): unknown[] {
  return [
    viewer.username,
    viewer.username,
    viewer.username,
    viewer.username,
    textArray(viewer.roles),
    viewer.team,
  ];
}
