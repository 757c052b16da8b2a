import { createStore } from '../../src';
import type { SignetStore } from '../../src';
import { createTestDatabase } from '../../src/testing';
import type { TestDatabase } from '../../src/testing';
import { startChild, stopChild, waitUntil } from './support/child-processes';
import type { Child } from './support/child-processes';
import { quickTimerSource } from './support/timed-flows';

/**
 * Real processes on one PostgreSQL: the API (`signet serve`, worker inside), `signet worker` and
 * `signet serve --worker-only`.
 * Every timer must fire exactly once, none lost, including those that came due while all were down.
 */
describe('timers with several processes on one PostgreSQL', () => {
  let test: TestDatabase;
  let store: SignetStore;
  const children: Child[] = [];
  const rows = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
    test.db.orm.em.fork().execute<T[]>(sql, params);
  const pending = async () =>
    (await rows<{ n: number }>(`select count(*)::int as n from timer where status = 'PENDING'`))[0].n;
  const startQuick = (unit: string) =>
    store.startInstance({ flowKey: 'quick_timer', input: { unit }, actor: 'li.na' });

  beforeAll(async () => {
    test = await createTestDatabase({ backend: 'postgres' });
    store = createStore(test.db);
    await store.deployFlow(quickTimerSource, 'zhao.min');
  });
  afterAll(async () => {
    await Promise.all(children.map((c) => stopChild(c, 'SIGKILL')));
    await test?.drop();
  });

  it('should fire each of 200 timers exactly once across an API and two workers, and those due during downtime once after start', async () => {
    const T0 = Date.now();
    const env = {
      DATABASE_URL: test.url!,
      SIGNET_TIMER_POLL_MS: '100',
      SIGNET_JWT_SECRET: 'several-processes-test',
      SIGNET_WEBHOOK_URL: '',
    };
    // Due while nothing runs: 10 timers, a second and a half overdue when the processes come up.
    const early = await Promise.all(Array.from({ length: 10 }, (_, i) => startQuick(`DOWN-${i}`)));
    await new Promise((r) => setTimeout(r, 1500));

    children.push(
      startChild(['bin/signet.js', 'serve', '--port', '0'], env, /Signet timer worker \S+ polling/),
      startChild(['bin/signet.js', 'worker'], env, /Signet worker \S+ polling/),
      // `npm start -- --worker-only` is `signet serve --worker-only`.
      startChild(['bin/signet.js', 'serve', '--worker-only'], env, /Signet worker \S+ polling/),
    );
    // The rest start while the processes boot and run: their timers come due one second after each start.
    const created = [...early.map((i) => i.id)];
    for (let batch = 0; batch < 19; batch++) {
      const started = await Promise.all(Array.from({ length: 10 }, (_, i) => startQuick(`U-${batch}-${i}`)));
      created.push(...started.map((i) => i.id));
    }
    await Promise.all(children.map((c) => c.ready));
    expect(created).toHaveLength(200);
    expect(await waitUntil(async () => (await pending()) === 0, 30_000)).toBe(true);

    const drainedMs = Date.now() - T0;
    const perInstance = await rows<{ instance_id: string; types: string[]; seqs: number[]; state: string }>(
      `select e.instance_id, array_agg(e.type order by e.seq) as types, array_agg(e.seq order by e.seq) as seqs,
              min(i.state) as state
         from instance_event e join instance i on i.id = e.instance_id
        where i.flow_key = 'quick_timer' group by e.instance_id`,
    );
    expect(perInstance).toHaveLength(200);
    for (const i of perInstance) {
      expect([i.types, i.seqs, i.state]).toEqual([['start', 'timer.waiting.0'], [1, 2], 'expired']);
    }
    const timers = await rows<{ status: string; fired_by: string }>(`select status, fired_by from timer`);
    expect(timers.filter((t) => t.status === 'FIRED')).toHaveLength(200);
    // The work was shared: more than one process fired timers.
    expect(new Set(timers.map((t) => t.fired_by)).size).toBeGreaterThan(1);

    // The ones due during downtime fired once, late, and their trace says by how much.
    const late = await rows<{ lateness: number }>(
      `select (trace->'timer'->>'latenessMs')::int as lateness from instance_event
        where type = 'timer.waiting.0' and instance_id = any(?::uuid[])`,
      [`{${early.map((i) => i.id).join(',')}}`],
    );
    expect(late).toHaveLength(10);
    for (const t of late) expect(t.lateness).toBeGreaterThanOrEqual(1000);

    // The API serves the in-process worker's counters.
    const url = children[0].output().match(/ready at (http:\/\/localhost:\d+)\/graphql/)![1];
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toMatch(/^signet_timers_fired_total \d+$/m);
    expect(metrics).toContain('# TYPE signet_timer_lateness_seconds histogram');
    for (const c of children) expect(c.proc.exitCode).toBeNull();
    const by = new Map<string, number>();
    for (const t of timers) by.set(t.fired_by, (by.get(t.fired_by) ?? 0) + 1);
    console.log(
      `several processes: 200 timers fired once each within ${drainedMs} ms of the first start; per process: ${[...by.values()].join(', ')}`,
    );
  }, 60_000);
});
