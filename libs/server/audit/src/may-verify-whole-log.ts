import type { DirectoryUser } from '@signet/engine';

/** Roles that may verify the whole event log at once (it spans every instance, seen or not). */
export const WHOLE_LOG_ROLES = ['auditor', 'flow_admin'];

/** Anyone verifies the instances they see; only auditors and flow admins the whole log. */
export function mayVerifyWholeLog(user: DirectoryUser): boolean {
  return user.roles.some((role) => WHOLE_LOG_ROLES.includes(role));
}
