import type { Client } from 'pg';

// The inbox of a real system is spread over roles; chen.jie (sales_manager) may act on a quarter.
const ROLES = ['sales_manager', 'sales_director', 'vice_president', 'general_manager'];

/**
 * Adds `n` waiting instances of the ping-pong flow with one open task each, in SQL with
 * `generate_series` (seconds, where the store would take hours). Context and snapshot are copied from
 * `template`, a real started instance, so rows have realistic sizes; creation times are spread over a
 * year so ordering by time reads like production. Their start events are not written (the global audit
 * chain trigger would make seeding row-by-row); nothing in the measured paths reads other instances'
 * events. Ends with VACUUM ANALYZE, as autovacuum would after such a load.
 */
export async function seedWaiting(pg: Client, template: string, n: number, offset = 0): Promise<void> {
  await pg.query(
    `insert into instance (id, definition_id, flow_key, flow_version, business_key, status, state, context,
       snapshot, version, started_by, created_at, updated_at)
     select gen_random_uuid(), t.definition_id, t.flow_key, t.flow_version, null, 'ACTIVE', 'review_a',
       t.context, t.snapshot, 1, t.started_by, now() - make_interval(secs => g * 31.5), now() - make_interval(secs => g * 31.5)
     from instance t, generate_series($2::int + 1, $2::int + $3::int) g where t.id = $1`,
    [template, offset, n],
  );
  await pg.query(
    `insert into task (id, instance_id, name, state, title, decisions, candidate_roles, excluded_users, status, created_at)
     select gen_random_uuid(), i.id, 'review_a', 'review_a', 'Review A', '{approve,reject}',
       array[($2::text[])[1 + (abs(hashtext(i.id::text)) % 4)]], '{li.na}', 'OPEN', i.created_at
     from instance i where i.id <> $1 and not exists (select 1 from task t where t.instance_id = i.id)`,
    [template, ROLES],
  );
  // VACUUM as well: otherwise whichever query first reads the fresh rows pays for setting their hint
  // bits (writing every page once), which skewed the first-measured contender by milliseconds.
  await pg.query('vacuum analyze instance');
  await pg.query('vacuum analyze task');
}
