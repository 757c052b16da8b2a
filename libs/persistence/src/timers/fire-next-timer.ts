import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { TimerEntity } from '../entities';
import { ProcessError } from '../errors/process-error';
import { advanceInstance } from '../store/advance-instance';
import { mutate } from '../store/store-deps';
import type { StoreDeps } from '../store/store-deps';

/** What happened to the timer one claim found; `null` from `fireNextTimer` when none was due. */
export type TimerOutcome =
  | { outcome: 'fired'; timerId: string; instanceId: string; latenessMs: number }
  | { outcome: 'cancelled'; timerId: string; instanceId: string; reason: string };

/**
 * Claims the oldest due PENDING timer that no other worker holds (`FOR UPDATE SKIP LOCKED`) and, in
 * that same transaction, either delivers it — the `timer.*` event through the normal step with actor
 * null, the trace recording due time, fire time, lateness, worker and calendar — and marks it FIRED,
 * or marks it CANCELLED when its instance no longer waits for it (ended, or the engine refuses the
 * event). A crash before commit leaves it PENDING; a concurrent step on the instance makes the
 * commit fail (CONFLICT, thrown), and the timer is claimed again on a later poll. Either way it is
 * delivered at most once per commit, and exactly once overall.
 */
export async function fireNextTimer(deps: StoreDeps, workerId: string): Promise<TimerOutcome | null> {
  const now = deps.now();
  const context: { instanceId?: string } = {};
  return mutate(deps, context, async (em) => {
    const timer = await claimDueTimer(em, now);
    if (!timer) return null;
    const instance = timer.instance;
    context.instanceId = instance.id;
    const ids = { timerId: timer.id, instanceId: instance.id };
    if (instance.status !== 'ACTIVE' || !armedTimers(instance.context).includes(timer.id)) {
      const reason = instance.status !== 'ACTIVE' ? `instance ${instance.status}` : `no longer armed`;
      Object.assign(timer, { status: 'CANCELLED', cancelledAt: now, cancelReason: reason });
      return { outcome: 'cancelled', ...ids, reason };
    }

    const latenessMs = Math.max(0, now.getTime() - timer.dueAt.getTime());
    // Marked before the step: the step's own cancelTimer effect for this timer then leaves it FIRED.
    Object.assign(timer, { status: 'FIRED', firedAt: now, firedBy: workerId, latenessMs });
    const traceTimer = {
      id: timer.id,
      after: timer.after,
      dueAt: timer.dueAt.toISOString(),
      firedAt: now.toISOString(),
      latenessMs,
      workerId,
      calendar: timer.calendar,
    };
    try {
      await advanceInstance(
        deps,
        em,
        {
          instanceId: instance.id,
          event: { type: timer.event },
          actor: null,
          traceExtra: { timer: traceTimer },
        },
        now,
      );
    } catch (error) {
      // The engine refused the event before anything was written (a guard said no, the state has no
      // such transition any more): the timer is spent. Conflicts and failures roll the claim back.
      if (!(error instanceof ProcessError) || error.code === 'CONFLICT') throw error;
      const reason = `refused: ${error.code}: ${error.message}`;
      Object.assign(timer, {
        status: 'CANCELLED',
        firedAt: null,
        firedBy: null,
        latenessMs: null,
        cancelledAt: now,
        cancelReason: reason,
      });
      return { outcome: 'cancelled', ...ids, reason };
    }
    return { outcome: 'fired', ...ids, latenessMs };
  });
}

async function claimDueTimer(em: SqlEntityManager, now: Date): Promise<TimerEntity | null> {
  const [row] = await em.execute<{ id: string }[]>(
    `select id from timer where status = 'PENDING' and due_at <= ?
      order by due_at, id limit 1 for update skip locked`,
    [now],
  );
  if (!row) return null;
  return em.findOneOrFail(TimerEntity, { id: row.id }, { populate: ['instance'] });
}

/** The ids of the timers the instance's context says it is waiting on. */
function armedTimers(context: unknown): string[] {
  const timers = (context as { timers?: { id?: unknown }[] } | null)?.timers;
  return Array.isArray(timers) ? timers.map((t) => String(t.id)) : [];
}
