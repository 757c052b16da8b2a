import { createOutboxRelay, createStore, createTimerWorker } from '../../src';
import type { OutboxDelivery, SignetStore } from '../../src';
import { createTestDatabase } from '../../src/testing';
import type { TestDatabase } from '../../src/testing';
import { manualClock } from './support/timed-flows';

/** li.na's own follow-up: after 24h it climbs to her superior (chen.jie), then to his (liu.yang). */
const escalatingSource = `flow follow_up v1 "Follow-up" {
  input { unit: string }
  initial state handling {
    task "Follow up" assignee user(requester) sla 24h
    after 24h escalate to superior(requester)
    on resolve -> closed
  }
  final state closed
}
`;

describe('escalation through durable timers', () => {
  let test: TestDatabase;
  let store: SignetStore;
  const clock = manualClock('2026-11-23T09:00:00.000Z');
  const rows = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
    test.db.orm.em.fork().execute<T[]>(sql, params);
  const taskRow = (instanceId: string) =>
    rows<{ assignee: string; escalation_level: number; due: string; status: string }>(
      `select assignee, escalation_level, status,
              to_char(due_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS') as due
         from task where instance_id = ?`,
      [instanceId],
    );

  beforeAll(async () => {
    test = await createTestDatabase();
    store = createStore(test.db, { now: clock.now });
    await store.deployFlow(escalatingSource, 'zhao.min');
  });
  afterAll(() => test?.drop());

  it('should re-assign the task to the superior, restart its SLA and notify both through the outbox when the timer fires', async () => {
    const instance = await store.startInstance({
      flowKey: 'follow_up',
      input: { unit: 'A-1' },
      actor: 'li.na',
    });
    expect(await taskRow(instance.id)).toEqual([
      { assignee: 'li.na', escalation_level: 0, status: 'OPEN', due: '2026-11-24T09:00:00' },
    ]);
    const worker = createTimerWorker(test.db, { workerId: 'w', now: clock.now });

    clock.set('2026-11-24T09:00:01.000Z');
    expect(await worker.runOnce()).toMatchObject({ fired: 1 });
    expect(await taskRow(instance.id)).toEqual([
      { assignee: 'chen.jie', escalation_level: 1, status: 'OPEN', due: '2026-11-25T09:00:01' },
    ]);

    // The next rung was scheduled in the same step: 24h later it climbs again.
    clock.set('2026-11-25T09:00:02.000Z');
    expect(await worker.runOnce()).toMatchObject({ fired: 1 });
    expect(await taskRow(instance.id)).toEqual([
      { assignee: 'liu.yang', escalation_level: 2, status: 'OPEN', due: '2026-11-26T09:00:02' },
    ]);
    const events = await store.history(instance.id);
    expect(events.map((e) => [e.type, e.actor, e.toState])).toEqual([
      ['start', 'li.na', 'handling'],
      ['timer.handling.0', null, 'handling'],
      ['timer.handling.0', null, 'handling'],
    ]);

    const sent: OutboxDelivery[] = [];
    const relay = createOutboxRelay(test.db, {
      sink: (m) => Promise.resolve(void sent.push(m)),
      now: clock.now,
    });
    expect(await relay.runOnce()).toEqual({ delivered: 4, failed: 0 });
    const notes = sent.map((m) => m.payload as { to: string; template: string; level: number });
    expect(notes.map((n) => [n.level, n.template, n.to]).sort()).toEqual([
      [1, 'task.escalation.assigned', 'chen.jie'],
      [1, 'task.escalation.removed', 'li.na'],
      [2, 'task.escalation.assigned', 'liu.yang'],
      [2, 'task.escalation.removed', 'chen.jie'],
    ]);
    expect(new Set(sent.map((m) => m.dedupeKey)).size).toBe(4);

    const [task] = await store.tasksOfInstance(instance.id, 'OPEN');
    await store.decideTask({ taskId: task.id, decision: 'resolve', actor: 'liu.yang' });
    expect(await taskRow(instance.id)).toMatchObject([{ status: 'DONE', escalation_level: 2 }]);
    expect(
      await rows(`select status from timer where instance_id = ? order by created_at`, [instance.id]),
    ).toEqual([{ status: 'FIRED' }, { status: 'FIRED' }, { status: 'CANCELLED' }]);
    await expect(store.verifyAudit(instance.id)).resolves.toMatchObject({ ok: true, checkedEvents: 4 });
  });
});
