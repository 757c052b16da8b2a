import type { AuditEventRecord, Page } from '../../src';
import { auditFixture, requestDiscount } from './support';
import type { AuditFixture } from './support';

const auditor = { username: 'qian.hui', roles: ['auditor'], team: 'internal_audit' };
const ids = (page: Page<AuditEventRecord>) => page.items.map((i) => Number(i.node.id));

describe('auditEvents filters and pages', () => {
  let f: AuditFixture;

  beforeAll(async () => {
    f = await auditFixture();
    f.setClock('2026-10-01T09:00:00.000Z');
    for (const who of ['li.na', 'wang.fang']) {
      const { taskId } = await requestDiscount(f.store, who, '2%');
      await f.store.decideTask({ taskId: taskId!, decision: 'approve', actor: 'chen.jie' });
    }
    f.setClock('2026-10-10T09:00:00.000Z');
    await requestDiscount(f.store, 'zhang.wei', '0.5%');
    await f.store.startInstance({ flowKey: 'peer_review', input: { unit: 'A-0102' }, actor: 'li.na' });
  });
  afterAll(() => f?.test.drop());

  it('should walk every event newest first and oldest first when following cursors', async () => {
    const seen: number[][] = [[], []];
    for (const [n, ascending] of [false, true].entries()) {
      let after: string | undefined;
      for (;;) {
        const page = await f.store.auditEvents({ ascending }, { first: 2, after }, auditor);
        expect(page.totalCount).toBe(6);
        seen[n].push(...ids(page));
        if (!page.hasNextPage) break;
        after = page.endCursor!;
      }
    }
    expect(seen[0]).toEqual([6, 5, 4, 3, 2, 1]);
    expect(seen[1]).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('should combine flow, actor, type and time filters with AND', async () => {
    const q = (filter: object) => f.store.auditEvents(filter, { first: 50 }, auditor).then(ids);
    await expect(q({ actor: 'chen.jie' })).resolves.toEqual([4, 2]);
    await expect(q({ type: 'start', flowKey: 'discount_approval' })).resolves.toEqual([5, 3, 1]);
    await expect(q({ flowKey: 'peer_review' })).resolves.toEqual([6]);
    await expect(
      q({ after: new Date('2026-10-05T00:00:00Z'), before: new Date('2026-10-11T00:00:00Z') }),
    ).resolves.toEqual([6, 5]);
    const [first] = await f.store
      .auditEvents({ ascending: true }, { first: 1 }, auditor)
      .then((p) => p.items);
    await expect(q({ instanceId: first.node.instanceId })).resolves.toEqual([2, 1]);
  });

  it('should show a consultant only the events of instances they started or may act on', async () => {
    const viewer = { username: 'zhang.wei', roles: ['consultant'], team: 'sunrise_sales' };
    const page = await f.store.auditEvents({}, { first: 50 }, viewer);
    // 5: the request zhang.wei started; 6: li.na's peer review, which a consultant colleague may decide.
    expect(ids(page)).toEqual([6, 5]);
  });

  it('should refuse a cursor when it comes from another list', async () => {
    const tasks = await f.store.listTasks(null, { first: 1 }, auditor);
    await expect(
      f.store.auditEvents({}, { first: 1, after: tasks.endCursor! }, auditor),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
