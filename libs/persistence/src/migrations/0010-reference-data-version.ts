import { Migration } from '@mikro-orm/migrations';

/**
 * A version stamp for the data every step reads but rarely changes — the org directory and the
 * business calendars — so a store can keep them in memory and check one row per step instead of
 * reading four tables (ADR 0011). Statement triggers stamp it in the transaction that changes the
 * data, whoever changes it (store, seed, console, plain SQL). The stamp is drawn from a sequence, which
 * never hands a number out twice, so a rolled-back change can never share a stamp with a committed one.
 */
export class Migration0010ReferenceDataVersion extends Migration {
  override up(): void {
    this.addSql('create sequence reference_data_version_seq');
    this.addSql(`create table reference_data_version (
      id boolean primary key default true check (id),
      version bigint not null
    )`);
    this.addSql(
      `insert into reference_data_version (id, version) values (true, nextval('reference_data_version_seq'))`,
    );
    this.addSql(`create function signet_stamp_reference_data() returns trigger language plpgsql as $$
      begin
        update reference_data_version set version = nextval('reference_data_version_seq') where id;
        return null;
      end
    $$`);
    for (const table of ['org_team', 'org_user', 'org_user_role', 'org_role', 'business_calendar']) {
      this.addSql(`create trigger ${table}_reference_data_version
        after insert or update or delete or truncate on ${table}
        for each statement execute function signet_stamp_reference_data()`);
    }
  }
}
