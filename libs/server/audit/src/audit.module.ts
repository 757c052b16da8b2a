import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import type { AuditQueries } from '@signet/persistence';
import { AuditEventConnectionResolver } from './audit-event-connection.resolver';
import { AUDIT_QUERIES } from './audit-queries.token';
import { AuditResolver } from './audit.resolver';
import { ComplaintMonthResolver } from './complaint-month.resolver';
import { ComplianceResolver } from './compliance.resolver';
import { InstanceAtResolver } from './instance-at.resolver';
import { RecordRefusalsInterceptor } from './record-refusals.interceptor';
import { VerificationFieldsResolver } from './verification-fields.resolver';

/**
 * `auditEvents` (its `totalCount` counted on demand), `verifyAudit` (per-instance and global
 * chain), `instanceAt`, the compliance questions and the monthly complaint report (its open items
 * listed when selected), `AuditEvent.actor`, and the interceptor that keeps refused attempts in `refusal_log`.
 */
@Module({})
export class AuditModule {
  static forQueries(audit: AuditQueries): DynamicModule {
    return {
      module: AuditModule,
      providers: [
        { provide: AUDIT_QUERIES, useValue: audit },
        { provide: APP_INTERCEPTOR, useClass: RecordRefusalsInterceptor },
        AuditResolver,
        AuditEventConnectionResolver,
        ComplianceResolver,
        ComplaintMonthResolver,
        InstanceAtResolver,
        VerificationFieldsResolver,
      ],
    };
  }
}
