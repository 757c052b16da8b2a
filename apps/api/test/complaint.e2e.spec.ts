import type {
  AuditVerificationView,
  Connection,
  HistoryEvent,
  InboxTask,
  InstanceView,
} from './support/operations';
import { INBOX, INSTANCE, INSTANCE_FIELDS, START_INSTANCE, VERIFY_AUDIT } from './support/operations';
import { codesOf, startTestApi, type TestApi } from './support/test-api';

// Complaint handling (PROCESSES.md §2, workflows/complaint.flow) over GraphQL, on a fresh database
// (PostgreSQL on TEST_DATABASE_URL, or PGlite when SIGNET_TEST_DB=embedded).
// The main path: wu.xia (cs agent) records a normal complaint, triages it and assigns it to her
// colleague xu.ting, who replies to the customer; wu.xia makes the follow-up call and closes it with
// satisfaction 4.

/** `decideTask` with the decision's typed payload (`{ to }`, `{ answer }`, `{ satisfaction }`). */
const DECIDE_WITH_PAYLOAD = `
  mutation Decide($taskId: ID!, $decision: String!, $comment: String, $payload: JSON) {
    decideTask(taskId: $taskId, decision: $decision, comment: $comment, payload: $payload) { ${INSTANCE_FIELDS} }
  }`;

describe('complaint handling over GraphQL (test database)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api?.close());

  const everyone = ['wu.xia', 'xu.ting', 'ma.lin', 'hu.jun', 'liu.yang', 'li.na'];

  async function inboxOf(user: string, instanceId: string): Promise<InboxTask[]> {
    const r = await api.gql<{ tasks: Connection<InboxTask> }>(user, INBOX);
    expect(r.errors).toBeUndefined();
    return r.data!.tasks.edges.map((e) => e.node).filter((t) => t.instanceId === instanceId);
  }
  /** Asserts that exactly `holders` see the instance's one open task, named `name`; returns its id. */
  async function onlyInboxOf(holders: string[], name: string, instanceId: string): Promise<string> {
    for (const user of everyone) {
      const tasks = await inboxOf(user, instanceId);
      if (holders.includes(user)) {
        expect(tasks).toHaveLength(1);
        expect(tasks[0]).toMatchObject({ name, status: 'OPEN', instance: { id: instanceId } });
      } else {
        expect({ user, tasks }).toEqual({ user, tasks: [] });
      }
    }
    return (await inboxOf(holders[0], instanceId))[0].id;
  }
  function decide(user: string, taskId: string, decision: string, payload: Record<string, unknown>) {
    return api.gql<{ decideTask: InstanceView }>(user, DECIDE_WITH_PAYLOAD, { taskId, decision, payload });
  }

  it('should take a normal complaint from triage through the assignee reply to a closed follow-up', async () => {
    const started = await api.gql<{ startInstance: InstanceView }>('wu.xia', START_INSTANCE, {
      flowKey: 'complaint',
      input: {
        customer: 'Mr Zhou (A-0101)',
        channel: 'phone',
        category: 'water leak',
        severity: 'normal',
        description: 'Water leaks from the bathroom ceiling since the heavy rain.',
      },
    });
    expect(started.errors).toBeUndefined();
    const id = started.data!.startInstance.id;
    expect(started.data!.startInstance).toMatchObject({
      status: 'ACTIVE',
      state: 'triage',
      startedBy: { username: 'wu.xia' },
    });

    // Triage: any customer-service agent sees it; wu.xia assigns it to her colleague xu.ting.
    const triage = await onlyInboxOf(['wu.xia', 'xu.ting'], 'triage', id);
    const assigned = await decide('wu.xia', triage, 'assign', { to: 'xu.ting' });
    expect(assigned.errors).toBeUndefined();
    expect(assigned.data!.decideTask).toMatchObject({
      state: 'reply',
      context: { vars: { agent: 'wu.xia', owner: 'xu.ting' } },
    });

    // Reply: only the owner; the supervisor may not answer in her place before a breach.
    const reply = await onlyInboxOf(['xu.ting'], 'reply', id);
    const early = await decide('ma.lin', reply, 'reply', { answer: 'not mine yet' });
    expect(codesOf(early)).toEqual(['FORBIDDEN']);
    const replied = await decide('xu.ting', reply, 'reply', {
      answer: 'The leak is repaired; the ceiling is repainted on Friday.',
    });
    expect(replied.errors).toBeUndefined();
    expect(replied.data!.decideTask).toMatchObject({ state: 'follow_up' });

    // Follow-up: back to wu.xia, who triaged it; a satisfaction outside 1..5 is refused.
    const followUp = await onlyInboxOf(['wu.xia'], 'follow_up', id);
    const outOfRange = await decide('wu.xia', followUp, 'close', { satisfaction: 7 });
    expect(codesOf(outOfRange)).toEqual(['EVENT_NOT_ACCEPTED']);
    const closed = await decide('wu.xia', followUp, 'close', { satisfaction: 4 });
    expect(closed.errors).toBeUndefined();
    expect(closed.data!.decideTask).toMatchObject({
      status: 'COMPLETED',
      state: 'closed',
      context: {
        vars: { satisfaction: 4, answer: 'The leak is repaired; the ceiling is repainted on Friday.' },
      },
    });
    for (const user of everyone) expect(await inboxOf(user, id)).toEqual([]);

    const history = await api.gql<{ instance: InstanceView & { history: HistoryEvent[] } }>(
      'wu.xia',
      INSTANCE,
      {
        id,
      },
    );
    expect(history.errors).toBeUndefined();
    expect(history.data!.instance.history.map((e) => [e.seq, e.type, e.actor?.username, e.toState])).toEqual([
      [1, expect.any(String), 'wu.xia', 'triage'],
      [2, 'assign', 'wu.xia', 'reply'],
      [3, 'reply', 'xu.ting', 'follow_up'],
      [4, 'close', 'wu.xia', 'closed'],
    ]);

    const verified = await api.gql<{ verifyAudit: AuditVerificationView }>('qian.hui', VERIFY_AUDIT, {
      instanceId: id,
    });
    expect(verified.errors).toBeUndefined();
    expect(verified.data!.verifyAudit).toMatchObject({
      ok: true,
      checkedEvents: 4,
      firstBrokenEventId: null,
    });
  });
});
