import type { MigrationObject } from '@mikro-orm/core';
import { Migration0001DefinitionsInstancesEvents } from './0001-definitions-instances-events';
import { Migration0002TasksTimersOutbox } from './0002-tasks-timers-outbox';
import { Migration0003OrgDirectory } from './0003-org-directory';
import { Migration0004TimersOutboxCalendar } from './0004-timers-outbox-calendar';
import { Migration0005AuditChainRefusalsViews } from './0005-audit-chain-refusals-views';
import { Migration0006TaskCandidateUsers } from './0006-task-candidate-users';
import { Migration0007IdempotencyResponse } from './0007-idempotency-response';
import { Migration0008TaskVotedUsers } from './0008-task-voted-users';
import { Migration0009AuditAtScaleComplaintReport } from './0009-audit-at-scale-complaint-report';
import { Migration0010ReferenceDataVersion } from './0010-reference-data-version';

export { APPEND_ONLY_SQLSTATE } from './0001-definitions-instances-events';

/**
 * Every schema change, in order. Hand-written SQL (no schema sync), identical on PostgreSQL and the
 * embedded PGlite. Append new migrations; never edit one that has shipped.
 */
export const migrationsList: MigrationObject[] = [
  { name: '0001-definitions-instances-events', class: Migration0001DefinitionsInstancesEvents },
  { name: '0002-tasks-timers-outbox', class: Migration0002TasksTimersOutbox },
  { name: '0003-org-directory', class: Migration0003OrgDirectory },
  { name: '0004-timers-outbox-calendar', class: Migration0004TimersOutboxCalendar },
  { name: '0005-audit-chain-refusals-views', class: Migration0005AuditChainRefusalsViews },
  { name: '0006-task-candidate-users', class: Migration0006TaskCandidateUsers },
  { name: '0007-idempotency-response', class: Migration0007IdempotencyResponse },
  { name: '0008-task-voted-users', class: Migration0008TaskVotedUsers },
  { name: '0009-audit-at-scale-complaint-report', class: Migration0009AuditAtScaleComplaintReport },
  { name: '0010-reference-data-version', class: Migration0010ReferenceDataVersion },
];
