/** The GraphQL documents the e2e tests send, written as a client would. */

export const INSTANCE_FIELDS = `
  id businessKey status state version context flowKey flowVersion
  startedBy { username }
  flow { key version }
  tasks { id name status decisions candidateRoles assignee { username } decidedBy { username } decision }
`;

export const START_INSTANCE = `
  mutation Start($flowKey: String!, $input: JSON!, $businessKey: String, $idempotencyKey: String) {
    startInstance(flowKey: $flowKey, input: $input, businessKey: $businessKey, idempotencyKey: $idempotencyKey) {
      ${INSTANCE_FIELDS}
    }
  }`;

export const DECIDE_TASK = `
  mutation Decide($taskId: ID!, $decision: String!, $comment: String) {
    decideTask(taskId: $taskId, decision: $decision, comment: $comment) { ${INSTANCE_FIELDS} }
  }`;

export const INSTANCE = `
  query Instance($id: ID!) {
    instance(id: $id) {
      ${INSTANCE_FIELDS}
      history { id seq type actor { username } at fromState toState flowVersion prevHash hash trace }
    }
  }`;

export const INBOX = `
  query Inbox {
    tasks { totalCount edges { cursor node { id name instanceId status instance { id startedBy { username } } } } }
  }`;

export const AUDIT_EVENTS = `
  query Audit($filter: AuditFilter) {
    auditEvents(filter: $filter, first: 100) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id instanceId seq type actor { username } at fromState toState prevHash hash } }
    }
  }`;

export const VERIFY_AUDIT = `
  query Verify($instanceId: ID) { verifyAudit(instanceId: $instanceId) { ok checkedEvents firstBrokenEventId } }`;

/** A discount request input as PROCESSES.md fixes it (money as a decimal string, percent with "%"). */
export function discountInput(discount: string): Record<string, unknown> {
  return { unit: 'A-0101', listPrice: '1850000.00', discount };
}

// Shapes of what the documents above select.

export interface UserRef {
  username: string;
}

export interface TaskView {
  id: string;
  name: string;
  status: string;
  decisions: string[];
  candidateRoles: string[];
  assignee: UserRef | null;
  decidedBy: UserRef | null;
  decision: string | null;
}

export interface HistoryEvent {
  id: string;
  seq: number;
  type: string;
  actor: UserRef | null;
  at: string;
  fromState: string | null;
  toState: string;
  flowVersion: number;
  prevHash: string | null;
  hash: string;
  trace: unknown;
}

export interface InstanceView {
  id: string;
  businessKey: string | null;
  status: string;
  state: string;
  version: number;
  context: unknown;
  flowKey: string;
  flowVersion: number;
  startedBy: UserRef;
  flow: { key: string; version: number };
  tasks: TaskView[];
  history?: HistoryEvent[];
}

export interface InboxTask {
  id: string;
  name: string;
  instanceId: string;
  status: string;
  instance: { id: string; startedBy: UserRef };
}

export interface Connection<T> {
  totalCount: number;
  pageInfo?: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor?: string; node: T }[];
}

export interface AuditVerificationView {
  ok: boolean;
  checkedEvents: number;
  firstBrokenEventId: string | null;
}
