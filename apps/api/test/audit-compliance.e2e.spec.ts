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
