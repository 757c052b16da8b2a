import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { SignetDatabase } from '../database/open-database';
import { OrgRoleEntity, OrgTeamEntity, OrgUserEntity, OrgUserRoleEntity } from '../entities';
import { demoRoles, demoTeams, demoUsers } from './demo-organisation';

/**
 * Loads the demo organisation in one transaction. Idempotent: rows that exist are left as they are,
 * so an operator's later edits (an authority, a superior) survive a restart.
 */
export async function seedDemoOrganisation(db: SignetDatabase): Promise<void> {
  await db.orm.em.fork().transactional(async (em) => {
    await insertMissing(
      em,
      OrgTeamEntity,
      demoTeams.map((t) => ({ key: t.key, title: t.title })),
    );
    await insertMissing(
      em,
      OrgRoleEntity,
      demoRoles.map((r) => ({
        key: r.key,
        title: r.title,
        hasDiscountAuthority: r.discountAuthority !== undefined,
        discountAuthority: typeof r.discountAuthority === 'number' ? String(r.discountAuthority) : null,
      })),
    );
    await insertMissing(
      em,
      OrgUserEntity,
      demoUsers.map((u) => ({
        username: u.username,
        displayName: u.displayName,
        team: u.team,
        superior: u.superior,
        discountAuthority: null,
      })),
    );
    await insertMissing(
      em,
      OrgUserRoleEntity,
      demoUsers.flatMap((u) => u.roles.map((role) => ({ username: u.username, role }))),
    );
  });
}

async function insertMissing<T extends object>(
  em: SqlEntityManager,
  entity: new () => T,
  rows: T[],
): Promise<void> {
  await em.createQueryBuilder(entity).insert(rows).onConflict().ignore().execute();
}
