/**
 * The persistence facade the API, the CLI and (later) the timer worker use. Every mutation is one
 * PostgreSQL transaction: load → engine.start/step → write instance (optimistic version), append the
 * hash-chained event, project tasks, timers and outbox notifications. Failures are `ProcessError`s
 * with a stable code; nothing is written when one is thrown. Lists are newest first.
 */
import type { Diagnostic, FlowIR, Json } from '@signet/dsl';
import type { DirectoryUser } from '@signet/engine';

export type ProcessErrorCode =
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'FLOW_INVALID'
  | 'EVENT_NOT_ACCEPTED'
  | 'FORBIDDEN'
  | 'SEPARATION_OF_DUTIES'
  | 'CONFLICT'
  | 'BUSINESS_KEY_TAKEN';

export interface FlowDefinitionRecord {
  id: string;
  key: string;
  version: number;
  title: string;
  source: string;
  ir: FlowIR;
  hash: string;
  deployedAt: Date;
  deployedBy: string | null;
}

export type InstanceStatus = 'ACTIVE' | 'COMPLETED' | 'CANCELLED';
export type TaskStatus = 'OPEN' | 'DONE' | 'CANCELLED';

export interface InstanceRecord {
  id: string;
  definitionId: string;
  flowKey: string;
  flowVersion: number;
  businessKey: string | null;
  status: InstanceStatus;
  state: string;
  context: Json;
  version: number;
  startedBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface TaskRecord {
  id: string;
  instanceId: string;
  name: string;
  state: string;
  title: string;
  decisions: string[];
  assignee: string | null;
  candidateRoles: string[];
  candidateTeam: string | null;
  /** Users who may decide, for tasks assigned to a list of users. */
  candidateUsers: string[];
  excludedUsers: string[];
  status: TaskStatus;
  dueAt: Date | null;
  createdAt: Date;
  decidedBy: string | null;
  decision: string | null;
  comment: string | null;
  decidedAt: Date | null;
}

export interface AuditEventRecord {
  id: string;
  instanceId: string;
  seq: number;
  type: string;
  actor: string | null;
  at: Date;
  fromState: string | null;
  toState: string;
  flowVersion: number;
  /** Hash of the flow definition (IR) the step ran under: the exact rule version. */
  definitionHash: string;
  payload: Json;
  trace: Json;
  prevHash: string | null;
  hash: string;
}

export interface AuditVerificationResult {
  ok: boolean;
  checkedEvents: number;
  firstBrokenEventId: string | null;
}

/** Relay-style page request/response; cursors are opaque strings. */
export interface PageRequest {
  first?: number;
  after?: string;
}
export interface Page<T> {
  items: { cursor: string; node: T }[];
  totalCount: number;
  hasNextPage: boolean;
  endCursor: string | null;
}
/** A page without its `totalCount`, for lists whose count is asked for separately. */
export type PageSlice<T> = Omit<Page<T>, 'totalCount'>;

/** Who is asking: visibility rules (auditor sees all; others what they started, acted on or may act on). */
export interface Viewer {
  username: string;
  roles: string[];
  team: string | null;
}

export interface InstanceFilter {
  flowKey?: string;
  status?: InstanceStatus;
  state?: string;
  businessKey?: string;
  startedBy?: string;
  createdAfter?: Date;
  createdBefore?: Date;
}
export interface TaskFilter {
  status?: TaskStatus;
  assignee?: string;
  role?: string;
  instanceId?: string;
  flowKey?: string;
  overdue?: boolean;
}
export interface AuditFilter {
  instanceId?: string;
  flowKey?: string;
  actor?: string;
  type?: string;
  after?: Date;
  before?: Date;
  /** Oldest first when true (default newest first). */
  ascending?: boolean;
}

export interface StartInstanceCommand {
  flowKey: string;
  input: unknown;
  businessKey?: string | null;
  actor: string;
  idempotencyKey?: string | null;
}
export interface SendEventCommand {
  instanceId: string;
  type: string;
  payload?: Json;
  expectedVersion?: number | null;
  actor: string;
  idempotencyKey?: string | null;
}
/** Moves an active instance to a newer version of its flow (see `migrateInstance` in the engine). */
export interface MigrateInstanceCommand {
  instanceId: string;
  toVersion: number;
  /** The client's view of the instance version; a different current version → CONFLICT. */
  expectedVersion?: number | null;
  actor: string;
  /** Run every check and return the instance as it would be, writing nothing. */
  dryRun?: boolean;
}
export interface DecideTaskCommand {
  taskId: string;
  decision: string;
  comment?: string | null;
  payload?: Json;
  actor: string;
  idempotencyKey?: string | null;
}

export interface SignetStore {
  // flow definitions
  deployFlow(source: string, deployedBy: string): Promise<FlowDefinitionRecord>;
  listFlows(): Promise<FlowDefinitionRecord[]>;
  getFlow(key: string, version?: number): Promise<FlowDefinitionRecord | null>;
  getFlowById(id: string): Promise<FlowDefinitionRecord | null>;

