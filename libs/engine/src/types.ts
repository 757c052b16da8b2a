/**
 * The engine's public contract. The engine is pure: time, ids and the org directory come in through
 * `EngineContext`; it returns the next snapshot, the effects for the caller to execute, and a trace
 * of what decided the step. It never performs I/O.
 */
import type { BusinessCalendar, Json } from '@signet/dsl';

/** A user as the org directory knows them, at the moment of the step. */
export interface DirectoryUser {
  username: string;
  displayName: string;
  roles: string[];
  team: string | null;
  superior: string | null;
  /** Personal discount authority overriding the roles' (`"1%"`), or null to use the roles'. */
  discountAuthority: string | null;
}

/** Read-only view of the org directory, loaded by the caller before the step. */
export interface Directory {
  user(username: string): DirectoryUser | undefined;
  /** Discount authority of a role: `"3%"`, `null` = unlimited, `undefined` = role unknown or none set. */
  roleAuthority(role: string): string | null | undefined;
  /** The usernames holding `role`, sorted; empty when nobody does or the role is unknown. */
  membersOf(role: string): string[];
  /** The usernames in `team`, sorted; empty when nobody is or the team is unknown. */
  teamMembers(team: string): string[];
}

export interface EngineContext {
  /** The event's time, ISO-8601 UTC. The engine has no clock of its own. */
  now: string;
  /** Username of the caller; null for timer events and system actions. */
  actor: string | null;
  directory: Directory;
  /** Source of fresh ids (task ids, timer ids). Deterministic in tests. */
  newId(): string;
  /**
   * The business calendar for `workdays` (weekends, holidays, make-up working days), loaded by the
   * caller; absent = Monday to Friday.
   */
  calendar?: BusinessCalendar;
}

/** An event sent to an instance: a task decision (`approve`), a plain event, or a timer (`timer.…`). */
export interface EngineEvent {
  type: string;
  /** For task decisions: the task being decided (checked against the current state's open task). */
  taskId?: string;
  comment?: string;
  payload?: Json;
}

/** The persisted XState snapshot (from `getPersistedSnapshot`), stored as JSON. */
export type PersistedSnapshot = Json;

export interface OpenTaskEffect {
  type: 'openTask';
  taskId: string;
  name: string;
  state: string;
  title: string;
  decisions: string[];
  /** A single named assignee, when the task is assigned to one user. */
  assignee: string | null;
  candidateRoles: string[];
  candidateTeam: string | null;
  /** Users excluded by `separateFrom` when the task opened (the check is repeated at decision time). */
  excludedUsers: string[];
  /** ISO time the SLA ends, if the task declares one. */
  dueAt: string | null;
  /**
   * For `assignee users(…)` (added after the first contract; absent otherwise): the users who may
   * decide — with `approval …`, each of them votes once on the same task.
   */
  candidateUsers?: string[];
}

export interface CloseTaskEffect {
  type: 'closeTask';
  taskId: string;
  name: string;
  state: string;
  status: 'DONE' | 'CANCELLED';
  decision: string | null;
  decidedBy: string | null;
  comment: string | null;
}

export interface ScheduleTimerEffect {
  type: 'scheduleTimer';
  timerId: string;
  event: string;
  state: string;
  /** ISO time the timer is due. */
  dueAt: string;
  /** The duration as written (`"24h"`, `"2 workdays"`). */
  after: string;
}

export interface CancelTimerEffect {
  type: 'cancelTimer';
  timerId: string;
  event: string;
  state: string;
}

export interface NotifyEffect {
  type: 'notify';
  to: string;
  template: string;
  /** Deduplication key for the outbox. */
  key: string;
}

/**
 * The open task moves to other deciders without a state change: an escalation to the next level
 * (`after 24h escalate to superior(…)`, the SLA restarting there) or a delegation and its return.
 */
export interface ReassignTaskEffect {
  type: 'reassignTask';
  taskId: string;
  name: string;
  state: string;
  reason: 'escalation' | 'delegation' | 'return';
  /** Escalation level after this change (0 = the original assignment). */
  level: number;
  previousAssignee: string | null;
  assignee: string | null;
  candidateRoles: string[];
  candidateTeam: string | null;
  excludedUsers: string[];
  /** The restarted SLA, if any. */
  dueAt: string | null;
}

export type Effect =
  | OpenTaskEffect
  | CloseTaskEffect
  | ReassignTaskEffect
  | ScheduleTimerEffect
  | CancelTimerEffect
  | NotifyEffect;

export interface GuardTrace {
  state: string;
  event: string | null;
  target: string;
  /** The guard as written; absent for unguarded transitions. */
  guard?: string;
  result: boolean;
  /** Values of the references the guard read, canonical JSON (e.g. `{"input.discount":"2%"}`). */
  values: Record<string, Json>;
}

export interface TableTrace {
  table: string;
  hit: string;
  inputs: Json[];
  /** 1-based row numbers that matched, and their source lines. */
  rows: { row: number; line: number }[];
  output: Json;
  /** A table used from another flow (`use … from …`): the flow version its rows came from. */
  origin?: { flow: string; version: number; hash: string };
}

export interface CheckTrace {
  check: 'assignee' | 'separateFrom';
  passed: boolean;
  detail: string;
}

/** A `set` action that ran: what it stored and the values it read (e.g. the table inputs that routed). */
export interface ActionTrace {
  state: string;
  /** The action as written: `set var.reviewer`. */
  action: string;
  value: Json;
  values: Record<string, Json>;
}

export interface Trace {
  flow: { key: string; version: number; hash: string };
  event: string;
  from: string;
  to: string;
  guards: GuardTrace[];
  tables: TableTrace[];
  checks: CheckTrace[];
  /** `set` actions run during the step, in order (added after the first contract; absent in older traces). */
  actions?: ActionTrace[];
}

export type EngineErrorCode =
  | 'BAD_INPUT' // input does not match the declared input; payload invalid
  | 'UNKNOWN_EVENT' // the flow never accepts this event type
  | 'DECISION_NOT_OFFERED' // the task does not offer this decision
  | 'EVENT_NOT_ACCEPTED' // the current state does not accept the event, or its guards refuse it
  | 'TASK_NOT_OPEN' // the event names a task that is not the open task of the current state
  | 'FORBIDDEN' // the actor is not a candidate for the task / may not start the flow
  | 'SEPARATION_OF_DUTIES' // the actor is excluded by a four-eyes rule
  | 'INSTANCE_DONE'; // the instance is in a final state

export interface EngineError {
  code: EngineErrorCode;
  message: string;
  /** For BAD_INPUT: which fields and why. */
  details?: { path: string; message: string }[];
}

export interface StepOk {
  ok: true;
  snapshot: PersistedSnapshot;
  /** Active state path (`"manager_review"`, `"review.chief_engineer"`). */
  state: string;
  status: 'ACTIVE' | 'COMPLETED';
  /** The instance context after the step (input, requester, vars, decisions), canonical JSON. */
  context: Json;
  effects: Effect[];
  trace: Trace;
  /** From `start` only: the business key the flow declares (`key input.unit …`), if it declares one. */
  businessKey?: string | null;
}

export interface StepFailed {
  ok: false;
  error: EngineError;
}

export type StepResult = StepOk | StepFailed;
