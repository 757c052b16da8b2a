import { createOutboxRelay, createStore, logSink, webhookSink } from '../../src';
import type { SignetStore } from '../../src';
import { createTestDatabase } from '../../src/testing';
import type { TestDatabase } from '../../src/testing';
import { startReceiver } from './support/http-receiver';
import { manualClock } from './support/timed-flows';

const notifyingSource = `flow notifying v1 "Notifying" {
  input { unit: string }
  initial state review {
    task "Review" assignee role(sales_manager) separateFrom requester sla 24h
    on approve -> done do notify requester "review_approved"
  }
  final state done
}
`;

describe('the outbox relay', () => {
  let test: TestDatabase;
  let store: SignetStore;
  const clock = manualClock('2026-11-23T08:00:00.000Z');
  const rows = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
    test.db.orm.em.fork().execute<T[]>(sql, params);

  /** Starts and approves one review: one `review_approved` message in the outbox. Returns its instance. */
  const approvedReview = async (unit: string) => {
    const instance = await store.startInstance({ flowKey: 'notifying', input: { unit }, actor: 'li.na' });
    const [task] = await store.tasksOfInstance(instance.id, 'OPEN');
    await store.decideTask({ taskId: task.id, decision: 'approve', actor: 'chen.jie' });
    return instance.id;
  };

  beforeAll(async () => {
    test = await createTestDatabase();
    store = createStore(test.db, { now: clock.now });
    await store.deployFlow(notifyingSource, 'zhao.min');
  });
  afterAll(() => test?.drop());

  it('should POST a message with its dedupe key as Idempotency-Key and mark it delivered', async () => {
    const receiver = await startReceiver();
    try {
      const instanceId = await approvedReview('A-1');
      const relay = createOutboxRelay(test.db, {
        sink: webhookSink(receiver.url),
        now: clock.now,
        workerId: 'relay-1',
      });
      expect(await relay.runOnce()).toEqual({ delivered: 1, failed: 0 });
      expect(await relay.runOnce()).toEqual({ delivered: 0, failed: 0 });
      expect(receiver.calls).toHaveLength(1);
      const [call] = receiver.calls;
      expect(call.idempotencyKey).toBe(call.body.dedupeKey);
      expect(call.idempotencyKey).toMatch(new RegExp(`^${instanceId}:`));
      expect(call.body).toMatchObject({
        attempt: 1,
        payload: { to: 'li.na', template: 'review_approved', instanceId },
      });
      expect(
        await rows(`select attempts, delivered_by from outbox where instance_id = ?`, [instanceId]),
      ).toEqual([{ attempts: 1, delivered_by: 'relay-1' }]);
    } finally {
      await receiver.close();
    }
  });

  it('should retry a failed delivery after its backoff, with the same key, until the receiver accepts it', async () => {
    const receiver = await startReceiver((_call, index) => (index === 0 ? 503 : 200));
    try {
      const instanceId = await approvedReview('A-2');
      const relay = createOutboxRelay(test.db, {
        sink: webhookSink(receiver.url),
        now: clock.now,
        backoff: { baseMs: 30_000, maxMs: 600_000 },
      });
      expect(await relay.runOnce()).toEqual({ delivered: 0, failed: 1 });
      const [failed] = await rows<{ attempts: number; last_error: string; delivered_at: Date | null }>(
        `select attempts, last_error, delivered_at from outbox where instance_id = ?`,
        [instanceId],
      );
      expect(failed).toMatchObject({ attempts: 1, delivered_at: null });
      expect(failed.last_error).toContain('503');
      // Not before the backoff has passed…
      clock.advance(29_000);
      expect(await relay.runOnce()).toEqual({ delivered: 0, failed: 0 });
      // …and then again, with the same key: the receiver keeps it once.
      clock.advance(1_000);
      expect(await relay.runOnce()).toEqual({ delivered: 1, failed: 0 });
      expect(receiver.calls.map((c) => c.body.attempt)).toEqual([1, 2]);
      expect(receiver.calls[0].idempotencyKey).toBe(receiver.calls[1].idempotencyKey);
      expect(receiver.accepted.size).toBe(1);
    } finally {
      await receiver.close();
    }
  });

  it('should hand each message to exactly one of several concurrent relays', async () => {
    const receiver = await startReceiver();
    try {
      for (let i = 0; i < 30; i++) await approvedReview(`B-${i}`);
      const relays = [1, 2, 3].map(() =>
        createOutboxRelay(test.db, { sink: webhookSink(receiver.url), now: clock.now, batchSize: 5 }),
      );
      let delivered = 0;
      for (let round = 0; round < 10; round++) {
        const runs = await Promise.all(relays.map((r) => r.runOnce()));
        delivered += runs.reduce((sum, r) => sum + r.delivered, 0);
      }
      expect(delivered).toBe(30);
      expect(receiver.calls).toHaveLength(30);
      expect(new Set(receiver.calls.map((c) => c.idempotencyKey)).size).toBe(30);
    } finally {
      await receiver.close();
    }
  });

  it('should write each message as a JSON line when no webhook is configured', async () => {
    await approvedReview('C-1');
    const lines: string[] = [];
    const relay = createOutboxRelay(test.db, { sink: logSink((l) => lines.push(l)), now: clock.now });
    expect(await relay.runOnce()).toEqual({ delivered: 1, failed: 0 });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^signet outbox \{.*"template":"review_approved"/);
  });
});
