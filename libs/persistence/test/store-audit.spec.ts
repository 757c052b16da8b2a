import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { createStore } from '../src';
import type { InstanceRecord, SignetStore } from '../src';
import { createTestDatabase } from '../src/testing';
import type { TestDatabase } from '../src/testing';
import { discountFlowSource, steppingClock } from './support/fixtures';

const input = { unit: 'A-0101', listPrice: '1850000.00', discount: '2%' };

describe('verifyAudit', () => {
  let test: TestDatabase;
  let store: SignetStore;
  let em: SqlEntityManager;
  let tampered: InstanceRecord;
  let untouched: InstanceRecord;

  /** What a superuser can do despite the append-only trigger: switch it off, write, switch it on. */
  async function asSuperuser(sql: string, params: unknown[]): Promise<void> {
    await em.execute('alter table instance_event disable trigger instance_event_append_only');
    try {
      await em.execute(sql, params);
    } finally {
      await em.execute('alter table instance_event enable trigger instance_event_append_only');
    }
  }

  beforeAll(async () => {
    test = await createTestDatabase();
    store = createStore(test.db, { now: steppingClock() });
    em = test.db.orm.em.fork();
    await store.deployFlow(discountFlowSource, 'zhao.min');
    untouched = await store.startInstance({ flowKey: 'discount_approval', input, actor: 'wang.fang' });
    tampered = await store.startInstance({ flowKey: 'discount_approval', input, actor: 'li.na' });
    const [task] = await store.tasksOfInstance(tampered.id, 'OPEN');
    await store.decideTask({ taskId: task.id, decision: 'reject', actor: 'chen.jie' });
  });
  afterAll(() => test?.drop());

  it('should find every chain intact before anyone touches the log', async () => {
    await expect(store.verifyAudit()).resolves.toEqual({
      ok: true,
      checkedEvents: 3,
      firstBrokenEventId: null,
    });
  });

  it('should name the altered event when a superuser rewrites a decision', async () => {
    const [, decision] = await store.history(tampered.id);
    await asSuperuser(`update instance_event set type = 'approve', to_state = 'approved' where id = ?`, [
      decision.id,
    ]);
    await expect(store.verifyAudit(tampered.id)).resolves.toEqual({
      ok: false,
      checkedEvents: 2,
      firstBrokenEventId: decision.id,
    });
    await expect(store.verifyAudit()).resolves.toMatchObject({ ok: false, firstBrokenEventId: decision.id });
    await expect(store.verifyAudit(untouched.id)).resolves.toMatchObject({ ok: true, checkedEvents: 1 });
    // Restoring the original row makes the chain whole again: the hash covers exactly these fields.
    await asSuperuser(`update instance_event set type = 'reject', to_state = 'rejected' where id = ?`, [
      decision.id,
    ]);
    await expect(store.verifyAudit(tampered.id)).resolves.toMatchObject({ ok: true });
  });

  it('should name the last remaining event when a superuser deletes the latest one', async () => {
    const [start, decision] = await store.history(tampered.id);
    await asSuperuser('delete from instance_event where id = ?', [decision.id]);
    await expect(store.verifyAudit(tampered.id)).resolves.toEqual({
      ok: false,
      checkedEvents: 1,
      firstBrokenEventId: start.id,
    });
  });

  it('should answer NOT_FOUND when the instance does not exist', async () => {
    await expect(store.verifyAudit('00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
