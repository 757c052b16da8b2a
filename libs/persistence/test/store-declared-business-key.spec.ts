import { createStore } from '../src';
import type { InstanceRecord, SignetStore } from '../src';
import { createTestDatabase } from '../src/testing';
import type { TestDatabase } from '../src/testing';
import { failure } from './support/discount-requests';
import { rowCounts, steppingClock } from './support/fixtures';

/** A flow that declares its business key, as the unit confirmation does (`key input.unit …`). */
const HOLD_FLOW = `
flow unit_hold v1 "Unit hold" {
  input { unit: string, customer: string }
  key input.unit unique while active
  initial state held {
    on release -> released by requester
  }
  final state released
}`;

describe('a business key declared by the flow', () => {
  let test: TestDatabase;
  let store: SignetStore;

  beforeAll(async () => {
    test = await createTestDatabase();
    store = createStore(test.db, { now: steppingClock() });
    await store.deployFlow(HOLD_FLOW, 'zhao.min');
  });
  afterAll(() => test?.drop());

  const hold = (unit: string, actor: string, businessKey?: string) =>
    store.startInstance({ flowKey: 'unit_hold', input: { unit, customer: 'Mr Wang' }, actor, businessKey });

  it('should take the key from the input when the caller sends none', async () => {
    const instance = await hold('A-0101', 'li.na');
    expect(instance.businessKey).toBe('A-0101');
  });

  it('should refuse a second active instance for the same unit, naming the holder, and write nothing', async () => {
    const holder = await hold('A-0102', 'li.na');
    const before = await rowCounts(test.db);
    const error = await failure(hold('A-0102', 'wang.fang'));
    expect(error.code).toBe('BUSINESS_KEY_TAKEN');
    expect(error.message).toContain(holder.id);
    expect(await rowCounts(test.db)).toEqual(before);
  });

  it('should let exactly one of two racing starts hold the unit', async () => {
    const results = await Promise.allSettled([hold('A-0103', 'li.na'), hold('A-0103', 'wang.fang')]);
    const won = results.filter((r): r is PromiseFulfilledResult<InstanceRecord> => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost[0].reason).toMatchObject({ code: 'BUSINESS_KEY_TAKEN' });
  });

  it('should free the unit when the holding instance ends', async () => {
    const first = await hold('A-0104', 'li.na');
    await store.sendEvent({ instanceId: first.id, type: 'release', actor: 'li.na' });
    const second = await hold('A-0104', 'wang.fang');
    expect(second.businessKey).toBe('A-0104');
  });

  it('should refuse a caller key that contradicts the declared one', async () => {
    const error = await failure(hold('A-0105', 'li.na', 'A-9999'));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details?.fields).toEqual([{ path: 'businessKey', message: 'must be "A-0105" or omitted' }]);
  });
});
