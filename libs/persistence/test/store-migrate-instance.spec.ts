import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { createAuditQueries, createStore } from '../src';
import type { AuditQueries, InstanceRecord, SignetStore } from '../src';
import { createTestDatabase } from '../src/testing';
import type { TestDatabase } from '../src/testing';
import { failure } from './support/discount-requests';
import { rowCounts } from './support/fixtures';

const V1 = `flow change v1 "Change" {
  input { title: string, amount: money(CNY) }
  initial state review {
    task "Review" assignee role(sales_manager) separateFrom requester sla 24h
    on approve -> sign_off
    on reject -> rejected
    after 48h -> rejected
  }
  state sign_off {
    task "Sign-off" assignee role(sales_director) separateFrom requester, deciders sla 24h
    on approve -> approved
    on reject -> rejected
  }
  final state approved
  final state rejected
}`;

// v2 renames review (the old name is mapped) and gives the sign-off a shorter SLA.
const V2 = `flow change v2 "Change" {
  input { title: string, amount: money(CNY) }
  migrate from v1 {
    review -> manager_review
  }
  initial state manager_review {
    task "Manager review" assignee role(sales_manager) separateFrom requester sla 8h
    on approve -> sign_off
    on reject -> rejected
    after 2d -> rejected
  }
  state sign_off {
    task "Sign-off" assignee role(sales_director) separateFrom requester, deciders sla 12h
    on approve -> approved
    on reject -> rejected
  }
  final state approved
  final state rejected
}`;

// v3 renames manager_review again but declares no migration from v1.
const V3 = V2.replace('flow change v2', 'flow change v3')
  .replace(
    'migrate from v1 {\n    review -> manager_review\n  }',
    'migrate from v2 {\n    manager_review -> check\n  }',
  )
  .replace('initial state manager_review', 'initial state check');

const INPUT = { title: 'New lobby tiles', amount: '12000.00' };

