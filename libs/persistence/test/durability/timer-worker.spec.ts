import { createStore, createTimerWorker, DurabilityMetrics, saveCalendar } from '../../src';
import type { SignetStore } from '../../src';
import { createTestDatabase } from '../../src/testing';
import type { TestDatabase } from '../../src/testing';
import { manualClock, slaReviewSource } from './support/timed-flows';

// 2026-11-27 is a Friday: two working days later (Monday to Friday) is Tuesday 2026-12-01.
const FRIDAY = '2026-11-27T09:00:00.000Z';

describe('the durable timer worker', () => {
  let test: TestDatabase;
  let store: SignetStore;
  const clock = manualClock(FRIDAY);
  const rows = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
    test.db.orm.em.fork().execute<T[]>(sql, params);
  const worker = (id: string, metrics?: DurabilityMetrics) =>
    createTimerWorker(test.db, { workerId: id, now: clock.now, pollMs: 1000, batchSize: 50, metrics });
  const startReview = async (unit = 'A-0101') => {
    clock.set(FRIDAY);
    return store.startInstance({ flowKey: 'sla_review', input: { unit }, actor: 'li.na' });
  };

  beforeAll(async () => {
    test = await createTestDatabase();
    store = createStore(test.db, { now: clock.now });
    await store.deployFlow(slaReviewSource, 'zhao.min');
  });
  afterAll(() => test?.drop());

  it('should fire a due timer once as an actor-less timer event with its lateness in the trace', async () => {
    const instance = await startReview();
    const metrics = new DurabilityMetrics();
    const w = worker('worker-a', metrics);
    clock.set('2026-11-30T09:00:00.000Z');
    expect((await w.runOnce()).fired).toBe(0);

    clock.set('2026-12-01T09:00:05.000Z');
    expect(await w.runOnce()).toMatchObject({ fired: 1, cancelled: 0 });
    expect(await w.runOnce()).toMatchObject({ fired: 0, cancelled: 0 });

    const events = await store.history(instance.id);
    expect(events.map((e) => [e.seq, e.type, e.actor, e.toState])).toEqual([
      [1, 'start', 'li.na', 'review'],
      [2, 'timer.review.0', null, 'overdue'],
    ]);
    expect((events[1].trace as { timer: unknown }).timer).toEqual({
      id: expect.any(String),
      after: '2 workdays',
      dueAt: '2026-12-01T09:00:00.000Z',
      firedAt: '2026-12-01T09:00:05.000Z',
      latenessMs: 5000,
      workerId: 'worker-a',
      calendar: 'default',
    });
    expect(
      await rows(`select status, fired_by, lateness_ms from timer where instance_id = ?`, [instance.id]),
    ).toEqual([{ status: 'FIRED', fired_by: 'worker-a', lateness_ms: 5000 }]);
    const tasks = await store.tasksOfInstance(instance.id);
    expect(tasks.map((t) => [t.name, t.status]).sort()).toEqual([
      ['overdue', 'OPEN'],
      ['review', 'CANCELLED'],
    ]);
    await expect(store.verifyAudit(instance.id)).resolves.toMatchObject({ ok: true, checkedEvents: 2 });
    expect(metrics.timersFired).toBe(1);
    expect(metrics.timersLate).toBe(1);
    expect(metrics.prometheus()).toContain('signet_timers_fired_total 1\n');
    expect(metrics.prometheus()).toContain('signet_timer_lateness_seconds_bucket{le="5"} 1\n');
  });

  it('should count workdays in the configured calendar, skipping holidays and working make-up days', async () => {
    // Tuesday 2026-12-01 a holiday, Saturday 2026-11-28 a make-up working day (调休).
    await saveCalendar(test.db, {
      name: 'cn',
      title: 'Test calendar',
      weekendDays: [0, 6],
      holidays: ['2026-12-01'],
      workingDays: ['2026-11-28'],
      utcOffsetMinutes: 0,
    });
    const cnStore = createStore(test.db, { now: clock.now, calendar: 'cn' });
    clock.set(FRIDAY);
    const instance = await cnStore.startInstance({
      flowKey: 'sla_review',
      input: { unit: 'B-1' },
      actor: 'li.na',
    });
    const [timer] = await rows<{ calendar: string; due: string }>(
      `select calendar, to_char(due_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI') as due from timer
        where instance_id = ?`,
      [instance.id],
    );
    // Saturday (make-up) is the first working day, Monday the second.
    expect(timer).toEqual({ calendar: 'cn', due: '2026-11-30T09:00' });
    const [task] = await cnStore.tasksOfInstance(instance.id, 'OPEN');
    expect(task.dueAt).toEqual(new Date('2026-11-28T09:00:00.000Z'));
  });

  it('should leave a timer cancelled and never fire it when its state was left before it was due', async () => {
    const instance = await startReview('C-1');
    const [task] = await store.tasksOfInstance(instance.id, 'OPEN');
    await store.decideTask({ taskId: task.id, decision: 'approve', actor: 'chen.jie' });
    clock.set('2026-12-10T00:00:00.000Z');
    const run = await worker('worker-b').runOnce();
    expect(run.outcomes.filter((o) => o.instanceId === instance.id)).toEqual([]);
    expect(
      await rows(`select status, cancel_reason from timer where instance_id = ?`, [instance.id]),
    ).toEqual([{ status: 'CANCELLED', cancel_reason: 'left review' }]);
    expect((await store.history(instance.id)).map((e) => e.type)).toEqual(['start', 'approve']);
  });

  it('should cancel, not deliver, a pending timer whose instance no longer waits for it', async () => {
    const instance = await startReview('D-1');
    const [task] = await store.tasksOfInstance(instance.id, 'OPEN');
    await store.decideTask({ taskId: task.id, decision: 'approve', actor: 'chen.jie' });
    // A timer row left PENDING by hand (as a bug or a manual edit would): the worker must not deliver it.
    await rows(`update timer set status = 'PENDING', cancelled_at = null where instance_id = ?`, [
      instance.id,
    ]);
    clock.set('2026-12-10T00:00:00.000Z');
    const run = await worker('worker-c').runOnce();
    expect(run.outcomes).toEqual([
      {
        outcome: 'cancelled',
        timerId: expect.any(String),
        instanceId: instance.id,
        reason: 'instance COMPLETED',
      },
    ]);
    expect((await store.history(instance.id)).map((e) => e.type)).toEqual(['start', 'approve']);
  });

  it('should apply exactly one of a decision and a timer racing on one instance', async () => {
    const instance = await startReview('E-1');
    const [task] = await store.tasksOfInstance(instance.id, 'OPEN');
    clock.set('2026-12-02T00:00:00.000Z');
    const w = worker('worker-d');
    await Promise.allSettled([
      w.runOnce(),
      store.decideTask({ taskId: task.id, decision: 'approve', actor: 'chen.jie' }),
    ]);
    await w.runOnce();
    const events = await store.history(instance.id);
    expect(events).toHaveLength(2);
    expect(['approve', 'timer.review.0']).toContain(events[1].type);
    expect(
      await rows(`select status from timer where instance_id = ? and status = 'PENDING'`, [instance.id]),
    ).toEqual([]);
    await expect(store.verifyAudit(instance.id)).resolves.toMatchObject({ ok: true });
  });

  it('should share due timers between concurrent workers so that each fires exactly once', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push((await startReview(`F-${i}`)).id);
    clock.set('2026-12-05T00:00:00.000Z');
    const runs = await Promise.all([worker('w1').runOnce(), worker('w2').runOnce(), worker('w3').runOnce()]);
    const fired = runs.flatMap((r) => r.outcomes).filter((o) => ids.includes(o.instanceId));
    expect(fired).toHaveLength(20);
    expect(new Set(fired.map((o) => o.instanceId)).size).toBe(20);
    const [{ n }] = await rows<{ n: number }>(
      `select count(*)::int as n from instance_event where type = 'timer.review.0' and instance_id = any(?::uuid[])`,
      [`{${ids.join(',')}}`],
    );
    expect(n).toBe(20);
  });
});
