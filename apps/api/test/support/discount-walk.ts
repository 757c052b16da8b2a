import type { HistoryEvent, InboxTask, InstanceView, Connection } from './operations';
import {
  AUDIT_EVENTS,
  DECIDE_TASK,
  INBOX,
  INSTANCE,
  START_INSTANCE,
  VERIFY_AUDIT,
  discountInput,
} from './operations';
import type { AuditVerificationView } from './operations';
import { codesOf, type TestApi } from './test-api';

/**
 * The discount approval walk of issue 2, through GraphQL over HTTP, on whatever database `open`
 * boots the app on. Registered as a describe block so PostgreSQL and PGlite run the same steps.
 */
export function describeDiscountWalk(title: string, open: () => Promise<TestApi>): void {
  describe(title, () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await open();
    });
    afterAll(() => api?.close());

    async function start(requester: string, discount: string): Promise<InstanceView> {
      const r = await api.gql<{ startInstance: InstanceView }>(requester, START_INSTANCE, {
        flowKey: 'discount_approval',
        input: discountInput(discount),
      });
      expect(r.errors).toBeUndefined();
      return r.data!.startInstance;
    }
    async function inboxTaskOf(user: string, instanceId: string): Promise<InboxTask | undefined> {
      const r = await api.gql<{ tasks: Connection<InboxTask> }>(user, INBOX);
      expect(r.errors).toBeUndefined();
      return r.data!.tasks.edges.map((e) => e.node).find((t) => t.instanceId === instanceId);
    }
    async function historyOf(user: string, id: string): Promise<InstanceView & { history: HistoryEvent[] }> {
      const r = await api.gql<{ instance: InstanceView & { history: HistoryEvent[] } }>(user, INSTANCE, {
        id,
      });
      expect(r.errors).toBeUndefined();
      return r.data!.instance;
    }
    function decide(user: string, taskId: string, decision: string) {
      return api.gql<{ decideTask: InstanceView }>(user, DECIDE_TASK, { taskId, decision });
    }

    it('should route a 2 % discount to chen.jie (not wang.fang) and record a verifiable history when chen.jie approves', async () => {
      const started = await start('li.na', '2%');
      expect(started).toMatchObject({
        status: 'ACTIVE',
        state: 'manager_review',
        startedBy: { username: 'li.na' },
      });

      const task = await inboxTaskOf('chen.jie', started.id);
      expect(task).toMatchObject({ name: 'manager_review', status: 'OPEN', instance: { id: started.id } });
      expect(await inboxTaskOf('wang.fang', started.id)).toBeUndefined();

      const decided = await decide('chen.jie', task!.id, 'approve');
      expect(decided.errors).toBeUndefined();
      expect(decided.data!.decideTask).toMatchObject({ status: 'COMPLETED', state: 'approved' });
      const doneTask = decided.data!.decideTask.tasks.find((t) => t.id === task!.id);
      expect(doneTask).toMatchObject({
        status: 'DONE',
        decision: 'approve',
        decidedBy: { username: 'chen.jie' },
      });
      expect(await inboxTaskOf('chen.jie', started.id)).toBeUndefined();

      const { history } = await historyOf('li.na', started.id);
      expect(history.map((e) => [e.seq, e.actor?.username, e.toState])).toEqual([
        [1, 'li.na', 'manager_review'],
        [2, 'chen.jie', 'approved'],
      ]);
      expect(history[1]).toMatchObject({
        type: 'approve',
        fromState: 'manager_review',
        prevHash: history[0].hash,
      });
      for (const event of history) expect(Number.isNaN(Date.parse(event.at))).toBe(false);

      const audit = await api.gql<{ auditEvents: Connection<HistoryEvent> }>('li.na', AUDIT_EVENTS, {
        filter: { instanceId: started.id, ascending: true },
      });
      expect(audit.data!.auditEvents.totalCount).toBe(2);
      expect(audit.data!.auditEvents.edges.map((e) => e.node.hash)).toEqual(history.map((e) => e.hash));

      const verified = await api.gql<{ verifyAudit: AuditVerificationView }>('li.na', VERIFY_AUDIT, {
        instanceId: started.id,
      });
      expect(verified.data!.verifyAudit).toEqual({ ok: true, checkedEvents: 2, firstBrokenEventId: null });
    });

    it('should route an 8 % discount to the vice president when it is beyond every sales role', async () => {
      const started = await start('li.na', '8%');
      expect(started.state).toBe('vp_review');
      const task = await inboxTaskOf('huang.lei', started.id);
      expect(task).toMatchObject({ name: 'vp_review' });
      expect(await inboxTaskOf('chen.jie', started.id)).toBeUndefined();

      const decided = await decide('huang.lei', task!.id, 'approve');
      expect(decided.data!.decideTask).toMatchObject({ status: 'COMPLETED', state: 'approved' });
    });

    it("should approve a 0.5 % discount at once when it is within the requester's authority", async () => {
      const started = await start('li.na', '0.5%');
      expect(started).toMatchObject({ status: 'COMPLETED', state: 'approved', tasks: [] });
    });

    it('should refuse and change nothing when the requester decides her own request', async () => {
      const started = await start('li.na', '2%');
      const r = await decide('li.na', started.tasks[0].id, 'approve');
      expect(['SEPARATION_OF_DUTIES', 'FORBIDDEN']).toContain(codesOf(r)[0]);
      expect(r.data).toBeNull();
      const after = await historyOf('li.na', started.id);
      expect(after).toMatchObject({ state: 'manager_review', version: started.version });
    });

    it('should let exactly one of two concurrent decisions win when both target one task', async () => {
      const started = await start('li.na', '2%');
      const taskId = started.tasks[0].id;
      const results = await Promise.all([
        decide('chen.jie', taskId, 'approve'),
        decide('chen.jie', taskId, 'reject'),
      ]);
      const winners = results.filter((r) => r.errors === undefined);
      const losers = results.filter((r) => r.errors !== undefined);
      expect(winners).toHaveLength(1);
      expect(losers.map(codesOf)).toEqual([['CONFLICT']]);

      const after = await historyOf('li.na', started.id);
      const decisions = after.history.filter((e) => e.type === 'approve' || e.type === 'reject');
      expect(decisions).toHaveLength(1);
      expect(after.state).toBe(winners[0].data!.decideTask.state);
    });
  });
}
