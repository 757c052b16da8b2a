import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { CloseTaskEffect, Effect, NotifyEffect, OpenTaskEffect } from '@signet/engine';
import { OutboxEntity, TaskEntity, TimerEntity } from '../entities';
import type { InstanceEntity } from '../entities';

/**
 * Executes a step's effects inside its transaction: tasks and timers join the unit of work;
 * notifications are returned for `writeOutbox`, which runs after the flush (the outbox row refers to
 * the instance). Effects naming a task or timer that does not exist are engine bugs and throw.
 */
export async function applyEffects(
  em: SqlEntityManager,
  instance: InstanceEntity,
  effects: Effect[],
  now: Date,
): Promise<NotifyEffect[]> {
  const notifications: NotifyEffect[] = [];
  for (const effect of effects) {
    switch (effect.type) {
      case 'openTask':
        openTask(em, instance, effect, now);
        break;
      case 'closeTask':
        await closeTask(em, effect, now);
        break;
      case 'scheduleTimer':
        em.create(TimerEntity, {
          id: effect.timerId,
          instance,
          event: effect.event,
          state: effect.state,
          after: effect.after,
          dueAt: new Date(effect.dueAt),
          status: 'PENDING',
          createdAt: now,
          firedAt: null,
          cancelledAt: null,
        });
        break;
      case 'cancelTimer': {
        const timer = await em.findOne(TimerEntity, { id: effect.timerId });
        if (!timer) throw new Error(`engine cancelled timer ${effect.timerId}, which was never scheduled`);
        // A timer that just fired is left as FIRED: cancelling is only about pending deliveries.
        if (timer.status === 'PENDING') Object.assign(timer, { status: 'CANCELLED', cancelledAt: now });
        break;
      }
      case 'notify':
        notifications.push(effect);
        break;
    }
  }
  return notifications;
}

function openTask(em: SqlEntityManager, instance: InstanceEntity, effect: OpenTaskEffect, now: Date): void {
  em.create(TaskEntity, {
    id: effect.taskId,
    instance,
    name: effect.name,
    state: effect.state,
    title: effect.title,
    decisions: effect.decisions,
    assignee: effect.assignee,
    candidateRoles: effect.candidateRoles,
    candidateTeam: effect.candidateTeam,
    excludedUsers: effect.excludedUsers,
    status: 'OPEN',
    dueAt: effect.dueAt ? new Date(effect.dueAt) : null,
    createdAt: now,
    decidedBy: null,
    decision: null,
    comment: null,
    decidedAt: null,
  });
}

async function closeTask(em: SqlEntityManager, effect: CloseTaskEffect, now: Date): Promise<void> {
  const task = await em.findOne(TaskEntity, { id: effect.taskId });
  if (!task) throw new Error(`engine closed task ${effect.taskId}, which was never opened`);
  Object.assign(task, {
    status: effect.status,
    decision: effect.decision,
    decidedBy: effect.decidedBy,
    comment: effect.comment,
    decidedAt: now,
  });
}

/**
 * Records notifications in the outbox. The dedupe key is the engine's key scoped by instance; the
 * same notification recorded twice (a replayed step) is stored once.
 */
export async function writeOutbox(
  em: SqlEntityManager,
  instanceId: string,
  notifications: NotifyEffect[],
  now: Date,
  newId: () => string,
): Promise<void> {
  for (const n of notifications) {
    await em
      .createQueryBuilder(OutboxEntity)
      .insert({
        id: newId(),
        dedupeKey: `${instanceId}:${n.key}`,
        kind: 'notify',
        instanceId,
        payload: { to: n.to, template: n.template, instanceId },
        createdAt: now,
        deliveredAt: null,
        attempts: 0,
      })
      .onConflict(['dedupeKey'])
      .ignore()
      .execute('run');
  }
}
