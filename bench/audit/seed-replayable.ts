/**
 * Instances written by real steps, for `instanceAt`. The set-based seed writes logs the engine would
 * not (a start without the whole input, `remind` events the discount flow does not have), so replaying
 * them stops at the start and a benchmark of `instanceAt` on them times a refused start, not a replay.
 * These go through the store and the timer worker on a simulated clock spread over the seed's year:
 * per pair, a complaint that is assigned, escalated three times by its reply timer (supervisor →
 * manager → director), answered by the director and closed (7 events, with task and timer ids to feed
 * back), and a discount request reviewed by the sales director (2 events).
 * `seed.ts` adds them; `add-replayable.ts` adds them to a database seeded before it did.
 */
import { createStore, createTimerWorker } from '@signet/persistence';
import type { SignetDatabase } from '@signet/persistence';
import { BENCH_START } from './seed-sql';

/** What marks these instances: the complaint's customer and the discount's unit start with it. */
export const REPLAYABLE = 'Replayable';
const DAY = 24 * 3600 * 1000;

export async function seedReplayable(db: SignetDatabase, pairs: number): Promise<void> {
  let t = 0;
  const now = () => new Date(t);
  const store = createStore(db, { now });
  const timers = createTimerWorker(db, { now, workerId: 'bench-replayable' });
  const step = Math.floor((365 * DAY) / pairs);
  for (let k = 0; k < pairs; k++) {
    const start = Date.parse(BENCH_START) + k * step + 9 * 3600 * 1000;
    t = start;
    const complaint = await store.startInstance({
      flowKey: 'complaint',
      actor: 'wu.xia',
      input: {
        customer: `${REPLAYABLE} ${k}`,
        channel: 'phone',
        category: 'water leak',
        severity: 'normal',
        description: 'Water leaks from the bathroom ceiling.',
      },
    });
    const [triage] = await store.tasksOfInstance(complaint.id, 'OPEN');
    t = start + 5 * 60 * 1000;
    await store.decideTask({
      taskId: triage.id,
      decision: 'assign',
      payload: { to: 'xu.ting' },
      actor: 'wu.xia',
    });
    for (let level = 1; level <= 3; level++) {
      t = start + 5 * 60 * 1000 + level * DAY;
      const run = await timers.runOnce();
      if (run.fired !== 1)
        throw new Error(
          `replayable complaint ${k}: expected one escalation at level ${level}, fired ${run.fired}`,
        );
    }
    const [reply] = await store.tasksOfInstance(complaint.id, 'OPEN');
    t += 3600 * 1000;
    await store.decideTask({
      taskId: reply.id,
      decision: 'reply',
      payload: { answer: 'Repair on Monday.' },
      actor: 'liu.yang',
    });
    const [followUp] = await store.tasksOfInstance(complaint.id, 'OPEN');
    t += DAY;
    await store.decideTask({
      taskId: followUp.id,
      decision: 'close',
      payload: { satisfaction: 3 },
      actor: 'wu.xia',
    });

    t = start + 2 * 3600 * 1000;
    const discount = await store.startInstance({
      flowKey: 'discount_approval',
      actor: 'li.na',
      input: { unit: `${REPLAYABLE}-${k}`, listPrice: '1850000.00', discount: '4%' },
    });
    const [review] = await store.tasksOfInstance(discount.id, 'OPEN');
    t += 6 * 3600 * 1000;
    await store.decideTask({ taskId: review.id, decision: 'approve', comment: 'ok', actor: 'liu.yang' });
  }
}
