import { createStore } from '../src';
import type { SignetStore } from '../src';
import { createTestDatabase } from '../src/testing';
import type { TestDatabase } from '../src/testing';
import { discountInput, openReview } from './support/discount-requests';
import { discountFlowSource, rowCounts, steppingClock } from './support/fixtures';

describe('idempotency keys', () => {
  let test: TestDatabase;
  let store: SignetStore;

  beforeAll(async () => {
    test = await createTestDatabase();
    store = createStore(test.db, { now: steppingClock() });
    await store.deployFlow(discountFlowSource, 'zhao.min');
  });
  afterAll(() => test?.drop());

  it('should act once when the same request is sent twice at the same time with one key', async () => {
    const cmd = {
      flowKey: 'discount_approval',
      input: discountInput('2%'),
      actor: 'zhang.wei',
      idempotencyKey: 'twin',
    };
    const before = await rowCounts(test.db);
    const [a, b] = await Promise.all([store.startInstance(cmd), store.startInstance(cmd)]);
    expect(b.id).toBe(a.id);
    const after = await rowCounts(test.db);
    expect(after.instances).toBe(before.instances + 1);
    expect(after.events).toBe(before.events + 1);
  });

  it('should return the first result and write nothing new when a start is retried with its key', async () => {
    const cmd = {
      flowKey: 'discount_approval',
      input: discountInput('2%'),
      actor: 'li.na',
      idempotencyKey: 'start-1',
    };
    const first = await store.startInstance(cmd);
    const before = await rowCounts(test.db);
    await expect(store.startInstance(cmd)).resolves.toEqual(first);
    expect(await rowCounts(test.db)).toEqual(before);
    // The key is the caller's own: another user's same key is another request.
    const other = await store.startInstance({ ...cmd, actor: 'wang.fang' });
    expect(other.id).not.toBe(first.id);
  });

  it('should return the first result when a decision is retried with its key after it completed', async () => {
    const { taskId } = await openReview(store);
    const cmd = { taskId, decision: 'approve', actor: 'chen.jie', idempotencyKey: 'decide-1' };
    const first = await store.decideTask(cmd);
    const before = await rowCounts(test.db);
    await expect(store.decideTask(cmd)).resolves.toEqual(first);
    expect(await rowCounts(test.db)).toEqual(before);
  });

  it('should return the first result, not the instance as it is now, when a start is retried after it moved on', async () => {
    const cmd = {
      flowKey: 'discount_approval',
      input: discountInput('2%'),
      actor: 'li.na',
      idempotencyKey: 'start-2',
    };
    const first = await store.startInstance(cmd);
    const [task] = await store.tasksOfInstance(first.id, 'OPEN');
    await store.decideTask({ taskId: task.id, decision: 'approve', actor: 'chen.jie' });
    const retried = await store.startInstance(cmd);
    expect(retried).toEqual(first);
    expect(retried).toMatchObject({ state: 'manager_review', version: 1 });
  });

  it('should refuse reusing a key for another kind of operation with CONFLICT', async () => {
    const { instance } = await openReview(store);
    await expect(
      store.sendEvent({
        instanceId: instance.id,
        type: 'approve',
        actor: 'li.na',
        idempotencyKey: 'start-1',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('startInstance') });
  });
});
