import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAuditQueries, createStore, createTimerWorker } from '../../src';
import type { AuditQueries, ComplaintMonthRow, SignetStore, TimerWorker } from '../../src';
import { createTestDatabase } from '../../src/testing';
import type { TestDatabase } from '../../src/testing';

const complaintSource = readFileSync(join(__dirname, '../../../../workflows/complaint.flow'), 'utf8');
const HOUR = 3600;

/**
 * Two months of complaints through the shipped flow, the store and the timer worker, on a clock the
 * test sets (every step at a known time), so each figure of the report can be computed by hand.
 *
 * August 2026 (recorded by wu.xia):
 * - A1 normal "water leak": resolved at once in triage after 30 min; closed.
 * - A2 normal "noise": assigned to xu.ting, who replies after 6 h; closed.
 * - A3 normal "water leak": assigned to xu.ting, no reply in 24 h → escalated to ma.lin (breach at
 *   level 0), who replies 27 h after recording; closed.
 * - A4 major "property fee": opens at ma.lin; escalated twice (breaches at levels 0 and 1); liu.yang
 *   replies 49 h after recording; the follow-up call is still to be made (open).
 * - A5 crisis "safety": opens at hu.jun and liu.yang; nobody replies and its escalation timer has not
 *   fired: past its due time it is a breach at level 0; open and unanswered.
 * September 2026:
 * - S1 normal "noise": resolved at once after 1 h; closed.
 * - S2 normal "noise": xu.ting replies after 2 h; follow-up open.
 * - S3 major "water leak": ma.lin replies after 4 h; closed.
 * - S4 normal "parking": not triaged yet (open, unanswered).
 */
