import { ObjectType } from '@nestjs/graphql';
import { AuditEvent } from '../models/audit-event.model';
import { Instance } from '../models/instance.model';
import { Task } from '../models/task.model';
import { Connection } from './connection';

@ObjectType()
export class InstanceConnection extends Connection(Instance, 'Instance') {}

@ObjectType()
export class TaskConnection extends Connection(Task, 'Task') {}

@ObjectType()
export class AuditEventConnection extends Connection(AuditEvent, 'AuditEvent') {}
