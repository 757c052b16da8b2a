import { join } from 'node:path';
import { createStore, createTimerWorker } from '../../src';
import type { SignetStore } from '../../src';
import { createTestDatabase } from '../../src/testing';
import type { TestDatabase } from '../../src/testing';
import { CHAOS_TRANSITIONS, chaosSource } from './support/chaos-flow';
import { startChild, stopChild } from './support/child-processes';
import type { Child } from './support/child-processes';

const CHAOS_PROCESS = join(__dirname, 'support/chaos-process.ts');
const RESTARTS = 20;

interface EventRow {
  instance_id: string;
  seq: number;
  type: string;
  from_state: string | null;
  to_state: string;
  task_id: string | null;
  timer_id: string | null;
}

/**
 * A process that starts instances, decides tasks (two deciders racing per task) and fires timers is
 * killed with SIGKILL at a random moment, 20 times; the next one is already booting when it dies.
 * Whatever came due while nothing ran is fired afterwards. The log must then be whole and explain
 * every instance.
 */
describe('crash safety under SIGKILL', () => {
  let test: TestDatabase;
  let store: SignetStore;
  const rows = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
    test.db.orm.em.fork().execute<T[]>(sql, params);

  beforeAll(async () => {
    test = await createTestDatabase({ backend: 'postgres' });
    store = createStore(test.db);
    await store.deployFlow(chaosSource, 'zhao.min');
    // Work waiting from the first run on: tasks to decide, timers coming due.
    for (let i = 0; i < 30; i++)
      await store.startInstance({ flowKey: 'chaos', input: { unit: `S-${i}` }, actor: 'li.na' });
  });
  afterAll(() => test?.drop());

  it('should keep every log gap-free, chained and explaining its instance after 20 SIGKILLs', async () => {
    const spawnRun = (run: number): Child =>
      startChild(
        ['scripts/run-ts.js', CHAOS_PROCESS],
        { CHAOS_DATABASE_URL: test.url!, CHAOS_RUN: String(run) },
        /^ready$/m,
      );
    const t0 = Date.now();
    let next = spawnRun(0);
    for (let run = 0; run < RESTARTS; run++) {
      const current = next;
      await current.ready;
      if (run + 1 < RESTARTS) next = spawnRun(run + 1);
      await new Promise((r) => setTimeout(r, 200 + Math.floor(Math.random() * 1000)));
      const ended = await stopChild(current, 'SIGKILL');
      // Killed by us, not dead of its own error.
      expect([ended.signal, current.output().includes('failed') ? current.output() : '']).toEqual([
        'SIGKILL',
        '',
      ]);
    }

    const runsMs = Date.now() - t0;
    // Downtime is over: everything that came due fires now, once; then nothing is left waiting.
    const worker = createTimerWorker(test.db, { workerId: 'after-the-crashes' });
    for (let round = 0; round < 3; round++) {
      await new Promise((r) => setTimeout(r, 1100));
      await worker.runOnce();
    }
    expect(await rows(`select id from timer where status = 'PENDING'`)).toEqual([]);
    const afterCrashes = new Set(
      (await rows<{ id: string }>(`select id from timer where fired_by = 'after-the-crashes'`)).map(
        (t) => t.id,
      ),
    );

    const instances = await rows<{ id: string; state: string; status: string; version: number }>(
      `select id, state, status, version from instance where flow_key = 'chaos'`,
    );
    expect(instances.length).toBeGreaterThan(30 + RESTARTS);
    const events = await rows<EventRow>(
      `select instance_id, seq, type, from_state, to_state, payload->>'taskId' as task_id,
              trace->'timer'->>'id' as timer_id
         from instance_event order by instance_id, seq`,
    );
    const byInstance = new Map<string, EventRow[]>();
    for (const e of events) byInstance.set(e.instance_id, [...(byInstance.get(e.instance_id) ?? []), e]);
    const firedTimers = new Set(
      (await rows<{ id: string }>(`select id from timer where status = 'FIRED'`)).map((t) => t.id),
    );
    const doneTasks = new Set(
      (await rows<{ id: string }>(`select id from task where status = 'DONE'`)).map((t) => t.id),
    );

    for (const instance of instances) {
      const log = byInstance.get(instance.id) ?? [];
      // Gap-free, one event per version, and every transition one the flow declares, chained state to state.
      expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));
      expect(instance.version).toBe(log.length);
      log.forEach((e, i) => {
        expect(CHAOS_TRANSITIONS).toContain(`${e.from_state ?? ''} --${e.type}--> ${e.to_state}`);
        expect(e.from_state).toBe(i === 0 ? null : log[i - 1].to_state);
      });
      // Every instance finished (nothing lost), in the state its last event names.
      expect([instance.state, instance.status]).toEqual([log[log.length - 1].to_state, 'COMPLETED']);
      // Each timer and each decision was applied once, and is recorded as such.
      const timerIds = log.filter((e) => e.timer_id !== null).map((e) => e.timer_id!);
      const taskIds = log.filter((e) => e.task_id !== null).map((e) => e.task_id!);
      expect(new Set(timerIds).size).toBe(timerIds.length);
      expect(new Set(taskIds).size).toBe(taskIds.length);
      for (const id of timerIds) expect(firedTimers).toContain(id);
      for (const id of taskIds) expect(doneTasks).toContain(id);
    }
    expect(firedTimers.size).toBe(events.filter((e) => e.timer_id !== null).length);
    expect(doneTasks.size).toBe(events.filter((e) => e.task_id !== null).length);
    expect(await rows(`select id from task where status = 'OPEN'`)).toEqual([]);

    // The killed processes did real work: decisions and timers beyond what the final worker fired.
    const killedWork = events.filter(
      (e) => e.type === 'approve' || (e.timer_id !== null && !afterCrashes.has(e.timer_id)),
    );
    expect(killedWork.length).toBeGreaterThan(RESTARTS);

    const audits = await Promise.all(instances.map((i) => store.verifyAudit(i.id)));
    expect(audits.filter((a) => !a.ok)).toEqual([]);
    console.log(
      `crash test: ${RESTARTS} SIGKILLs in ${runsMs} ms, ${instances.length} instances, ${events.length} events, ` +
        `${firedTimers.size} timers fired (${afterCrashes.size} after the crashes), ${doneTasks.size} decisions`,
    );
    // 20 child processes each load the TypeScript sources (~3 s alone, ~10 s on two busy cores): the
    // limit is about a hung test, not speed, so it leaves room for a loaded machine.
  }, 300_000);
});
