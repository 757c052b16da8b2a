/**
 * A process the crash test kills with SIGKILL at random moments: it starts instances of the `chaos`
 * flow, decides open tasks (several at once, so some conflict) and fires due timers, in a loop, until
 * it is killed. `node scripts/run-ts.js libs/persistence/test/durability/support/chaos-process.ts`
 * with CHAOS_DATABASE_URL and CHAOS_RUN set. Prints `ready` once its first instance has started (so
 * a kill after that lands in the middle of real work); exits 1 on any error that is not an expected
 * refusal.
 */
import { createStore, createTimerWorker, isProcessError, openDatabase } from '../../../src';

/** Refusals the racing loop provokes on purpose: lost races and tasks closed meanwhile. */
const EXPECTED = new Set(['CONFLICT', 'TASK_CANCELLED', 'EVENT_NOT_ACCEPTED']);

async function main(): Promise<void> {
  const url = process.env['CHAOS_DATABASE_URL'];
  const run = process.env['CHAOS_RUN'] ?? '0';
  if (!url) throw new Error('CHAOS_DATABASE_URL is not set');
  const db = await openDatabase({ url });
  const store = createStore(db);
  const worker = createTimerWorker(db, { workerId: `chaos-${run}`, batchSize: 10 });
  const em = () => db.orm.em.fork();

  // Two loops start instances and decide random open tasks (two deciders racing per task); a third
  // fires due timers. All share the process, so a kill interrupts several transactions at once.
  const decideLoop = async (loop: number): Promise<never> => {
    for (let n = 0; ; n++) {
      await store.startInstance({
        flowKey: 'chaos',
        input: { unit: `R${run}-${loop}-${n}` },
        actor: 'li.na',
      });
      if (loop === 0 && n === 0) process.stdout.write('ready\n');
      const open = await em().execute<{ id: string }[]>(
        `select id from task where status = 'OPEN' order by random() limit 2`,
      );
      const decisions = open.flatMap((t) =>
        [0, 1].map(() => store.decideTask({ taskId: t.id, decision: 'approve', actor: 'chen.jie' })),
      );
      for (const result of await Promise.allSettled(decisions)) {
        if (
          result.status === 'rejected' &&
          !(isProcessError(result.reason) && EXPECTED.has(result.reason.code))
        ) {
          throw result.reason;
        }
      }
    }
  };
  const timerLoop = async (): Promise<never> => {
    for (;;) {
      await worker.runOnce();
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  await Promise.all([decideLoop(0), decideLoop(1), timerLoop()]);
}

main().catch((error: unknown) => {
  console.error('chaos process failed:', error);
  process.exit(1);
});
