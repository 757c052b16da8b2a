import { ProcessError } from '../../src';
import { auditFixture, requestDiscount } from './support';
import type { AuditFixture } from './support';

/** Seeded October: five discount requests and a peer review, with known times, signers and refusals. */
describe('compliance queries', () => {
  let f: AuditFixture;
  let manager: { instanceId: string; taskId: string | null };
  let vp: { instanceId: string; taskId: string | null };
  let stillOpen: { instanceId: string; taskId: string | null };
  let peerInstanceId: string;
  let upwardInstanceId: string;

  beforeAll(async () => {
    f = await auditFixture();
    f.setClock('2026-10-01T09:00:00.000Z');
    manager = await requestDiscount(f.store, 'li.na', '2%');
    f.setClock('2026-10-01T11:00:00.000Z');
    await f.store.decideTask({ taskId: manager.taskId!, decision: 'approve', actor: 'chen.jie' });
    await requestDiscount(f.store, 'li.na', '0.5%'); // within her own 1 %: approved at once
    f.setClock('2026-10-02T09:00:00.000Z');
    vp = await requestDiscount(f.store, 'zhang.wei', '8%');
    f.setClock('2026-10-03T15:00:00.000Z');
    await f.store.decideTask({ taskId: vp.taskId!, decision: 'approve', actor: 'huang.lei' });
    const rejected = await requestDiscount(f.store, 'wang.fang', '4%');
    await f.store.decideTask({ taskId: rejected.taskId!, decision: 'reject', actor: 'liu.yang' });
    f.setClock('2026-10-04T09:00:00.000Z');
    stillOpen = await requestDiscount(f.store, 'wang.fang', '2%');

    const peer = await f.store.startInstance({
      flowKey: 'peer_review',
      input: { unit: 'A-0102' },
      actor: 'li.na',
    });
    peerInstanceId = peer.id;
    const [task] = await f.store.tasksOfInstance(peer.id, 'OPEN');
    // The API records refusals (libs/server/audit); here the test plays its part.
    const refused = await f.store.decideTask({ taskId: task.id, decision: 'approve', actor: 'li.na' }).then(
      () => null,
      (e: unknown) => e,
    );
    if (!(refused instanceof ProcessError)) throw new Error('expected a four-eyes refusal');
    await f.audit.recordRefusal({
      at: new Date('2026-10-04T09:30:00.000Z'),
      actor: 'li.na',
      operation: 'decideTask',
      code: refused.code,
      message: refused.message,
      taskId: task.id,
    });
    f.setClock('2026-10-04T10:00:00.000Z');
    await f.store.decideTask({ taskId: task.id, decision: 'approve', actor: 'wang.fang' });
    // The manager asks, one of his own consultants approves: a conflict the other way round.
    const upward = await f.store.startInstance({
      flowKey: 'peer_review',
      input: { unit: 'A-0103' },
      actor: 'chen.jie',
    });
    upwardInstanceId = upward.id;
    const [upwardTask] = await f.store.tasksOfInstance(upward.id, 'OPEN');
    await f.store.decideTask({ taskId: upwardTask.id, decision: 'approve', actor: 'li.na' });
  });
  afterAll(() => f?.test.drop());

  it('should list discounts above the requester authority with signer and level when approved by a reviewer', async () => {
    const rows = await f.audit.discountsAboveAuthority({});
    expect(rows).toEqual([
      expect.objectContaining({
        instanceId: vp.instanceId,
        requester: 'zhang.wei',
        discount: '8%',
        requesterAuthority: '1%',
        level: 'vice_president',
        signedInState: 'vp_review',
        signedBy: 'huang.lei',
      }),
      expect.objectContaining({
        instanceId: manager.instanceId,
        requester: 'li.na',
        discount: '2%',
        requesterAuthority: '1%',
        level: 'manager',
        signedBy: 'chen.jie',
        signedAt: new Date('2026-10-01T11:00:01.000Z'),
      }),
    ]);
    await expect(
      f.audit.discountsAboveAuthority({ from: new Date('2026-10-02T00:00:00Z'), first: 5 }),
    ).resolves.toHaveLength(1);
  });

  it('should list the four-eyes refusal and the peer approval as a soft conflict', async () => {
    const refusals = await f.audit.fourEyesRefusals({});
    expect(refusals).toEqual([
      expect.objectContaining({ actor: 'li.na', operation: 'decideTask', instanceId: peerInstanceId }),
    ]);
    const conflicts = await f.audit.softConflicts({});
    expect(conflicts).toEqual([
      expect.objectContaining({
        instanceId: upwardInstanceId,
        approver: 'li.na',
        requester: 'chen.jie',
        relation: 'approver_reports_to_requester',
      }),
      expect.objectContaining({
        instanceId: peerInstanceId,
        approver: 'wang.fang',
        requester: 'li.na',
        relation: 'same_superior',
        sharedSuperior: 'chen.jie',
      }),
    ]);
  });

  it('should count SLA breaches per level and month when a review took longer than 24 h or is still open', async () => {
    const rows = await f.audit.slaBreaches({ flowKey: 'discount_approval' });
    const byLevel = Object.fromEntries(rows.map((r) => [r.level, r]));
    expect(rows.every((r) => r.month === '2026-10')).toBe(true);
    expect(byLevel.manager_review).toMatchObject({ tasks: 2, breaches: 1, openTasks: 1 });
    expect(byLevel.vp_review).toMatchObject({ tasks: 1, breaches: 1, openTasks: 0, p50CloseSeconds: 108000 });
    expect(byLevel.director_review).toMatchObject({ tasks: 1, breaches: 0 });
    await expect(f.audit.slaBreaches({ from: new Date('2026-11-01T00:00:00Z') })).resolves.toEqual([]);
  });

  it('should give time-in-state percentiles per flow, state and role', async () => {
    const rows = await f.audit.timeInState('discount_approval');
    expect(rows).toContainEqual(
      expect.objectContaining({ state: 'manager_review', role: 'sales_manager', stays: 1, p50Seconds: 7200 }),
    );
    expect(rows).toContainEqual(
      expect.objectContaining({ state: 'vp_review', role: 'vice_president', stays: 1, p95Seconds: 108000 }),
    );
    expect(rows.some((r) => r.state === 'approved')).toBe(false);
    void stillOpen;
  });

  it('should list everything a user did in a time range, newest first', async () => {
    const all = await f.audit.userActivity('li.na', {});
    expect(all.map((r) => [r.kind, r.action])).toEqual([
      ['event', 'approve'],
      ['refusal', 'decideTask'],
      ['event', 'start'],
      ['event', 'start'],
      ['event', 'start'],
    ]);
    const deploys = await f.audit.userActivity('zhao.min', {});
    expect(deploys.map((r) => r.kind)).toEqual(['deploy', 'deploy']);
    const window = await f.audit.userActivity('li.na', {
      from: new Date('2026-10-04T00:00:00Z'),
      to: new Date('2026-10-04T09:59:00Z'),
    });
    expect(window.map((r) => r.kind)).toEqual(['refusal', 'event']);
  });
});
