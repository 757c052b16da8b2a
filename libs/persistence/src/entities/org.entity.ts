import { EntitySchema } from '@mikro-orm/core';

/** A team ("a colleague" = another user of the same team). */
export class OrgTeamEntity {
  key!: string;
  title!: string;
}

/** A role; `hasDiscountAuthority` with a null `discountAuthority` (percent) means unlimited. */
export class OrgRoleEntity {
  key!: string;
  title!: string;
  hasDiscountAuthority!: boolean;
  discountAuthority!: string | null;
}

/** A user; `discountAuthority` (percent) overrides the roles' authority when set. */
export class OrgUserEntity {
  username!: string;
  displayName!: string;
  team!: string | null;
  superior!: string | null;
  discountAuthority!: string | null;
}

export class OrgUserRoleEntity {
  username!: string;
  role!: string;
}

export const OrgTeamSchema = new EntitySchema<OrgTeamEntity>({
  class: OrgTeamEntity,
  tableName: 'org_team',
  properties: { key: { type: 'text', primary: true }, title: { type: 'text' } },
});

export const OrgRoleSchema = new EntitySchema<OrgRoleEntity>({
  class: OrgRoleEntity,
  tableName: 'org_role',
  properties: {
    key: { type: 'text', primary: true },
    title: { type: 'text' },
    hasDiscountAuthority: { type: 'boolean' },
    discountAuthority: { type: 'decimal', nullable: true },
  },
});

export const OrgUserSchema = new EntitySchema<OrgUserEntity>({
  class: OrgUserEntity,
  tableName: 'org_user',
  properties: {
    username: { type: 'text', primary: true },
    displayName: { type: 'text' },
    team: { type: 'text', nullable: true },
    superior: { type: 'text', nullable: true },
    discountAuthority: { type: 'decimal', nullable: true },
  },
});

export const OrgUserRoleSchema = new EntitySchema<OrgUserRoleEntity>({
  class: OrgUserRoleEntity,
  tableName: 'org_user_role',
  properties: { username: { type: 'text', primary: true }, role: { type: 'text', primary: true } },
});
