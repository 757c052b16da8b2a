import type {
  AuditVerificationView,
  Connection,
  HistoryEvent,
  InboxTask,
  InstanceView,
} from './support/operations';
import { DECIDE_TASK, INBOX, INSTANCE, START_INSTANCE, VERIFY_AUDIT } from './support/operations';
import { startTestApi, type TestApi } from './support/test-api';

// Engineering change approval (PROCESSES.md §3, workflows/engineering-change.flow) over GraphQL, on a
// fresh database (PostgreSQL on TEST_DATABASE_URL, or PGlite when SIGNET_TEST_DB=embedded).
// The main path: guo.peng (site engineer) raises a 60,000 CNY change, which needs the project manager
// (he.bin) and the chief engineer (lin.tao). The flow has guo.peng, who does the work, record the
// implementation, and a project manager other than the implementer (he.bin) verify it.
describe('engineering change approval over GraphQL (test database)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api?.close());

  const everyone = ['guo.peng', 'he.bin', 'lin.tao', 'zhou.qiang'];

  async function inboxOf(user: string, instanceId: string): Promise<InboxTask[]> {
    const r = await api.gql<{ tasks: Connection<InboxTask> }>(user, INBOX);
    expect(r.errors).toBeUndefined();
    return r.data!.tasks.edges.map((e) => e.node).filter((t) => t.instanceId === instanceId);
  }
  /** Asserts that exactly `holder` has the instance's one open task, named `name`; returns its id. */
  async function onlyInboxOf(holder: string, name: string, instanceId: string): Promise<string> {
    for (const user of everyone) {
      const tasks = await inboxOf(user, instanceId);
      if (user === holder) {
        expect(tasks).toHaveLength(1);
        expect(tasks[0]).toMatchObject({ name, status: 'OPEN', instance: { id: instanceId } });
      } else {
        expect({ user, tasks }).toEqual({ user, tasks: [] });
      }
    }
    return (await inboxOf(holder, instanceId))[0].id;
  }
  async function decide(
    user: string,
    taskId: string,
    decision: string,
    comment?: string,
  ): Promise<InstanceView> {
    const r = await api.gql<{ decideTask: InstanceView }>(user, DECIDE_TASK, { taskId, decision, comment });
    expect(r.errors).toBeUndefined();
    return r.data!.decideTask;
  }

  it('should take a 60,000 CNY change through the project manager and the chief engineer to verified', async () => {
    const started = await api.gql<{ startInstance: InstanceView }>('guo.peng', START_INSTANCE, {
      flowKey: 'engineering_change',
      input: {
        title: 'Reroute the drainage pipe under block 3',
        reason: 'The pipe clashes with the enlarged foundation (drawing S-12)',
        costImpact: '60000.00',
        scheduleImpactDays: 3,
      },
    });
    expect(started.errors).toBeUndefined();
    const id = started.data!.startInstance.id;
    expect(started.data!.startInstance).toMatchObject({
      status: 'ACTIVE',
      state: 'pm_review',
      startedBy: { username: 'guo.peng' },
      context: { vars: { level: 'chief' } },
    });

    // The project manager reviews; the requester may not approve his own change.
    const pmTask = await onlyInboxOf('he.bin', 'pm_review', id);
    const own = await api.gql<{ decideTask: InstanceView }>('guo.peng', DECIDE_TASK, {
      taskId: pmTask,
      decision: 'approve',
    });
    expect(['SEPARATION_OF_DUTIES', 'FORBIDDEN']).toContain(own.errors?.[0].extensions.code);
    expect(await decide('he.bin', pmTask, 'approve', 'agreed, see S-12 rev B')).toMatchObject({
      state: 'chief_engineer_review',
    });

    // 60,000 CNY ≥ 50,000: the chief engineer's technical review, and nobody else's.
    const chiefTask = await onlyInboxOf('lin.tao', 'chief_engineer_review', id);
    expect(await decide('lin.tao', chiefTask, 'approve')).toMatchObject({ state: 'implementation' });

    // Below 200,000 CNY the chief engineer's approval makes it effective: the requester implements it.
    const implTask = await onlyInboxOf('guo.peng', 'implementation', id);
    expect(await decide('guo.peng', implTask, 'implemented')).toMatchObject({ state: 'verification' });

    const verifyTask = await onlyInboxOf('he.bin', 'verification', id);
    const done = await decide('he.bin', verifyTask, 'verify');
    expect(done).toMatchObject({ status: 'COMPLETED', state: 'verified' });
    for (const user of everyone) expect(await inboxOf(user, id)).toEqual([]);
    expect(done.tasks.map((t) => [t.name, t.status, t.decision, t.decidedBy?.username])).toEqual(
      expect.arrayContaining([
        ['pm_review', 'DONE', 'approve', 'he.bin'],
        ['chief_engineer_review', 'DONE', 'approve', 'lin.tao'],
        ['implementation', 'DONE', 'implemented', 'guo.peng'],
        ['verification', 'DONE', 'verify', 'he.bin'],
      ]),
    );

    const history = await api.gql<{ instance: InstanceView & { history: HistoryEvent[] } }>(
      'guo.peng',
      INSTANCE,
      {
        id,
      },
    );
    expect(history.errors).toBeUndefined();
    expect(history.data!.instance.history.map((e) => [e.actor?.username, e.type, e.toState])).toEqual([
      ['guo.peng', expect.any(String), 'pm_review'],
      ['he.bin', 'approve', 'chief_engineer_review'],
      ['lin.tao', 'approve', 'implementation'],
      ['guo.peng', 'implemented', 'verification'],
      ['he.bin', 'verify', 'verified'],
    ]);

    const audit = await api.gql<{ verifyAudit: AuditVerificationView }>('guo.peng', VERIFY_AUDIT, {
      instanceId: id,
    });
    expect(audit.errors).toBeUndefined();
    expect(audit.data!.verifyAudit).toEqual({ ok: true, checkedEvents: 5, firstBrokenEventId: null });
  });
});
