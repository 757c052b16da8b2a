import type { AuditFilter } from '../../src';
import { auditFixture, requestDiscount } from './support';
import type { AuditFixture } from './support';

const auditor = { username: 'qian.hui', roles: ['auditor'], team: 'internal_audit' };

/**
 * `pageAuditEvents` reads a narrow filter (actor, time range) through its own index and sorts the
 * matches instead of walking the log: the pages must be the same as the log order, cursor by cursor.
 */
describe('auditEvents pages of a narrow filter', () => {
  let f: AuditFixture;

  beforeAll(async () => {
    f = await auditFixture();
    for (const [day, who] of [
      ['2026-10-01', 'li.na'],
      ['2026-10-02', 'wang.fang'],
      ['2026-10-03', 'li.na'],
      ['2026-10-04', 'zhang.wei'],
    ]) {
      f.setClock(`${day}T09:00:00.000Z`);
      const { taskId } = await requestDiscount(f.store, who, '2%');
      await f.store.decideTask({ taskId: taskId!, decision: 'approve', actor: 'chen.jie' });
    }
  });
  afterAll(() => f?.test.drop());

  async function walk(filter: AuditFilter): Promise<string[]> {
    const ids: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await f.store.pageAuditEvents(filter, { first: 1, after }, auditor);
      ids.push(...page.items.map((i) => i.node.id));
      if (!page.hasNextPage) return ids;
      after = page.endCursor!;
    }
  }

  it.each<[string, AuditFilter]>([
    ['an actor', { actor: 'chen.jie' }],
    ['an actor in a time range', { actor: 'chen.jie', after: new Date('2026-10-02T00:00:00Z') }],
    ['a time range', { after: new Date('2026-10-02T00:00:00Z'), before: new Date('2026-10-04T00:00:00Z') }],
  ])('should page %s in log order, one event per page, both ways', async (_, filter) => {
    const everything = (
      await f.store.pageAuditEvents({ ascending: true }, { first: 500 }, auditor)
    ).items.map((i) => i.node);
    const expected = everything
      .filter((e) => filter.actor === undefined || e.actor === filter.actor)
      .filter((e) => !filter.after || e.at > filter.after)
      .filter((e) => !filter.before || e.at < filter.before)
      .map((e) => e.id);
    expect(expected.length).toBeGreaterThan(1);
    await expect(walk({ ...filter, ascending: true })).resolves.toEqual(expected);
    await expect(walk(filter)).resolves.toEqual([...expected].reverse());
    const counted = await f.store.countAuditEvents(filter, auditor);
    expect(counted).toBe(expected.length);
  });
});
