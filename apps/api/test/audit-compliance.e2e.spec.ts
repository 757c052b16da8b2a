import { DECIDE_TASK, START_INSTANCE } from './support/operations';
import { codesOf, startTestApi } from './support/test-api';
import type { TestApi } from './support/test-api';

interface Started {
  startInstance: { id: string; tasks: { id: string }[] };
}

const AUDITOR_QUESTIONS = `
  query Questions($username: String!) {
    discountsAboveAuthority(first: 10) { instanceId requester discount requesterAuthority level signedBy }
    fourEyesRefusals { actor operation instanceId taskId }
    softConflicts { approver }
    slaBreaches(flowKey: "discount_approval") { level month tasks breaches openTasks }
    timeInState(flowKey: "discount_approval") { state role stays p50Seconds }
    userActivity(username: $username) { kind action }
    verifyAudit { ok checkedEvents globalChainOk checkedLinks headHash }
  }`;

const INSTANCE_AT = `
  query At($id: ID!, $at: DateTime!) {
    instanceAt(id: $id, at: $at) { state status seq replayConsistent openTasks { name candidateRoles excludedUsers } }
  }`;

// PostgreSQL on TEST_DATABASE_URL (or PGlite when SIGNET_TEST_DB=embedded), a fresh database for this file.
describe('the auditor over GraphQL', () => {
  let api: TestApi;
  let instanceId: string;
  let startedAt: Date;

  beforeAll(async () => {
    api = await startTestApi();
    startedAt = new Date();
    const started = await api.gql<Started>('li.na', START_INSTANCE, {
      flowKey: 'discount_approval',
      input: { unit: 'A-0301', listPrice: '2000000.00', discount: '2%' },
    });
    instanceId = started.data!.startInstance.id;
    const taskId = started.data!.startInstance.tasks[0].id;
    // li.na tries to approve her own request: refused, and the refusal is kept.
    const own = await api.gql('li.na', DECIDE_TASK, { taskId, decision: 'approve' });
    expect(codesOf(own)).toEqual(['SEPARATION_OF_DUTIES']);
    const approved = await api.gql('chen.jie', DECIDE_TASK, { taskId, decision: 'approve' });
    expect(approved.errors).toBeUndefined();
  });
  afterAll(() => api?.close());

  it('should answer every compliance question for an auditor when the log holds a refused and a signed request', async () => {
    const r = await api.gql<Record<string, unknown>>('qian.hui', AUDITOR_QUESTIONS, { username: 'li.na' });
    expect(r.errors).toBeUndefined();
    expect(r.data).toMatchObject({
      discountsAboveAuthority: [
        {
          instanceId,
          requester: 'li.na',
          discount: '2%',
          requesterAuthority: '1%',
          level: 'manager',
          signedBy: 'chen.jie',
        },
      ],
      fourEyesRefusals: [{ actor: 'li.na', operation: 'decideTask', instanceId }],
      softConflicts: [],
      slaBreaches: [{ level: 'manager_review', tasks: 1, breaches: 0, openTasks: 0 }],
      timeInState: [{ state: 'manager_review', role: 'sales_manager', stays: 1 }],
      userActivity: [
        { kind: 'refusal', action: 'decideTask' },
        { kind: 'event', action: 'start' },
      ],
      verifyAudit: { ok: true, checkedEvents: 2, globalChainOk: true, checkedLinks: 2 },
    });
  });

  it('should refuse the compliance questions with FORBIDDEN when the caller is a consultant', async () => {
    const r = await api.gql('li.na', `{ discountsAboveAuthority { signedBy } }`);
    expect(codesOf(r)).toEqual(['FORBIDDEN']);
  });

  it('should count a complaint in the monthly complaint report when an auditor asks for its month', async () => {
    const recorded = await api.gql<Started>('wu.xia', START_INSTANCE, {
      flowKey: 'complaint',
      input: {
        customer: 'Mr Zhou (A-0101)',
        channel: 'wechat',
        category: 'noise',
        severity: 'normal',
        description: 'Building works at night.',
      },
    });
    expect(recorded.errors).toBeUndefined();
    const now = new Date().toISOString();
    const r = await api.gql<{ complaintReport: unknown[] }>(
      'qian.hui',
      `query R($from: DateTime, $to: DateTime) {
         complaintReport(from: $from, to: $to) {
           month complaints openItems answered replyP50Seconds breaches
           byCategory { key complaints openItems } bySeverity { key complaints } breachesByLevel { level breaches }
         }
       }`,
      { from: now, to: now },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.complaintReport).toEqual([
      {
        month: now.slice(0, 7),
        complaints: 1,
        openItems: 1,
        answered: 0,
        replyP50Seconds: null,
        breaches: 0,
        byCategory: [{ key: 'noise', complaints: 1, openItems: 1 }],
        bySeverity: [{ key: 'normal', complaints: 1 }],
        breachesByLevel: [],
      },
    ]);
  });

  it('should refuse the complaint report with FORBIDDEN for an agent and BAD_USER_INPUT for a reversed range', async () => {
    expect(codesOf(await api.gql('wu.xia', `{ complaintReport { month } }`))).toEqual(['FORBIDDEN']);
    const reversed = await api.gql(
      'qian.hui',
      `{ complaintReport(from: "2026-09-01T00:00:00Z", to: "2026-08-01T00:00:00Z") { month } }`,
    );
    expect(codesOf(reversed)).toEqual(['BAD_USER_INPUT']);
  });

  it('should count auditEvents only when the client selects totalCount', async () => {
    const count = jest.spyOn(api.store, 'countAuditEvents');
    try {
      const filter = { instanceId };
      const page = await api.gql<{ auditEvents: { edges: unknown[] } }>(
        'qian.hui',
        `query E($filter: AuditFilter) { auditEvents(filter: $filter, first: 1) { edges { cursor } } }`,
        { filter },
      );
      expect(page.data!.auditEvents.edges).toHaveLength(1);
      expect(count).not.toHaveBeenCalled();
      const counted = await api.gql<{ auditEvents: { totalCount: number } }>(
        'qian.hui',
        `query E($filter: AuditFilter) { auditEvents(filter: $filter, first: 1) { totalCount } }`,
        { filter },
      );
      expect(counted.data!.auditEvents.totalCount).toBe(2);
      expect(count).toHaveBeenCalledTimes(1);
    } finally {
      count.mockRestore();
    }
  });

  it('should rebuild the instance as it was before the approval when asked for a past moment', async () => {
    const r = await api.gql<{ instanceAt: unknown }>('qian.hui', INSTANCE_AT, {
      id: instanceId,
      at: startedAt.toISOString(),
    });
    expect(r.data?.instanceAt).toBeNull();
    const history = await api.gql<{ instance: { history: { at: string }[] } }>(
      'li.na',
      `query H($id: ID!) { instance(id: $id) { history { at } } }`,
      { id: instanceId },
    );
    const [start] = history.data!.instance.history;
    const then = await api.gql<{ instanceAt: unknown }>('li.na', INSTANCE_AT, {
      id: instanceId,
      at: start.at,
    });
    expect(then.data?.instanceAt).toEqual({
      state: 'manager_review',
      status: 'ACTIVE',
      seq: 1,
      replayConsistent: true,
      openTasks: [{ name: 'manager_review', candidateRoles: ['sales_manager'], excludedUsers: ['li.na'] }],
    });
  });
});
