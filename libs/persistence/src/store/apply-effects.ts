import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { Json } from '@signet/dsl';
import type {
  CancelTimerEffect,
  CloseTaskEffect,
  Effect,
  OpenTaskEffect,
  ScheduleTimerEffect,
} from '@signet/engine';
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
      case 'cancelTimer':
        await cancelTimer(em, effect, now);
        break;
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

/**
 * A step's task and timer writes not yet sent: `applyStepEffects` collects them, `writeStep` sends them
 * with the instance update in one statement (`flushWrites` earlier, if an effect needs them in the
 * database first).
 */
export interface StepWrites {
  instanceId: string;
  now: Date;
  calendar: string;
  opens: OpenTaskEffect[];
  closes: CloseTaskEffect[];
  timers: ScheduleTimerEffect[];
}

/**
 * `applyEffects` for a step of an existing instance, without the unit of work on its hot path: task
 * opens and closes and new timers are collected as `writes` (the same rows `applyEffects` creates);
 * re-assignments and timer cancellations go through the unit of work as before, after the writes
 * collected so far are sent (they may name a task or timer this very step created).
 */
export async function applyStepEffects(
  em: SqlEntityManager,
  instanceId: string,
  effects: Effect[],
  now: Date,
  calendar: string = DEFAULT_CALENDAR,
): Promise<{ notifications: OutboxMessage[]; writes: StepWrites }> {
  const notifications: OutboxMessage[] = [];
  const writes: StepWrites = { instanceId, now, calendar, opens: [], closes: [], timers: [] };
  for (const effect of effects) {
    switch (effect.type) {
      case 'openTask':
        writes.opens.push(effect);
        break;
      case 'closeTask':
        writes.closes.push(effect);
        break;
      case 'scheduleTimer':
        writes.timers.push(effect);
        break;
      case 'cancelTimer':
        await flushWrites(em, writes);
        await cancelTimer(em, effect, now);
        break;
      case 'reassignTask':
        await flushWrites(em, writes);
        notifications.push(...(await reassignTask(em, instanceId, effect)));
        break;
      case 'notify':
        notifications.push({ key: effect.key, to: effect.to, template: effect.template });
        break;
    }
  }
  return { notifications, writes };
}

/** Sends the collected writes now (one statement) and empties them. */
async function flushWrites(em: SqlEntityManager, writes: StepWrites): Promise<void> {
  if (!writes.opens.length && !writes.closes.length && !writes.timers.length) return;
  const { sql, params, closes } = writesSql(writes);
  const [row] = await em.execute<{ closed: number | string }[]>(
    `with ${sql} select ${closes} as closed`,
    params,
  );
  checkClosed(writes, Number(row.closed));
  writes.opens = [];
  writes.closes = [];
  writes.timers = [];
}

/** The instance row a step leaves behind (see `writeStep`). */
export interface InstanceUpdate {
  id: string;
  version: number;
  status: string;
  state: string;
}

/**
 * The step's writes before its event, in one statement: the instance update with its optimistic
 * version check (`… where id = $1 and version = $2`, bumping `version`) and the collected task
 * closes, task opens and timers. Returns false when the version check matched no row: another writer
 * won, and the caller reports CONFLICT (the transaction rolls everything back).
 */
export async function writeStep(
  em: SqlEntityManager,
  instance: InstanceUpdate,
  data: { context: Json; snapshot: Json; now: Date },
  writes: StepWrites,
): Promise<boolean> {
  const params: unknown[] = [
    instance.status,
    instance.state,
    JSON.stringify(data.context),
    JSON.stringify(data.snapshot),
    data.now.toISOString(),
    instance.id,
    instance.version,
  ];
  let sql = `with u as (update instance set status = ?, state = ?, context = ?::jsonb, snapshot = ?::jsonb,
      updated_at = ?::timestamptz, version = version + 1 where id = ?::uuid and version = ? returning 1)`;
  let closes = '0';
  if (writes.opens.length || writes.closes.length || writes.timers.length) {
    const more = writesSql(writes);
    sql += `, ${more.sql}`;
    params.push(...more.params);
    closes = more.closes;
  }
  const [row] = await em.execute<{ updated: number | string; closed: number | string }[]>(
    `${sql} select (select count(*) from u) as updated, ${closes} as closed`,
    params,
  );
  if (Number(row.updated) === 0) return false;
  checkClosed(writes, Number(row.closed));
  return true;
}

