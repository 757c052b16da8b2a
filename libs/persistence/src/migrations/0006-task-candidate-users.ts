import { Migration } from '@mikro-orm/migrations';

/**
 * Tasks assigned to a list of users (`assignee users(a, b, c)`, parallel approval) name their
 * candidates here, so the inbox and visibility queries find them like role and team candidates.
 */
export class Migration0006TaskCandidateUsers extends Migration {
  override up(): void {
    this.addSql(`alter table task add column candidate_users text[] not null default '{}'`);
    this.addSql(
      `create index task_open_candidate_users_idx on task using gin (candidate_users) where status = 'OPEN'`,
    );
  }
}
