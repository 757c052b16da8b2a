import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { Json } from '@signet/dsl';
import type { CloseTaskEffect, Effect, OpenTaskEffect } from '@signet/engine';
import { DEFAULT_CALENDAR } from '../calendar/calendar-rules';
import { OutboxEntity, TaskEntity, TimerEntity } from '../entities';
import type { InstanceEntity } from '../entities';
import { reassignTask } from './reassign-task';

/** A message for the outbox: who, which template, the dedupe key (scoped by instance), extra data. */
export interface OutboxMessage {
  key: string;
  to: string;
  template: string;
  data?: { [key: string]: Json };
}

/**
 * Executes a step's effects inside its transaction: tasks and timers join the unit of work (a timer
 * records `calendar`, the business calendar its due time was counted in); notifications, including
 * those of a re-assigned task's old and new assignees, are returned for `writeOutbox`, which runs after
 * the flush (the outbox row refers to the instance). Effects naming a task or timer that does not
 * exist are engine bugs and throw.
 */
export async function applyEffects(
  em: SqlEntityManager,
  instance: InstanceEntity,
  effects: Effect[],
  now: Date,
  calendar: string = DEFAULT_CALENDAR,
): Promise<OutboxMessage[]> {
  const notifications: OutboxMessage[] = [];
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
          calendar,
          firedBy: null,
          latenessMs: null,
          cancelReason: null,
        });
        break;
      case 'cancelTimer': {
        const timer = await em.findOne(TimerEntity, { id: effect.timerId });
        if (!timer) throw new Error(`engine cancelled timer ${effect.timerId}, which was never scheduled`);
        // A timer that just fired is left as FIRED: cancelling is only about pending deliveries.
        if (timer.status === 'PENDING') {
          Object.assign(timer, {
            status: 'CANCELLED',
            cancelledAt: now,
            cancelReason: `left ${effect.state}`,
          });
        }
        break;
      }
      case 'reassignTask':
        notifications.push(...(await reassignTask(em, instance.id, effect)));
        break;
      case 'notify':
        notifications.push({ key: effect.key, to: effect.to, template: effect.template });
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
    candidateUsers: effect.candidateUsers ?? [],
    votedUsers: [],
    excludedUsers: effect.excludedUsers,
    status: 'OPEN',
    dueAt: effect.dueAt ? new Date(effect.dueAt) : null,
    createdAt: now,
    decidedBy: null,
    decision: null,
    comment: null,
    decidedAt: null,
    escalationLevel: 0,
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
 * Records notifications in the outbox. The dedupe key is the message's key scoped by instance; the
 * same notification recorded twice (a replayed step) is stored once.
 */
export async function writeOutbox(
  em: SqlEntityManager,
  instanceId: string,
  notifications: OutboxMessage[],
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
        payload: { to: n.to, template: n.template, instanceId, ...n.data },
        createdAt: now,
        deliveredAt: null,
        attempts: 0,
        nextAttemptAt: null,
        lastError: null,
        deliveredBy: null,
      })
      .onConflict(['dedupeKey'])
      .ignore()
      .execute('run');
  }
}