/** The CTEs writing `writes`: closes, opens, timers, each one parameter of JSON rows. */
function writesSql(writes: StepWrites): { sql: string; params: unknown[]; closes: string } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const at = writes.now.toISOString();
  let closes = '0';
  if (writes.closes.length) {
    parts.push(`c as (update task t set status = x.status, decision = x.decision, decided_by = x.decided_by,
        comment = x.comment, decided_at = ?::timestamptz
      from jsonb_to_recordset(?::jsonb) as x(id uuid, status text, decision text, decided_by text, comment text)
      where t.id = x.id and t.id = any(?::uuid[]) returning t.id)`);
    params.push(
      at,
      JSON.stringify(
        writes.closes.map((e) => ({
          id: e.taskId,
          status: e.status,
          decision: e.decision,
          decided_by: e.decidedBy,
          comment: e.comment,
        })),
      ),
      // The ids again, as an array the planner can see: it estimates 100 rows for
      // jsonb_to_recordset, and while the task table is small (a new database, a benchmark) joined
      // it by scanning the whole table, every step (ADR 0020). Uuids need no quoting in the literal.
      `{${writes.closes.map((e) => e.taskId).join(',')}}`,
    );
    closes = '(select count(*) from c)';
  }
  if (writes.opens.length) {
    parts.push(`o as (insert into task (id, instance_id, name, state, title, decisions, assignee, candidate_roles,
        candidate_team, candidate_users, voted_users, excluded_users, status, due_at, created_at, decided_by,
        decision, comment, decided_at, escalation_level)
      select x.id, ?::uuid, x.name, x.state, x.title, x.decisions, x.assignee, x.candidate_roles, x.candidate_team,
        x.candidate_users, '{}', x.excluded_users, 'OPEN', x.due_at, ?::timestamptz, null, null, null, null, 0
      from jsonb_to_recordset(?::jsonb) as x(id uuid, name text, state text, title text, decisions text[],
        assignee text, candidate_roles text[], candidate_team text, candidate_users text[], excluded_users text[],
        due_at timestamptz))`);
    params.push(
      writes.instanceId,
      at,
      JSON.stringify(
        writes.opens.map((e) => ({
          id: e.taskId,
          name: e.name,
          state: e.state,
          title: e.title,
          decisions: e.decisions,
          assignee: e.assignee,
          candidate_roles: e.candidateRoles,
          candidate_team: e.candidateTeam,
          candidate_users: e.candidateUsers ?? [],
          excluded_users: e.excludedUsers,
          due_at: e.dueAt ? new Date(e.dueAt).toISOString() : null,
        })),
      ),
    );
  }
  if (writes.timers.length) {
    parts.push(`tm as (insert into timer (id, instance_id, event, state, after, due_at, status, created_at,
        fired_at, cancelled_at, calendar, fired_by, lateness_ms, cancel_reason)
      select x.id, ?::uuid, x.event, x.state, x.after, x.due_at, 'PENDING', ?::timestamptz, null, null, ?,
        null, null, null
      from jsonb_to_recordset(?::jsonb) as x(id uuid, event text, state text, after text, due_at timestamptz))`);
    params.push(
      writes.instanceId,
      at,
      writes.calendar,
      JSON.stringify(
        writes.timers.map((e) => ({
          id: e.timerId,
          event: e.event,
          state: e.state,
          after: e.after,
          due_at: new Date(e.dueAt).toISOString(),
        })),
      ),
    );
  }
  return { sql: parts.join(', '), params, closes };
}

/** A close naming a task that does not exist is an engine bug, as in `applyEffects`. */
function checkClosed(writes: StepWrites, closed: number): void {
  if (closed === writes.closes.length) return;
  const ids = writes.closes.map((e) => e.taskId).join(', ');
  throw new Error(`engine closed task(s) ${ids}, of which only ${closed} were ever opened`);
}

async function cancelTimer(em: SqlEntityManager, effect: CancelTimerEffect, now: Date): Promise<void> {
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