  // instances and tasks
  startInstance(cmd: StartInstanceCommand): Promise<InstanceRecord>;
  sendEvent(cmd: SendEventCommand): Promise<InstanceRecord>;
  decideTask(cmd: DecideTaskCommand): Promise<InstanceRecord>;
  /**
   * Moves an active instance to version `toVersion` of its flow in one transaction, with an
   * `instance.migrated` audit event; a refused migration is BAD_USER_INPUT naming the reason.
   */
  migrateInstance(cmd: MigrateInstanceCommand): Promise<InstanceRecord>;
  getInstance(id: string, viewer: Viewer): Promise<InstanceRecord | null>;
  listInstances(filter: InstanceFilter, page: PageRequest, viewer: Viewer): Promise<Page<InstanceRecord>>;
  /** With no filter: the viewer's inbox (open tasks the viewer may decide now). */
  listTasks(filter: TaskFilter | null, page: PageRequest, viewer: Viewer): Promise<Page<TaskRecord>>;
  /** `listTasks` without `totalCount`: one ordered statement, however many tasks match. */
  pageTasks(filter: TaskFilter | null, page: PageRequest, viewer: Viewer): Promise<PageSlice<TaskRecord>>;
  /** The `totalCount` of `listTasks`: an exact count over every match (its cost grows with them). */
  countTasks(filter: TaskFilter | null, viewer: Viewer): Promise<number>;
  /** Oldest first. No visibility check: call it for an instance the viewer was allowed to see. */
  tasksOfInstance(instanceId: string, status?: TaskStatus): Promise<TaskRecord[]>;
  getTask(id: string, viewer: Viewer): Promise<TaskRecord | null>;

  // audit
  auditEvents(filter: AuditFilter, page: PageRequest, viewer: Viewer): Promise<Page<AuditEventRecord>>;
  /** `auditEvents` without `totalCount`: one statement ordered by the event id, however many match. */
  pageAuditEvents(
    filter: AuditFilter,
    page: PageRequest,
    viewer: Viewer,
  ): Promise<PageSlice<AuditEventRecord>>;
  /** The `totalCount` of `auditEvents`: exact, by index-only scans (its cost grows with the matches). */
  countAuditEvents(filter: AuditFilter, viewer: Viewer): Promise<number>;
  /** Every event of the instance in `seq` order. No visibility check (as `tasksOfInstance`). */
  history(instanceId: string): Promise<AuditEventRecord[]>;
  /** Recomputes the hash chain of one instance (NOT_FOUND if it does not exist) or of the whole log. */
  verifyAudit(instanceId?: string): Promise<AuditVerificationResult>;

  // org directory
  getUser(username: string): Promise<DirectoryUser | null>;
}

/** Diagnostics travel with FLOW_INVALID errors. */
export interface ProcessErrorDetails {
  diagnostics?: Diagnostic[];
  fields?: { path: string; message: string }[];
  holder?: string;
}
