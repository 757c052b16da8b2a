import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { Directory, DirectoryUser } from '@signet/engine';
import { OrgRoleEntity, OrgUserEntity, OrgUserRoleEntity } from '../entities';

/**
 * Reads the org directory inside the caller's transaction, so a step sees the roles, teams, superiors
 * and authorities as they are at that moment (a role change takes effect at once).
 */
export async function loadDirectory(em: SqlEntityManager): Promise<Directory> {
  // Sequential on purpose: one transaction is one connection (and PGlite has only one).
  const users = await em.find(OrgUserEntity, {});
  const memberships = await em.find(OrgUserRoleEntity, {}, { orderBy: { username: 'asc', role: 'asc' } });
  const roles = await em.find(OrgRoleEntity, {});
  const rolesOf = new Map<string, string[]>();
  for (const m of memberships) rolesOf.set(m.username, [...(rolesOf.get(m.username) ?? []), m.role]);
  const byName = new Map(users.map((u) => [u.username, toDirectoryUser(u, rolesOf.get(u.username) ?? [])]));
  const authority = new Map(roles.map((r) => [r.key, roleAuthority(r)]));
  const sorted = [...byName.keys()].sort();
  return {
    user: (username) => byName.get(username),
    roleAuthority: (role) => authority.get(role),
    membersOf: (role) => sorted.filter((name) => byName.get(name)!.roles.includes(role)),
    teamMembers: (team) => sorted.filter((name) => byName.get(name)!.team === team),
  };
}

function toDirectoryUser(user: OrgUserEntity, roles: string[]): DirectoryUser {
  return {
    username: user.username,
    displayName: user.displayName,
    roles,
    team: user.team,
    superior: user.superior,
    discountAuthority: user.discountAuthority === null ? null : percent(user.discountAuthority),
  };
}

/** `"3%"`, `null` = unlimited, `undefined` = the role grants none. */
function roleAuthority(role: OrgRoleEntity): string | null | undefined {
  if (!role.hasDiscountAuthority) return undefined;
  return role.discountAuthority === null ? null : percent(role.discountAuthority);
}

/** PostgreSQL numeric text (`"3"`, `"2.50"`) as the language's percent literal (`"3%"`, `"2.5%"`). */
function percent(numeric: string): string {
  const trimmed = numeric.includes('.') ? numeric.replace(/0+$/, '').replace(/\.$/, '') : numeric;
  return `${trimmed}%`;
}
