import { Module } from '@nestjs/common';
import { AuditResolver } from './audit.resolver';

/** `auditEvents`, `verifyAudit` and `AuditEvent.actor`. */
@Module({ providers: [AuditResolver] })
export class AuditModule {}
