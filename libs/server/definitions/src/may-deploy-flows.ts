import type { DirectoryUser } from '@signet/engine';

/** The role that may deploy flow definitions (PROCESSES.md, "The demo organisation"). */
export const FLOW_ADMIN_ROLE = 'flow_admin';

/** Only flow admins deploy; anyone may check a source. */
export function mayDeployFlows(user: DirectoryUser): boolean {
  return user.roles.includes(FLOW_ADMIN_ROLE);
}