describe('the monthly complaint report', () => {
  let test: TestDatabase;
  let store: SignetStore;
  let audit: AuditQueries;
  let worker: TimerWorker;
  let t = Date.parse('2026-08-01T00:00:00.000Z');
  const at = (iso: string) => {
    t = Date.parse(iso);
  };

  async function record(category: string, severity: string, when: string): Promise<string> {
    at(when);
    const instance = await store.startInstance({
      flowKey: 'complaint',
      input: { customer: 'Mr Zhou (A-0101)', channel: 'phone', category, severity, description: '…' },
      actor: 'wu.xia',
    });
    return instance.id;
  }
  async function decide(
    instanceId: string,
    actor: string,
    decision: string,
    payload: { [field: string]: string | number },
    when: string,
  ): Promise<void> {
    at(when);
    const [task] = await store.tasksOfInstance(instanceId, 'OPEN');
    await store.decideTask({ taskId: task.id, decision, actor, payload });
  }
  async function fireTimers(when: string, expected: number): Promise<void> {
    at(when);
    expect(await worker.runOnce()).toMatchObject({ fired: expected });
  }

  beforeAll(async () => {
    test = await createTestDatabase();
    store = createStore(test.db, { now: () => new Date(t) });
    audit = createAuditQueries(test.db);
    worker = createTimerWorker(test.db, { workerId: 'test', now: () => new Date(t) });
    at('2026-07-01T00:00:00.000Z');
    await store.deployFlow(complaintSource, 'zhao.min');

    const a1 = await record('water leak', 'normal', '2026-08-03T09:00:00.000Z');
    await decide(a1, 'wu.xia', 'resolve_now', { answer: 'Fixed.' }, '2026-08-03T09:30:00.000Z');
    await decide(a1, 'wu.xia', 'close', { satisfaction: 5 }, '2026-08-04T09:00:00.000Z');

    const a2 = await record('noise', 'normal', '2026-08-05T09:00:00.000Z');
    await decide(a2, 'wu.xia', 'assign', { to: 'xu.ting' }, '2026-08-05T09:00:00.000Z');
    await decide(a2, 'xu.ting', 'reply', { answer: 'Quiet hours.' }, '2026-08-05T15:00:00.000Z');
    await decide(a2, 'wu.xia', 'close', { satisfaction: 4 }, '2026-08-06T09:00:00.000Z');

    const a3 = await record('water leak', 'normal', '2026-08-10T09:00:00.000Z');
    await decide(a3, 'wu.xia', 'assign', { to: 'xu.ting' }, '2026-08-10T09:00:00.000Z');
    await fireTimers('2026-08-11T09:00:00.000Z', 1);
    await decide(a3, 'ma.lin', 'reply', { answer: 'Plumber on Friday.' }, '2026-08-11T12:00:00.000Z');
    await decide(a3, 'wu.xia', 'close', { satisfaction: 3 }, '2026-08-12T09:00:00.000Z');

    const a4 = await record('property fee', 'major', '2026-08-20T09:00:00.000Z');
    await fireTimers('2026-08-21T09:00:00.000Z', 1);
    await fireTimers('2026-08-22T09:00:00.000Z', 1);
    await decide(a4, 'liu.yang', 'reply', { answer: 'Refund.' }, '2026-08-22T10:00:00.000Z');

    await record('safety', 'crisis', '2026-08-25T09:00:00.000Z');

    const s1 = await record('noise', 'normal', '2026-09-02T09:00:00.000Z');
    await decide(
      s1,
      'wu.xia',
      'resolve_now',
      { answer: 'Talked to the neighbour.' },
      '2026-09-02T10:00:00.000Z',
    );
    await decide(s1, 'wu.xia', 'close', { satisfaction: 4 }, '2026-09-03T08:00:00.000Z');
    const s2 = await record('noise', 'normal', '2026-09-03T09:00:00.000Z');
    await decide(s2, 'wu.xia', 'assign', { to: 'xu.ting' }, '2026-09-03T09:00:00.000Z');
    await decide(s2, 'xu.ting', 'reply', { answer: 'Works end Friday.' }, '2026-09-03T11:00:00.000Z');
    const s3 = await record('water leak', 'major', '2026-09-04T09:00:00.000Z');
    await decide(s3, 'ma.lin', 'reply', { answer: 'Repaired.' }, '2026-09-04T13:00:00.000Z');
    await decide(s3, 'wu.xia', 'close', { satisfaction: 5 }, '2026-09-05T09:00:00.000Z');
    await record('parking', 'normal', '2026-09-05T09:00:00.000Z');
  });
  afterAll(() => test?.drop());

  it('should count August by category and severity, with reply percentiles, breaches per level and open items', async () => {
    const [august] = await audit.complaintReport({
      from: new Date('2026-08-15T00:00:00Z'),
      to: new Date('2026-08-31T23:00:00Z'),
    });
    const replies = [0.5 * HOUR, 6 * HOUR, 27 * HOUR, 49 * HOUR];
    // By hand: sorted 1800, 21600, 97200, 176400; p50 halfway between 21600 and 97200, p90 at rank 2.7.
    expect(percentile(replies, 0.5)).toBe(59400);
    expect(percentile(replies, 0.9)).toBeCloseTo(152640, 6);
    expect(august).toEqual<ComplaintMonthRow>({
      month: '2026-08',
      complaints: 5,
      openItems: 2,
      answered: 4,
      replyP50Seconds: 59400,
      replyP90Seconds: expect.closeTo(152640, 6) as number,
      breaches: 4,
      byCategory: [
        group('noise', 1, 0, [6 * HOUR], 0),
        group('property fee', 1, 1, [49 * HOUR], 2),
        group('safety', 1, 1, [], 1),
        group('water leak', 2, 0, [0.5 * HOUR, 27 * HOUR], 1),
      ],
      bySeverity: [
        group('crisis', 1, 1, [], 1),
        group('major', 1, 1, [49 * HOUR], 2),
        group('normal', 3, 0, [0.5 * HOUR, 6 * HOUR, 27 * HOUR], 1),
      ],
      breachesByLevel: [
        { level: 0, breaches: 3, complaints: 3, openItems: 2 },
        { level: 1, breaches: 1, complaints: 1, openItems: 1 },
      ],
    });
  });

  it('should report September apart, with its open items and no breach, newest month first', async () => {
    const months = await audit.complaintReport({});
    expect(months.map((m) => m.month)).toEqual(['2026-09', '2026-08']);
    const [september] = months;
    expect(september).toMatchObject({
      complaints: 4,
      openItems: 2,
      answered: 3,
      replyP50Seconds: 2 * HOUR,
      breaches: 0,
      breachesByLevel: [],
    });
    expect(september.replyP90Seconds).toBeCloseTo(percentile([HOUR, 2 * HOUR, 4 * HOUR], 0.9)!, 6);
    expect(september.replyP90Seconds).toBeCloseTo(12960, 6);
    expect(september.bySeverity.map((g) => [g.key, g.complaints, g.openItems])).toEqual([
      ['major', 1, 0],
      ['normal', 3, 2],
    ]);
    expect(september.byCategory.map((g) => [g.key, g.complaints])).toEqual([
      ['noise', 2],
      ['parking', 1],
      ['water leak', 1],
    ]);
  });

  it('should leave out the months outside the range', async () => {
    await expect(audit.complaintReport({ from: new Date('2026-10-01T00:00:00Z') })).resolves.toEqual([]);
    const months = await audit.complaintReport({ to: new Date('2026-08-01T00:00:00Z') });
    expect(months.map((m) => m.month)).toEqual(['2026-08']);
  });

  describe('open items', () => {
    // Ages and overdue flags are as of this moment (the queries' clock).
    const now = new Date('2026-09-10T09:00:00.000Z');
    const report = () => createAuditQueries(test.db, { now: () => now });
    const days = (d: number) => d * 24 * HOUR;

    it("should list the month's open complaints oldest first with the task each waits on, its owners and whether it is overdue", async () => {
      const august = await report().openComplaints({
        from: new Date('2026-08-15T00:00:00Z'),
        to: new Date('2026-08-15T00:00:00Z'),
      });
      expect(august).toEqual([
        {
          instanceId: expect.any(String) as string,
          customer: 'Mr Zhou (A-0101)',
          category: 'property fee',
          severity: 'major',
          channel: 'phone',
          recordedAt: new Date('2026-08-20T09:00:00.000Z'),
          recordedBy: 'wu.xia',
          state: 'follow_up',
          ageSeconds: days(21),
          task: {
            taskId: expect.any(String) as string,
            name: 'follow_up',
            assignee: 'wu.xia',
            candidateUsers: [],
            candidateRoles: [],
            escalationLevel: 0,
            // The follow-up call's SLA (72 h) from the reply on 08-22 10:00.
            dueAt: new Date('2026-08-25T10:00:00.000Z'),
            overdue: true,
          },
        },
        expect.objectContaining({
          category: 'safety',
          severity: 'crisis',
          recordedAt: new Date('2026-08-25T09:00:00.000Z'),
          state: 'reply',
          ageSeconds: days(16),
          task: expect.objectContaining({
            name: 'reply',
            candidateUsers: ['hu.jun', 'liu.yang'],
            escalationLevel: 0,
            dueAt: new Date('2026-08-26T09:00:00.000Z'),
            overdue: true,
          }) as object,
        }) as object,
      ]);
      // As many as the report's count of open items for the month.
      const [month] = await audit.complaintReport({ from: august[0].recordedAt, to: august[0].recordedAt });
      expect(month.openItems).toBe(august.length);
    });

    it('should stop after `first` across months and leave out closed complaints and other months', async () => {
      const all = await report().openComplaints({});
      expect(all.map((c) => [c.category, c.state, c.task?.name])).toEqual([
        ['property fee', 'follow_up', 'follow_up'],
        ['safety', 'reply', 'reply'],
        ['noise', 'follow_up', 'follow_up'],
        ['parking', 'triage', 'triage'],
      ]);
      const parking = all[3];
      expect(parking.task).toMatchObject({ candidateRoles: ['cs_agent'], overdue: true });
      await expect(report().openComplaints({ first: 3 })).resolves.toEqual(all.slice(0, 3));
      await expect(report().openComplaints({ first: 0 })).resolves.toEqual([]);
      const september = await report().openComplaints({ from: new Date('2026-09-30T23:00:00Z') });
      expect(september.map((c) => c.category)).toEqual(['noise', 'parking']);
      await expect(report().openComplaints({ from: new Date('2026-10-01T00:00:00Z') })).resolves.toEqual([]);
    });

    it('should refuse a negative page size', async () => {
      await expect(report().openComplaints({ first: -1 })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    });
  });

  it('should agree with the documented view audit_complaint_monthly', async () => {
    const rows = await test.db.orm.em
      .fork()
      .execute<{ dimension: string; key: string | null; breaches: number }[]>(
        `select dimension, key, breaches from audit_complaint_monthly
          where month = '2026-08-01' and dimension in ('all', 'level') order by dimension, key`,
      );
    expect(rows).toEqual([
      { dimension: 'all', key: null, breaches: 4 },
      { dimension: 'level', key: '0', breaches: 3 },
      { dimension: 'level', key: '1', breaches: 1 },
    ]);
  });
});

/** percentile_cont by hand: linear interpolation between the closest ranks (null for no values). */
function percentile(values: number[], p: number): number | null {
  const sorted = [...values].sort((a, b) => a - b);
  if (!sorted.length) return null;
  const rank = p * (sorted.length - 1);
  const low = Math.floor(rank);
  return sorted[low] + (rank - low) * ((sorted[low + 1] ?? sorted[low]) - sorted[low]);
}

/** The expected report row of a category or severity, its percentiles computed by hand. */
function group(key: string, complaints: number, openItems: number, replies: number[], breaches: number) {
  const p90 = percentile(replies, 0.9);
  return {
    key,
    complaints,
    openItems,
    answered: replies.length,
    replyP50Seconds: percentile(replies, 0.5),
    replyP90Seconds: p90 === null ? null : (expect.closeTo(p90, 6) as number),
    breaches,
  };
}
