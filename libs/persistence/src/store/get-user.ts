import type { DirectoryUser } from '@signet/engine';
import { directoryAt, referenceVersion } from './reference-data';
import { readEm } from './store-deps';
import type { StoreDeps } from './store-deps';

/**
 * One user of the org directory as it is now, or null. The API's guard asks this on every request,
 * so it reads only the reference-data stamp (one statement of one row) and takes the user from the
 * directory snapshot steps share (`referenceData`), reloaded when the stamp moved: a role change
 * still takes effect at once. The caller gets its own copy.
 */
export async function getUser(deps: StoreDeps, username: string): Promise<DirectoryUser | null> {
  const em = readEm(deps);
  const directory = await directoryAt(deps.db, em, await referenceVersion(em));
  const user = directory.user(username);
  return user ? { ...user, roles: [...user.roles] } : null;
}
