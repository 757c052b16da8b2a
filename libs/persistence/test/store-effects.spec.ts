import { createStore } from '../src';
import type { SignetStore } from '../src';
import { createTestDatabase } from '../src/testing';
import type { TestDatabase } from '../src/testing';
import { steppingClock } from './support/fixtures';

/** A review with a daily reminder timer and notifications: the effects that are not tasks. */
const reminderFlowSource = `flow reminded_review v1 "Reminded review" {
  input { unit: string }
  initial state review {
    task "Review" assignee role(sales_manager) separateFrom requester
    on approve -> done do notify requester "review_approved"
    after 24h -> review do notify requester "review_reminder"
  }
  final state done
}
`;

describe('timer and outbox effects', () => {
  let test: TestDatabase;
  let store: SignetStore;

  const rows = (sql: string) => test.db.orm.em.fork().execute<Record<string, unknown>[]>(sql);

  beforeAll(async () => {
    test = await createTestDatabase();
    store = createStore(test.db, { now: steppingClock('2026-11-23T08:00:00.000Z') });
    await store.deployFlow(reminderFlowSource, 'zhao.min');
  });
  afterAll(() => test?.drop());

  it('should store a pending timer in the step’s transaction when the state declares `after`', async () => {
    const instance = await store.startInstance({
      flowKey: 'reminded_review',
      input: { unit: 'A-0101' },
      actor: 'li.na',
    });
    const timers = await rows(`select instance_id, event, state, after, status, due_at from timer`);
    expect(timers).toEqual([
      {
        instance_id: instance.id,
        event: 'timer.review.0',
        state: 'review',
        after: '24h',
        status: 'PENDING',
        due_at: expect.anything(),
      },
    ]);
    const [{ due }] = await rows(
      `select to_char(due_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS') as due from timer`,
    );
    expect(due).toBe('2026-11-24T08:00:02');
  });

  it('should cancel the pending timer and write the notification to the outbox when the task is decided', async () => {
    const [instance] = (await store.listInstances({}, {}, { username: 'li.na', roles: [], team: null }))
      .items;
    const [task] = await store.tasksOfInstance(instance.node.id, 'OPEN');
    await store.decideTask({ taskId: task.id, decision: 'approve', actor: 'chen.jie' });
    expect(await rows(`select status from timer`)).toEqual([{ status: 'CANCELLED' }]);
    const outbox = await rows(`select dedupe_key, kind, instance_id, payload, delivered_at from outbox`);
    expect(outbox).toEqual([
      {
        dedupe_key: expect.stringMatching(new RegExp(`^${instance.node.id}:.*review_approved`)),
        kind: 'notify',
        instance_id: instance.node.id,
        payload: { to: 'li.na', template: 'review_approved', instanceId: instance.node.id },
        delivered_at: null,
      },
    ]);
  });
});
