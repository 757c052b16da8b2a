import type { AuditVerificationView, Connection, InboxTask, InstanceView } from './support/operations';
import { DECIDE_TASK, INBOX, INSTANCE, START_INSTANCE, VERIFY_AUDIT } from './support/operations';
import { codesOf, startTestApi, type TestApi } from './support/test-api';

// Process 1 (unit confirmation → peer review → deposit) through GraphQL over HTTP, on a fresh test
// database (PostgreSQL on TEST_DATABASE_URL, or PGlite when SIGNET_TEST_DB=embedded).

const DECIDE_WITH_PAYLOAD = `
  mutation Decide($taskId: ID!, $decision: String!, $payload: JSON) {
    decideTask(taskId: $taskId, decision: $decision, payload: $payload) {
      id status state version context tasks { id name state status decision decidedBy { username } }
    }
  }`;

const ACTORS = ['li.na', 'wang.fang', 'zhang.wei', 'wu.xia', 'sun.li'] as const;

function unitInput(unit: string): Record<string, unknown> {
  return {
    unit,
    customer: '周敏 Zhou Min',
    listPrice: '1850000.00',
    discount: '0.5%',
    paymentMethod: 'mortgage',
  };
}

describe('unit confirmation over GraphQL (test database)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api?.close());

  function start(requester: string, unit: string) {
    return api.gql<{ startInstance: InstanceView }>(requester, START_INSTANCE, {
      flowKey: 'unit_confirmation',
      input: unitInput(unit),
    });
  }
  function decide(user: string, taskId: string, decision: string, payload?: Record<string, unknown>) {
    return api.gql<{ decideTask: InstanceView }>(user, payload ? DECIDE_WITH_PAYLOAD : DECIDE_TASK, {
      taskId,
      decision,
      ...(payload ? { payload } : {}),
    });
  }
  /** The names of the tasks of this instance in each actor's inbox. */
  async function inboxes(instanceId: string): Promise<Record<string, string[]>> {
    const result: Record<string, string[]> = {};
    for (const user of ACTORS) {
      const r = await api.gql<{ tasks: Connection<InboxTask> }>(user, INBOX);
      expect(r.errors).toBeUndefined();
      result[user] = r
        .data!.tasks.edges.map((e) => e.node)
        .filter((t) => t.instanceId === instanceId)
        .map((t) => t.name);
    }
    return result;
  }
  function inboxTask(user: string, instanceId: string): Promise<InboxTask> {
    return api
      .gql<{ tasks: Connection<InboxTask> }>(user, INBOX)
      .then((r) => r.data!.tasks.edges.map((e) => e.node).find((t) => t.instanceId === instanceId)!);
  }

  it('should hold A-0101 for li.na, refuse wang.fang the unit, and walk it to a signed contract with a verifiable history', async () => {
    const opening = Date.now();
    const started = await start('li.na', 'A-0101');
    const opened = Date.now();
    expect(started.errors).toBeUndefined();
    const instance = started.data!.startInstance;
    expect(instance).toMatchObject({ status: 'ACTIVE', state: 'prepare_form', businessKey: 'A-0101' });
    expect(instance.context).toMatchObject({ vars: { netPrice: '1840750.00' } });
    // The hold expires 24 h after the opening, however many steps it takes (an absolute timer).
    const holdUntil = Date.parse((instance.context as { vars: { holdUntil: string } }).vars.holdUntil);
    expect(holdUntil).toBeGreaterThanOrEqual(opening - 1000 + 24 * 3600 * 1000);
    expect(holdUntil).toBeLessThanOrEqual(opened + 1000 + 24 * 3600 * 1000);

    // A second consultant for the same unit: refused, naming the confirmation that holds it.
    const racing = await start('wang.fang', 'A-0101');
    expect(codesOf(racing)).toEqual(['BUSINESS_KEY_TAKEN']);
    expect(racing.errors![0].extensions).toMatchObject({ holder: instance.id });
    expect(racing.errors![0].message).toContain(instance.id);

    expect(await inboxes(instance.id)).toEqual({
      'li.na': ['prepare_form'],
      'wang.fang': [],
      'zhang.wei': [],
      'wu.xia': [],
      'sun.li': [],
    });

    // li.na submits the subscription form, signed by the customer.
    const form = await inboxTask('li.na', instance.id);
    const submitted = await decide('li.na', form.id, 'submit_form', { customerSigned: true });
    expect(submitted.errors).toBeUndefined();
    expect(submitted.data!.decideTask.state).toBe('peer_review');
    expect(await inboxes(instance.id)).toEqual({
      'li.na': [],
      'wang.fang': ['peer_review'],
      'zhang.wei': ['peer_review'],
      'wu.xia': [],
      'sun.li': [],
    });

    // The peer review: not the drafter, not another team; wang.fang signs.
    const review = await inboxTask('wang.fang', instance.id);
    expect(codesOf(await decide('li.na', review.id, 'sign'))).toEqual(['SEPARATION_OF_DUTIES']);
    expect(codesOf(await decide('wu.xia', review.id, 'sign'))).toEqual(['FORBIDDEN']);
    const signed = await decide('wang.fang', review.id, 'sign');
    expect(signed.errors).toBeUndefined();
    expect(signed.data!.decideTask.state).toBe('collect_deposit');
    expect(await inboxes(instance.id)).toEqual({
      'li.na': [],
      'wang.fang': [],
      'zhang.wei': [],
      'wu.xia': [],
      'sun.li': ['collect_deposit'],
    });

    // Finance records the deposit with amount and receipt number.
    const collect = await inboxTask('sun.li', instance.id);
    const deposited = await decide('sun.li', collect.id, 'record_deposit', {
      amount: '50000.00',
      receipt: 'RCPT-0001',
    });
    expect(deposited.errors).toBeUndefined();
    // Deposited: the state is `deposited`, the consultant's open task is named `contract`.
    expect(deposited.data!.decideTask).toMatchObject({
      state: 'deposited',
      context: { vars: { deposit: '50000.00', receipt: 'RCPT-0001' } },
    });
    expect(deposited.data!.decideTask.tasks.filter((t) => t.status === 'OPEN')).toMatchObject([
      { name: 'contract', state: 'deposited' },
    ]);
    expect(await inboxes(instance.id)).toEqual({
      'li.na': ['contract'],
      'wang.fang': [],
      'zhang.wei': [],
      'wu.xia': [],
      'sun.li': [],
    });

    // The unit stays held while deposited.
    expect(codesOf(await start('zhang.wei', 'A-0101'))).toEqual(['BUSINESS_KEY_TAKEN']);

    const contract = await inboxTask('li.na', instance.id);
    const done = await decide('li.na', contract.id, 'sign_contract');
    expect(done.errors).toBeUndefined();
    expect(done.data!.decideTask).toMatchObject({ status: 'COMPLETED', state: 'contract_signed' });
    expect(await inboxes(instance.id)).toEqual({
      'li.na': [],
      'wang.fang': [],
      'zhang.wei': [],
      'wu.xia': [],
      'sun.li': [],
    });

    const final = await api.gql<{ instance: InstanceView }>('li.na', INSTANCE, { id: instance.id });
    expect(final.data!.instance).toMatchObject({ status: 'COMPLETED', state: 'contract_signed' });
    expect(final.data!.instance.history!.map((e) => [e.actor?.username ?? null, e.toState])).toEqual([
      ['li.na', 'prepare_form'],
      ['li.na', 'peer_review'],
      ['wang.fang', 'collect_deposit'],
      ['sun.li', 'deposited'],
      ['li.na', 'contract_signed'],
    ]);

    const verified = await api.gql<{ verifyAudit: AuditVerificationView }>('li.na', VERIFY_AUDIT, {
      instanceId: instance.id,
    });
    expect(verified.data!.verifyAudit).toMatchObject({ ok: true, firstBrokenEventId: null });
  });

  it('should let exactly one of two consultants racing for one unit hold it', async () => {
    const results = await Promise.all([start('li.na', 'A-0102'), start('wang.fang', 'A-0102')]);
    const winners = results.filter((r) => r.errors === undefined);
    const losers = results.filter((r) => r.errors !== undefined);
    expect(winners).toHaveLength(1);
    expect(losers.map(codesOf)).toEqual([['BUSINESS_KEY_TAKEN']]);
    expect(losers[0].errors![0].extensions).toMatchObject({ holder: winners[0].data!.startInstance.id });
  });
});
