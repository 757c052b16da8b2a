import type { DirectoryUser } from '@signet/engine';

/** The role that may move running instances to another flow version: the one that deploys flows. */
export const FLOW_ADMIN_ROLE = 'flow_admin';

/** Only flow admins migrate instances: moving one changes which rules decide it from then on. */
export function mayMigrateInstances(user: DirectoryUser): boolean {
  return user.roles.includes(FLOW_ADMIN_ROLE);
}
