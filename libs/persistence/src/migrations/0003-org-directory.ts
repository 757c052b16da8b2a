import { Migration } from '@mikro-orm/migrations';

/**
 * The org directory the engine reads at every step: teams, roles (with discount authority: a
 * percentage, unlimited, or none), users (team, superior, personal authority override) and their roles.
 */
export class Migration0003OrgDirectory extends Migration {
  override up(): void {
    this.addSql('create table org_team (key text primary key, title text not null)');
    // has_discount_authority = false: the role grants none; true with a null amount: unlimited.
    this.addSql(`create table org_role (
      key text primary key,
      title text not null,
      has_discount_authority boolean not null default false,
      discount_authority numeric check (discount_authority >= 0),
      constraint org_role_authority_shape check (has_discount_authority or discount_authority is null)
    )`);
    this.addSql(`create table org_user (
      username text primary key,
      display_name text not null,
      team text references org_team (key),
      superior text references org_user (username) deferrable initially deferred,
      discount_authority numeric check (discount_authority >= 0)
    )`);
    this.addSql(`create table org_user_role (
      username text not null references org_user (username) on delete cascade,
      role text not null references org_role (key),
      primary key (username, role)
    )`);
    this.addSql('create index org_user_role_role_idx on org_user_role (role)');
  }

  override down(): void {
    this.addSql('drop table org_user_role');
    this.addSql('drop table org_user');
    this.addSql('drop table org_role');
    this.addSql('drop table org_team');
  }
}