describe('migrating a running instance to a newer flow version', () => {
  let test: TestDatabase;
  let store: SignetStore;
  let audit: AuditQueries;
  let em: SqlEntityManager;
  let t = Date.parse('2026-11-02T09:00:00.000Z');
  const setClock = (iso: string) => {
    t = Date.parse(iso);
  };

  // Instances started while only v1 is deployed (a start always takes the latest version).
  let running: InstanceRecord;
  let finished: InstanceRecord;
  let previewed: InstanceRecord;

  beforeAll(async () => {
    test = await createTestDatabase();
    store = createStore(test.db, { now: () => new Date((t += 1000)) });
    audit = createAuditQueries(test.db);
    em = test.db.orm.em.fork();
    await store.deployFlow(V1, 'zhao.min');
    running = await startV1('wang.fang');
    previewed = await startV1('wang.fang');
    finished = await startV1('zhang.wei');
    const [task] = await store.tasksOfInstance(finished.id, 'OPEN');
    await store.decideTask({ taskId: task.id, decision: 'reject', actor: 'chen.jie' });
  });
  afterAll(() => test?.drop());

  async function startV1(actor = 'li.na') {
    const started = await store.startInstance({ flowKey: 'change', input: INPUT, actor });
    expect(started).toMatchObject({ flowVersion: 1, state: 'review' });
    return started;
  }

  it('should move a v1 instance mid-approval to v2 and decide it to the end under v2', async () => {
    setClock('2026-11-02T09:00:00.000Z');
    const started = await startV1();
    const [oldTask] = await store.tasksOfInstance(started.id, 'OPEN');
    setClock('2026-11-02T10:00:00.000Z');
    await store.deployFlow(V2, 'zhao.min');

    setClock('2026-11-02T11:00:00.000Z');
    const moved = await store.migrateInstance({
      instanceId: started.id,
      toVersion: 2,
      expectedVersion: started.version,
      actor: 'zhao.min',
    });
    expect(moved).toMatchObject({ flowVersion: 2, state: 'manager_review', status: 'ACTIVE', version: 2 });
    const v2 = await store.getFlow('change', 2);
    expect(moved.definitionId).toBe(v2!.id);

    const tasks = await store.tasksOfInstance(started.id);
    expect(tasks.map((k) => [k.name, k.status])).toEqual([
      ['review', 'CANCELLED'],
      ['manager_review', 'OPEN'],
    ]);
    expect(tasks[0]).toMatchObject({ id: oldTask.id, comment: 'cancelled: the instance moved to change v2' });
    expect(tasks[1]).toMatchObject({
      candidateRoles: ['sales_manager'],
      excludedUsers: ['li.na'],
      dueAt: new Date('2026-11-02T19:00:01.000Z'),
    });
    const timers = await em.execute<{ event: string; status: string; cancel_reason: string | null }[]>(
      'select event, status, cancel_reason from timer where instance_id = ? order by created_at',
      [started.id],
    );
    expect(timers).toEqual([
      { event: 'timer.review.0', status: 'CANCELLED', cancel_reason: 'migrated to v2' },
      { event: 'timer.manager_review.0', status: 'PENDING', cancel_reason: null },
    ]);

    const [, migrated] = await store.history(started.id);
    expect(migrated).toMatchObject({
      type: 'instance.migrated',
      actor: 'zhao.min',
      fromState: 'review',
      toState: 'manager_review',
      flowVersion: 2,
      definitionHash: v2!.hash,
      payload: {
        fromVersion: 1,
        toVersion: 2,
        toHash: v2!.hash,
        fromState: 'review',
        toState: 'manager_review',
        stateMap: { review: 'manager_review' },
      },
    });

    setClock('2026-11-02T12:00:00.000Z');
    await store.decideTask({ taskId: tasks[1].id, decision: 'approve', actor: 'chen.jie' });
    const [signOff] = await store.tasksOfInstance(started.id, 'OPEN');
    expect(signOff).toMatchObject({ name: 'sign_off', excludedUsers: ['li.na', 'chen.jie'] });
    setClock('2026-11-02T13:00:00.000Z');
    const done = await store.decideTask({ taskId: signOff.id, decision: 'approve', actor: 'liu.yang' });
    expect(done).toMatchObject({ state: 'approved', status: 'COMPLETED', flowVersion: 2, version: 4 });

    expect(await store.verifyAudit(started.id)).toEqual({
      ok: true,
      checkedEvents: 4,
      firstBrokenEventId: null,
    });
    expect(await audit.verify(started.id)).toMatchObject({ ok: true });

    const before = await audit.instanceAt(started.id, new Date('2026-11-02T10:30:00.000Z'));
    expect(before).toMatchObject({ state: 'review', flowVersion: 1, seq: 1, replayConsistent: true });
    expect(before!.openTasks.map((k) => k.id)).toEqual([oldTask.id]);
    const after = await audit.instanceAt(started.id, new Date('2026-11-02T11:30:00.000Z'));
    expect(after).toMatchObject({ state: 'manager_review', flowVersion: 2, seq: 2, replayConsistent: true });
    expect(after!.openTasks.map((k) => k.id)).toEqual([tasks[1].id]);
    const end = await audit.instanceAt(started.id, new Date('2026-11-03T00:00:00.000Z'));
    expect(end).toMatchObject({ state: 'approved', status: 'COMPLETED', seq: 4, replayConsistent: true });
  });

  it('should refuse, writing nothing, what cannot move', async () => {
    await store.deployFlow(V3, 'zhao.min');
    const before = await rowCounts(test.db);
    const refuse = (cmd: Partial<Parameters<SignetStore['migrateInstance']>[0]>) =>
      failure(store.migrateInstance({ instanceId: running.id, toVersion: 2, actor: 'zhao.min', ...cmd }));

    expect(await refuse({ toVersion: 1 })).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: expect.stringContaining('v1 is not a newer version') as string,
    });
    expect(await refuse({ toVersion: 9 })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refuse({ expectedVersion: 7 })).toMatchObject({ code: 'CONFLICT' });
    expect(await refuse({ instanceId: finished.id })).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: expect.stringContaining('COMPLETED') as string,
    });
    expect(await refuse({ toVersion: 3 })).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: expect.stringContaining('has no state "review" and declares no `migrate from v1`') as string,
    });
    expect(await refuse({ instanceId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await rowCounts(test.db)).toEqual(before);
  });

  it('should check without writing on a dry run', async () => {
    const before = await rowCounts(test.db);
    const preview = await store.migrateInstance({
      instanceId: previewed.id,
      toVersion: 2,
      actor: 'zhao.min',
      dryRun: true,
    });
    expect(preview).toMatchObject({ flowVersion: 2, state: 'manager_review', version: previewed.version });
    expect(await rowCounts(test.db)).toEqual(before);
    expect(
      await store.getInstance(previewed.id, { username: 'qian.hui', roles: ['auditor'], team: null }),
    ).toMatchObject({ flowVersion: 1, state: 'review' });
  });
});
