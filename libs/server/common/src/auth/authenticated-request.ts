import type { DirectoryUser } from '@signet/engine';
import type { Viewer } from '@signet/persistence';

/** The HTTP request as the auth guard leaves it: the caller, loaded fresh from the org directory. */
export interface AuthenticatedRequest {
  headers: Record<string, string | string[] | undefined>;
  user?: DirectoryUser;
}

/** The GraphQL context the Apollo driver builds for each request. */
export interface GraphqlContext {
  req: AuthenticatedRequest;
}

/** What the store needs to know about the caller to apply visibility rules. */
export function viewerOf(user: DirectoryUser): Viewer {
  return { username: user.username, roles: user.roles, team: user.team };
}
