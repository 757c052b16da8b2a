import { createStore, ProcessError } from '../src';
import type { InstanceRecord, SignetStore } from '../src';
import { createTestDatabase } from '../src/testing';
import type { TestDatabase } from '../src/testing';
import { discountInput, failure, openReview } from './support/discount-requests';
import { discountFlowSource, rowCounts, steppingClock } from './support/fixtures';

describe('conflicting writes in the store', () => {
  let test: TestDatabase;
  let store: SignetStore;

  beforeAll(async () => {
    test = await createTestDatabase();
    store = createStore(test.db, { now: steppingClock() });
    await store.deployFlow(discountFlowSource, 'zhao.min');
  });
  afterAll(() => test?.drop());

  it('should let exactly one of two concurrent decisions on one task win and append one event', async () => {
    const { instance, taskId } = await openReview(store);
    const results = await Promise.allSettled([
      store.decideTask({ taskId, decision: 'approve', actor: 'chen.jie' }),
      store.decideTask({ taskId, decision: 'reject', actor: 'chen.jie' }),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0].reason).toBeInstanceOf(ProcessError);
    expect(lost[0].reason).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining(taskId) });
    const events = await store.history(instance.id);
    expect(events.map((e) => e.seq)).toEqual([1, 2]);
    await expect(store.verifyAudit(instance.id)).resolves.toMatchObject({ ok: true, checkedEvents: 2 });
  });

  it('should refuse deciding a task that was already decided, naming who decided it', async () => {
    const { taskId } = await openReview(store);
    await store.decideTask({ taskId, decision: 'reject', actor: 'chen.jie' });
    const error = await failure(store.decideTask({ taskId, decision: 'approve', actor: 'chen.jie' }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe(
      `task ${taskId} was already decided by chen.jie (reject); reload the instance`,
    );
  });

  it('should refuse a stale expectedVersion with CONFLICT and write nothing', async () => {
    const { instance } = await openReview(store);
    const before = await rowCounts(test.db);
    const error = await failure(
      store.sendEvent({ instanceId: instance.id, type: 'approve', expectedVersion: 0, actor: 'chen.jie' }),
    );
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe(
      `instance ${instance.id} was changed by another request (version 1, you sent 0); reload and retry`,
    );
    expect(await rowCounts(test.db)).toEqual(before);
  });

  it('should refuse a business key held by an active instance, naming the holder', async () => {
    const holder = await store.startInstance({
      flowKey: 'discount_approval',
      input: discountInput('2%'),
      businessKey: 'A-0808',
      actor: 'li.na',
    });
    const before = await rowCounts(test.db);
    const error = await failure(
      store.startInstance({
        flowKey: 'discount_approval',
        input: discountInput('2%'),
        businessKey: 'A-0808',
        actor: 'wang.fang',
      }),
    );
    expect(error.code).toBe('BUSINESS_KEY_TAKEN');
    expect(error.message).toContain(holder.id);
    expect(error.details).toEqual({ holder: holder.id });
    expect(await rowCounts(test.db)).toEqual(before);
  });

  it('should let exactly one of two concurrent starts hold a business key and name it to the other', async () => {
    const start = (actor: string) =>
      store.startInstance({
        flowKey: 'discount_approval',
        input: discountInput('2%'),
        businessKey: 'A-1001',
        actor,
      });
    const results = await Promise.allSettled([start('li.na'), start('wang.fang')]);
    const won = results.filter((r): r is PromiseFulfilledResult<InstanceRecord> => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0].reason).toMatchObject({
      code: 'BUSINESS_KEY_TAKEN',
      details: { holder: won[0].value.id },
    });
  });

  it('should free a business key when its holder completes', async () => {
    const holder = await store.startInstance({
      flowKey: 'discount_approval',
      input: discountInput('2%'),
      businessKey: 'A-0909',
      actor: 'li.na',
    });
    const [task] = await store.tasksOfInstance(holder.id, 'OPEN');
    await store.decideTask({ taskId: task.id, decision: 'approve', actor: 'chen.jie' });
    await expect(
      store.startInstance({
        flowKey: 'discount_approval',
        input: discountInput('2%'),
        businessKey: 'A-0909',
        actor: 'li.na',
      }),
    ).resolves.toMatchObject({ businessKey: 'A-0909', status: 'ACTIVE' });
  });
});
