import { createStore, ProcessError } from '../src';
import type { SignetStore } from '../src';
import { createTestDatabase } from '../src/testing';
import type { TestDatabase } from '../src/testing';
import { discountFlowSource, rowCounts, steppingClock } from './support/fixtures';

describe('deployFlow', () => {
  let test: TestDatabase;
  let store: SignetStore;

  beforeAll(async () => {
    test = await createTestDatabase();
    store = createStore(test.db, { now: steppingClock() });
  });
  afterAll(() => test?.drop());

  it('should refuse a source with errors with FLOW_INVALID and its diagnostics, writing nothing', async () => {
    const broken = discountFlowSource.replace('on approve -> approved', 'on approve -> aproved');
    const error = (await store.deployFlow(broken, 'zhao.min').catch((e: unknown) => e)) as ProcessError;
    expect(error).toBeInstanceOf(ProcessError);
    expect(error.code).toBe('FLOW_INVALID');
    expect(error.details?.diagnostics?.length).toBeGreaterThan(0);
    expect(error.details?.diagnostics?.[0]).toMatchObject({ severity: 'error', line: expect.any(Number) });
    expect((await rowCounts(test.db)).flows).toBe(0);
  });

  it('should store the source, IR and hash when the source is valid', async () => {
    const flow = await store.deployFlow(discountFlowSource, 'zhao.min');
    expect(flow).toMatchObject({
      key: 'discount_approval',
      version: 1,
      title: 'Discount approval',
      source: discountFlowSource,
      deployedBy: 'zhao.min',
      deployedAt: new Date('2026-11-23T08:00:01.000Z'),
    });
    expect(flow.hash).toBe(flow.ir.hash);
    expect(await store.getFlow('discount_approval')).toEqual(flow);
    expect(await store.getFlow('discount_approval', 1)).toEqual(flow);
    expect(await store.getFlowById(flow.id)).toEqual(flow);
    expect(await store.listFlows()).toEqual([flow]);
  });

  it('should return the stored definition when the same content is deployed again', async () => {
    const first = await store.getFlow('discount_approval');
    await expect(store.deployFlow(discountFlowSource, 'zhou.qiang')).resolves.toEqual(first);
    expect((await rowCounts(test.db)).flows).toBe(1);
  });

  it('should refuse other content under a deployed key and version with CONFLICT', async () => {
    const edited = discountFlowSource.replace('"Discount approval"', '"Discount approval (edited)"');
    await expect(store.deployFlow(edited, 'zhao.min')).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'discount_approval v1 is already deployed with different content; bump the version',
    });
    expect((await rowCounts(test.db)).flows).toBe(1);
  });

  it('should keep both versions and list the latest when a new version is deployed', async () => {
    const v2 = await store.deployFlow(discountFlowSource.replace(' v1 ', ' v2 '), 'zhao.min');
    expect(v2.version).toBe(2);
    expect((await store.getFlow('discount_approval'))?.version).toBe(2);
    expect((await store.getFlow('discount_approval', 1))?.version).toBe(1);
    expect((await store.listFlows()).map((f) => `${f.key} v${f.version}`)).toEqual(['discount_approval v2']);
  });

  it('should find nothing when the flow, version or id does not exist', async () => {
    await expect(store.getFlow('no_such_flow')).resolves.toBeNull();
    await expect(store.getFlow('discount_approval', 9)).resolves.toBeNull();
    await expect(store.getFlowById('not-a-uuid')).resolves.toBeNull();
  });
});
