import { Migration } from '@mikro-orm/migrations';

/**
 * A retried mutation returns the first call's result, not the instance as it is by the time of the
 * retry: the result is kept with its idempotency key (null for keys claimed before this migration).
 */
export class Migration0007IdempotencyResponse extends Migration {
  override up(): void {
    this.addSql(`alter table idempotency_key add column response jsonb`);
  }
}
