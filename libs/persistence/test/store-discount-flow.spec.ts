import { createStore } from '../src';
import type { InstanceRecord, SignetStore, TaskRecord } from '../src';
import { createTestDatabase } from '../src/testing';
import type { TestDatabase } from '../src/testing';
import { discountFlowSource, rowCounts, steppingClock, viewerOf } from './support/fixtures';

const twoPercent = { unit: 'A-0101', listPrice: '1850000.00', discount: '2%' };

describe('the discount flow through the store', () => {
  let test: TestDatabase;
  let store: SignetStore;
  let instance: InstanceRecord;
  let task: TaskRecord;

  beforeAll(async () => {
    test = await createTestDatabase();
    store = createStore(test.db, { now: steppingClock() });
    await store.deployFlow(discountFlowSource, 'zhao.min');
  });
  afterAll(() => test?.drop());

  it('should start at manager review with version 1 when li.na asks for 2 %', async () => {
    instance = await store.startInstance({ flowKey: 'discount_approval', input: twoPercent, actor: 'li.na' });
    expect(instance).toMatchObject({
      flowKey: 'discount_approval',
      flowVersion: 1,
      status: 'ACTIVE',
      state: 'manager_review',
      version: 1,
      startedBy: 'li.na',
      businessKey: null,
    });
    const [start] = await store.history(instance.id);
    expect(start).toMatchObject({ seq: 1, type: 'start', actor: 'li.na', fromState: null, prevHash: null });
    expect(start.payload).toEqual({ input: twoPercent, businessKey: null });
  });

  it("should put the review task in chen.jie's inbox and in no one else's when it opens", async () => {
    const inbox = await store.listTasks(null, {}, await viewerOf(store, 'chen.jie'));
    expect(inbox.totalCount).toBe(1);
    task = inbox.items[0].node;
    expect(task).toMatchObject({
      instanceId: instance.id,
      name: 'manager_review',
      status: 'OPEN',
      decisions: ['approve', 'reject'],
      candidateRoles: ['sales_manager'],
      excludedUsers: ['li.na'],
    });
    expect(task.dueAt).toEqual(new Date(Date.parse('2026-11-23T08:00:02.000Z') + 24 * 3600_000));
    for (const other of ['li.na', 'liu.yang', 'qian.hui', 'sun.li']) {
      expect((await store.listTasks(null, {}, await viewerOf(store, other))).totalCount).toBe(0);
    }
  });

  it('should show the instance to its requester, its approver and the auditor only', async () => {
    for (const who of ['li.na', 'chen.jie', 'qian.hui']) {
      expect(await store.getInstance(instance.id, await viewerOf(store, who))).toEqual(instance);
    }
    for (const who of ['wang.fang', 'sun.li', 'liu.yang']) {
      expect(await store.getInstance(instance.id, await viewerOf(store, who))).toBeNull();
      expect(await store.getTask(task.id, await viewerOf(store, who))).toBeNull();
    }
  });

  it('should complete as approved and close the task when chen.jie approves', async () => {
    const approved = await store.decideTask({
      taskId: task.id,
      decision: 'approve',
      comment: 'within policy',
      actor: 'chen.jie',
    });
    expect(approved).toMatchObject({ status: 'COMPLETED', state: 'approved', version: 2 });
    expect(await store.tasksOfInstance(instance.id)).toEqual([
      expect.objectContaining({ id: task.id, status: 'DONE', decision: 'approve', decidedBy: 'chen.jie' }),
    ]);
    expect(await store.tasksOfInstance(instance.id, 'OPEN')).toEqual([]);
    expect((await store.listTasks(null, {}, await viewerOf(store, 'chen.jie'))).totalCount).toBe(0);
  });

  it('should keep chen.jie able to see the instance he acted on after his task closed', async () => {
    expect(await store.getInstance(instance.id, await viewerOf(store, 'chen.jie'))).not.toBeNull();
    const mine = await store.listInstances(
      { flowKey: 'discount_approval' },
      {},
      await viewerOf(store, 'chen.jie'),
    );
    expect(mine.items.map((e) => e.node.id)).toEqual([instance.id]);
  });

  it('should record every step with actor, time, states and a chain that verifies', async () => {
    const events = await store.history(instance.id);
    expect(events.map((e) => [e.seq, e.type, e.actor, e.fromState, e.toState])).toEqual([
      [1, 'start', 'li.na', null, 'manager_review'],
      [2, 'approve', 'chen.jie', 'manager_review', 'approved'],
    ]);
    expect(events[1].prevHash).toBe(events[0].hash);
    expect(events[1].payload).toEqual({ taskId: task.id, comment: 'within policy' });
    expect(events[1].definitionHash).toBe((await store.getFlow('discount_approval'))?.hash);
    await expect(store.verifyAudit(instance.id)).resolves.toEqual({
      ok: true,
      checkedEvents: 2,
      firstBrokenEventId: null,
    });
  });

  it('should complete at once when the discount is within the requester’s authority', async () => {
    const small = await store.startInstance({
      flowKey: 'discount_approval',
      input: { ...twoPercent, discount: '0.5%' },
      actor: 'wang.fang',
    });
    expect(small).toMatchObject({ status: 'COMPLETED', state: 'approved', version: 1 });
    expect(await store.tasksOfInstance(small.id)).toEqual([]);
  });

  it('should page audit events newest first by default and oldest first when asked', async () => {
    const auditor = await viewerOf(store, 'qian.hui');
    const first = await store.auditEvents({}, { first: 2 }, auditor);
    expect(first.totalCount).toBe(3);
    expect(first.hasNextPage).toBe(true);
    const rest = await store.auditEvents({}, { first: 2, after: first.endCursor ?? undefined }, auditor);
    expect(rest.hasNextPage).toBe(false);
    const newestFirst = [...first.items, ...rest.items].map((e) => e.node.id);
    const oldestFirst = (await store.auditEvents({ ascending: true }, {}, auditor)).items.map(
      (e) => e.node.id,
    );
    expect(oldestFirst).toEqual([...newestFirst].reverse());
    const byActor = await store.auditEvents({ actor: 'chen.jie' }, {}, auditor);
    expect(byActor.items.map((e) => e.node.type)).toEqual(['approve']);
    const asLiNa = await store.auditEvents({}, {}, await viewerOf(store, 'li.na'));
    expect(asLiNa.totalCount).toBe(2);
  });

  it('should verify the whole log when no instance is named', async () => {
    await expect(store.verifyAudit()).resolves.toEqual({
      ok: true,
      checkedEvents: 3,
      firstBrokenEventId: null,
    });
    expect(await rowCounts(test.db)).toMatchObject({ instances: 2, events: 3, versions: 3, tasks: 1 });
  });
});
