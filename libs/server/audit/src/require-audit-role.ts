import type { DirectoryUser } from '@signet/engine';
import { ApiException } from '@signet/server-common';
import { mayVerifyWholeLog } from './may-verify-whole-log';

/**
 * The compliance questions span every instance, so only auditors and flow admins may ask them
 * (the same roles that verify the whole log). Anyone else gets FORBIDDEN naming the question.
 */
export function requireAuditRole(user: DirectoryUser, question: string): void {
  if (!mayVerifyWholeLog(user)) {
    throw ApiException.forbidden(`${user.username} may not read ${question} (auditors and flow admins only)`);
  }
}
