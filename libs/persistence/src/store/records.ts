import type { FlowDefinitionEntity, InstanceEntity, InstanceEventEntity, TaskEntity } from '../entities';
import type { AuditEventRecord, FlowDefinitionRecord, InstanceRecord, TaskRecord } from '../store';

/** Entity → record: the plain, ORM-free shapes the API layer receives. */
export function flowRecord(e: FlowDefinitionEntity): FlowDefinitionRecord {
  return {
    id: e.id,
    key: e.key,
    version: e.version,
    title: e.title,
    source: e.source,
    ir: e.ir,
    hash: e.hash,
    deployedAt: e.deployedAt,
    deployedBy: e.deployedBy,
  };
}

export function instanceRecord(e: InstanceEntity): InstanceRecord {
  return {
    id: e.id,
    definitionId: e.definition.id,
    flowKey: e.flowKey,
    flowVersion: e.flowVersion,
    businessKey: e.businessKey,
    status: e.status,
    state: e.state,
    context: e.context,
    version: e.version,
    startedBy: e.startedBy,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
  };
}

export function taskRecord(e: TaskEntity): TaskRecord {
  return {
    id: e.id,
    instanceId: e.instance.id,
    name: e.name,
    state: e.state,
    title: e.title,
    decisions: [...e.decisions],
    assignee: e.assignee,
    candidateRoles: [...e.candidateRoles],
    candidateTeam: e.candidateTeam,
    candidateUsers: [...e.candidateUsers],
    excludedUsers: [...e.excludedUsers],
    status: e.status,
    dueAt: e.dueAt,
    createdAt: e.createdAt,
    decidedBy: e.decidedBy,
    decision: e.decision,
    comment: e.comment,
    decidedAt: e.decidedAt,
  };
}

export function auditEventRecord(e: InstanceEventEntity): AuditEventRecord {
  return {
    id: e.id,
    instanceId: e.instance.id,
    seq: e.seq,
    type: e.type,
    actor: e.actor,
    at: e.at,
    fromState: e.fromState,
    toState: e.toState,
    flowVersion: e.flowVersion,
    definitionHash: e.definitionHash,
    payload: e.payload,
    trace: e.trace,
    prevHash: e.prevHash,
    hash: e.hash,
  };
}
