import type { Directory, DirectoryUser } from '../types';

/** An organisation as plain data: users, and the discount authority of each role that has one. */
export interface OrganisationData {
  users: DirectoryUser[];
  /** Role key → discount authority (`"3%"`), `null` = unlimited. Roles not listed have none. */
  roleAuthorities: Record<string, string | null>;
}

/**
 * A `Directory` over in-memory data, for `signet simulate`, scenario replay and tests. The API loads
 * its directory from the database instead; both answer the same questions the same way.
 */
export function inMemoryDirectory(org: OrganisationData): Directory {
  const users = new Map(org.users.map((u) => [u.username, u]));
  const sorted = [...users.keys()].sort();
  return {
    user: (username) => users.get(username),
    roleAuthority: (role) =>
      Object.hasOwn(org.roleAuthorities, role) ? org.roleAuthorities[role] : undefined,
    membersOf: (role) => sorted.filter((name) => users.get(name)!.roles.includes(role)),
    teamMembers: (team) => sorted.filter((name) => users.get(name)!.team === team),
  };
}

/** The organisation with some users changed or added (fields not given keep their values). */
export function withUsers(
  org: OrganisationData,
  changes: (Partial<DirectoryUser> & { username: string })[],
): OrganisationData {
  const users = org.users.map((u) => ({ ...u, ...changes.find((c) => c.username === u.username) }));
  for (const c of changes) {
    if (!users.some((u) => u.username === c.username))
      users.push({
        displayName: c.username,
        roles: [],
        team: null,
        superior: null,
        discountAuthority: null,
        ...c,
      });
  }
  return { ...org, users };
}
