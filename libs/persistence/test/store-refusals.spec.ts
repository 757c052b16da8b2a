import { createStore } from '../src';
import type { SignetStore } from '../src';
import { createTestDatabase } from '../src/testing';
import type { TestDatabase } from '../src/testing';
import { discountInput, failure, openReview } from './support/discount-requests';
import { discountFlowSource, peerReviewFlowSource, rowCounts, steppingClock } from './support/fixtures';

describe('refusals by the engine, surfaced by the store', () => {
  let test: TestDatabase;
  let store: SignetStore;

  beforeAll(async () => {
    test = await createTestDatabase();
    store = createStore(test.db, { now: steppingClock() });
    await store.deployFlow(discountFlowSource, 'zhao.min');
    await store.deployFlow(peerReviewFlowSource, 'zhao.min');
  });
  afterAll(() => test?.drop());

  it('should refuse the requester with SEPARATION_OF_DUTIES and write nothing', async () => {
    const peer = await store.startInstance({
      flowKey: 'peer_review',
      input: { unit: 'A-0102' },
      actor: 'li.na',
    });
    const [task] = await store.tasksOfInstance(peer.id, 'OPEN');
    const before = await rowCounts(test.db);
    const error = await failure(store.decideTask({ taskId: task.id, decision: 'approve', actor: 'li.na' }));
    expect(error.code).toBe('SEPARATION_OF_DUTIES');
    expect(await rowCounts(test.db)).toEqual(before);
    await expect(
      store.decideTask({ taskId: task.id, decision: 'approve', actor: 'wang.fang' }),
    ).resolves.toMatchObject({
      state: 'done',
    });
  });

  it('should refuse a user who is not a candidate with FORBIDDEN and write nothing', async () => {
    const { taskId } = await openReview(store);
    const before = await rowCounts(test.db);
    const error = await failure(store.decideTask({ taskId, decision: 'approve', actor: 'wang.fang' }));
    expect(error.code).toBe('FORBIDDEN');
    expect(await rowCounts(test.db)).toEqual(before);
  });

  it('should refuse a decision the task does not offer with BAD_USER_INPUT', async () => {
    const { taskId } = await openReview(store);
    await expect(store.decideTask({ taskId, decision: 'escalate', actor: 'chen.jie' })).rejects.toMatchObject(
      {
        code: 'BAD_USER_INPUT',
      },
    );
  });

  it('should refuse input that does not match the flow with BAD_USER_INPUT and write nothing', async () => {
    const before = await rowCounts(test.db);
    const error = await failure(
      store.startInstance({ flowKey: 'discount_approval', input: discountInput('2'), actor: 'li.na' }),
    );
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(await rowCounts(test.db)).toEqual(before);
  });

  it('should answer NOT_FOUND for an unknown flow, instance or task', async () => {
    await expect(store.startInstance({ flowKey: 'nope', input: {}, actor: 'li.na' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      store.sendEvent({ instanceId: '00000000-0000-4000-8000-000000000000', type: 'x', actor: 'li.na' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      store.decideTask({ taskId: 'task-1', decision: 'approve', actor: 'li.na' }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
