import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { SignetStore, Viewer } from '../../src';
import type { SignetDatabase } from '../../src';

/** The shipped discount approval flow, as `npm start` deploys it. */
export const discountFlowSource = readFileSync(
  join(__dirname, '../../../../workflows/discount-approval.flow'),
  'utf8',
);

/** A flow whose only task is for a consultant other than the requester (four-eyes among peers). */
export const peerReviewFlowSource = `flow peer_review v1 "Peer review" {
  input { unit: string }
  initial state review {
    task "Peer review" assignee role(consultant) separateFrom requester
    on approve -> done
  }
  final state done
}
`;

/** A clock that moves one second per reading, so every event has its own time. */
export function steppingClock(start = '2026-11-23T08:00:00.000Z'): () => Date {
  let t = Date.parse(start);
  return () => new Date((t += 1000));
}

/** The viewer the API would build for a demo user (roles and team from the directory). */
export async function viewerOf(store: SignetStore, username: string): Promise<Viewer> {
  const user = await store.getUser(username);
  if (!user) throw new Error(`no demo user ${username}`);
  return { username, roles: user.roles, team: user.team };
}

/** Row counts of the tables a step writes, to prove a failed operation wrote nothing. */
export async function rowCounts(db: SignetDatabase): Promise<Record<string, number>> {
  const em: SqlEntityManager = db.orm.em.fork();
  const [row] = await em.execute<Record<string, number>[]>(
    `select (select count(*)::int from flow_definition) as flows,
            (select count(*)::int from instance) as instances,
            (select coalesce(sum(version), 0)::int from instance) as versions,
            (select count(*)::int from instance_event) as events,
            (select count(*)::int from task) as tasks,
            (select count(*)::int from task where status = 'OPEN') as open_tasks,
            (select count(*)::int from timer) as timers,
            (select count(*)::int from outbox) as outbox,
            (select count(*)::int from idempotency_key) as idempotency_keys`,
  );
  return row;
}
