import { Migration } from '@mikro-orm/migrations';

/**
 * In a parallel approval the task stays open after each vote; a user who voted may not vote again, so
 * the inbox ("tasks the caller may decide now") leaves the task out for them.
 */
export class Migration0008TaskVotedUsers extends Migration {
  override up(): void {
    this.addSql(`alter table task add column voted_users text[] not null default '{}'`);
  }
}
