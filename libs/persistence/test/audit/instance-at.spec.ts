import { auditFixture, requestDiscount } from './support';
import type { AuditFixture } from './support';

describe('instanceAt', () => {
  let f: AuditFixture;

  beforeAll(async () => {
    f = await auditFixture();
  });
  afterAll(() => f?.test.drop());

  it('should rebuild state, context and open task at each past moment when replaying the log', async () => {
    f.setClock('2026-10-05T09:00:00.000Z');
    const { instanceId, taskId } = await requestDiscount(f.store, 'li.na', '4%');
    f.setClock('2026-10-05T15:00:00.000Z');
    await f.store.decideTask({ taskId: taskId!, decision: 'approve', actor: 'liu.yang', comment: 'ok' });

    const before = await f.audit.instanceAt(instanceId, new Date('2026-10-05T08:59:00.000Z'));
    expect(before).toBeNull();

    const waiting = await f.audit.instanceAt(instanceId, new Date('2026-10-05T12:00:00.000Z'));
    expect(waiting).toMatchObject({
      state: 'director_review',
      status: 'ACTIVE',
      seq: 1,
      replayConsistent: true,
    });
    expect(waiting!.context).toMatchObject({
      requester: 'li.na',
      vars: { reviewer: 'director' },
      openTask: { id: taskId, name: 'director_review' },
      decisions: {},
    });
    expect(waiting!.openTasks).toEqual([
      expect.objectContaining({ id: taskId, candidateRoles: ['sales_director'], excludedUsers: ['li.na'] }),
    ]);

    const done = await f.audit.instanceAt(instanceId, new Date('2026-10-06T00:00:00.000Z'));
    expect(done).toMatchObject({ state: 'approved', status: 'COMPLETED', seq: 2, openTasks: [] });
    expect(done!.context).toMatchObject({
      decisions: { director_review: { by: 'liu.yang', comment: 'ok' } },
    });
  });

  it('should equal the stored snapshot when asked about the present', async () => {
    f.setClock('2026-10-07T09:00:00.000Z');
    const open = await requestDiscount(f.store, 'wang.fang', '2%');
    const closed = await requestDiscount(f.store, 'zhang.wei', '8%');
    await f.store.decideTask({ taskId: closed.taskId!, decision: 'reject', actor: 'huang.lei' });
    const now = new Date('2026-12-31T00:00:00.000Z');
    const viewer = { username: 'qian.hui', roles: ['auditor'], team: 'internal_audit' };
    for (const { instanceId } of [open, closed]) {
      const stored = await f.store.getInstance(instanceId, viewer);
      const rebuilt = await f.audit.instanceAt(instanceId, now);
      expect(rebuilt).toMatchObject({ state: stored!.state, status: stored!.status, replayConsistent: true });
      expect(rebuilt!.context).toEqual(stored!.context);
      const openTasks = await f.store.tasksOfInstance(instanceId, 'OPEN');
      expect(rebuilt!.openTasks.map((t) => t.id)).toEqual(openTasks.map((t) => t.id));
    }
  });

  it('should report NOT_FOUND when the instance does not exist', async () => {
    await expect(
      f.audit.instanceAt('00000000-0000-4000-8000-000000000000', new Date()),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(f.audit.instanceAt('nope', new Date())).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('should replay with the directory as changed in plain SQL when asked again after the change', async () => {
    f.setClock('2026-10-10T09:00:00.000Z');
    const { instanceId } = await requestDiscount(f.store, 'li.na', '4%');
    const at = new Date('2026-10-11T00:00:00.000Z');
    // The first answer keeps the directory and the IR in memory (ADR 0011's stamp guards the directory).
    expect(await f.audit.instanceAt(instanceId, at)).toMatchObject({ replayConsistent: true });
    try {
      await f.em.execute(`update org_user set discount_authority = 100 where username = 'li.na'`);
      // Within her own authority now: the replayed start routes to `auto` and approves at once.
      const rebuilt = await f.audit.instanceAt(instanceId, at);
      expect(rebuilt).toMatchObject({ state: 'director_review', replayConsistent: false });
      expect(rebuilt!.replayNote).toMatch(/replay reached approved at seq 1; the log says director_review/);
    } finally {
      await f.em.execute(`update org_user set discount_authority = null where username = 'li.na'`);
    }
    expect(await f.audit.instanceAt(instanceId, at)).toMatchObject({ replayConsistent: true });
  });

  it('should flag the replay as inconsistent when the log was rewritten to a state the engine never reaches', async () => {
    f.setClock('2026-10-08T09:00:00.000Z');
    const { instanceId } = await requestDiscount(f.store, 'li.na', '2%');
    await f.em.transactional(async (tx) => {
      await tx.execute('set local session_replication_role = replica');
      await tx.execute(`update instance_event set to_state = 'approved' where instance_id = ?`, [instanceId]);
    });
    const rebuilt = await f.audit.instanceAt(instanceId, new Date('2026-10-09T00:00:00.000Z'));
    expect(rebuilt).toMatchObject({ state: 'approved', replayConsistent: false });
    expect(rebuilt!.replayNote).toMatch(/replay reached manager_review at seq 1; the log says approved/);
  });
});
