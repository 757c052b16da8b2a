import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { createStore } from '../src';
import type { SignetStore } from '../src';
import { createTestDatabase, testBackend } from '../src/testing';
import type { TestDatabase } from '../src/testing';
import { openReview } from './support/discount-requests';
import { discountFlowSource, steppingClock } from './support/fixtures';

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

const scansOf = (node: PlanNode): string[] => [
  ...(node['Relation Name'] ? [`${node['Node Type']} ${node['Relation Name']}`] : []),
  ...(node.Plans ?? []).flatMap(scansOf),
];

/**
 * The step's write closes its decided task by id (ADR 0020): PostgreSQL estimates 100 rows for
 * `jsonb_to_recordset`, and joined the task table by scanning all of it on every decision until it
 * was large; the ids are also given as an array the planner sees.
 */
describe("the step's write", () => {
  let test: TestDatabase;
  let store: SignetStore;
  let em: SqlEntityManager;

  beforeAll(async () => {
    test = await createTestDatabase();
    store = createStore(test.db, { now: steppingClock() });
    em = test.db.orm.em.fork();
    await store.deployFlow(discountFlowSource, 'zhao.min');
  });
  afterAll(() => test?.drop());

  (testBackend() === 'postgres' ? it : it.skip)(
    'should find the task it closes by its key, not by scanning the task table',
    async () => {
      // A few thousand decided tasks, as a database a while in use (or a benchmark) holds.
      const done = await openReview(store);
      await store.decideTask({ taskId: done.taskId, decision: 'approve', actor: 'chen.jie' });
      await em.execute(
        `insert into task select (jsonb_populate_record(t, jsonb_build_object('id', gen_random_uuid()))).*
         from task t, generate_series(1, 3000) where t.id = ?::uuid`,
        [done.taskId],
      );
      await em.execute('analyze task');

      const { taskId } = await openReview(store);
      const sent: string[] = [];
      const original = Client.prototype.query;
      const proto = Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
      proto.query = function (this: Client, ...args: unknown[]) {
        const first = args[0] as string | { text: string };
        sent.push(typeof first === 'string' ? first : first.text);
        return (original as (...a: unknown[]) => unknown).apply(this, args);
      };
      try {
        await store.decideTask({ taskId, decision: 'approve', actor: 'chen.jie' });
      } finally {
        proto.query = original;
      }
      const write = sent.find((s) => s.startsWith('with u as (update instance'));
      if (!write) throw new Error(`no step write among the statements sent: ${sent.join('\n')}`);
      expect(write).toContain('update task t');
      const [{ 'QUERY PLAN': plan }] = await em.execute<{ 'QUERY PLAN': [{ Plan: PlanNode }] }[]>(
        `explain (format json) ${write}`,
      );
      const scans = scansOf(plan[0].Plan);
      expect(scans.filter((s) => /Scan task$/.test(s))).toEqual([
        expect.stringMatching(/^Index .*Scan task$/),
      ]);
    },
  );
});
