import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { createTestDatabase } from '../src/testing';
import type { TestDatabase } from '../src/testing';
import { migrationsList } from '../src';

const backends = ['postgres', 'embedded'] as const;

describe.each(backends)('migrations on %s', (backend) => {
  let test: TestDatabase;
  let em: SqlEntityManager;

  beforeAll(async () => {
    test = await createTestDatabase({ backend });
    em = test.db.orm.em.fork();
  });
  afterAll(() => test?.drop());

  it('should create every table when applied to a fresh database', async () => {
    const rows = await em.execute<{ table_name: string }[]>(
      `select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    );
    expect(rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining([
        'flow_definition',
        'instance',
        'instance_event',
        'task',
        'timer',
        'outbox',
        'idempotency_key',
        'org_team',
        'org_role',
        'org_user',
        'org_user_role',
      ]),
    );
    const executed = await test.db.orm.getMigrator().getExecutedMigrations();
    expect(executed.map((m) => m.name)).toEqual(migrationsList.map((m) => m.name));
  });

  it('should apply nothing when the schema is already current', async () => {
    await expect(test.db.migrate()).resolves.toEqual([]);
  });

  it('should store jsonb and text[] columns with their PostgreSQL types', async () => {
    const rows = await em.execute<{ column_name: string; data_type: string }[]>(
      `select column_name, data_type from information_schema.columns
        where table_name = 'task' and column_name in ('candidate_roles', 'due_at')
           or table_name = 'instance' and column_name in ('snapshot', 'context')
        order by column_name`,
    );
    expect(rows).toEqual([
      { column_name: 'candidate_roles', data_type: 'ARRAY' },
      { column_name: 'context', data_type: 'jsonb' },
      { column_name: 'due_at', data_type: 'timestamp with time zone' },
      { column_name: 'snapshot', data_type: 'jsonb' },
    ]);
  });

  describe('instance_event', () => {
    beforeAll(async () => {
      await em.execute(
        `insert into flow_definition (id, key, version, title, source, ir, hash, deployed_at)
         values ('00000000-0000-4000-8000-000000000001', 'f', 1, 'F', 'src', '{}', 'h', now())`,
      );
      await em.execute(
        `insert into instance (id, definition_id, flow_key, flow_version, status, state, context, snapshot,
                               started_by, created_at, updated_at)
         values ('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', 'f', 1,
                 'ACTIVE', 's', '{}', '{}', 'li.na', now(), now())`,
      );
      await em.execute(
        `insert into instance_event (instance_id, seq, type, actor, at, flow_version, definition_hash,
                                     to_state, payload, trace, prev_hash, hash)
         values ('00000000-0000-4000-8000-000000000002', 1, 'start', 'li.na', now(), 1, 'h', 's', '{}', '{}',
                 null, 'x')`,
      );
    });

    it('should refuse an UPDATE of an event when the database enforces append-only', async () => {
      await expect(em.execute(`update instance_event set actor = 'mallory'`)).rejects.toThrow(
        /instance_event is append-only: UPDATE refused/,
      );
    });

    it('should refuse a DELETE of an event when the database enforces append-only', async () => {
      await expect(em.execute('delete from instance_event')).rejects.toThrow(
        /instance_event is append-only: DELETE refused/,
      );
    });

    it('should refuse a TRUNCATE of the log when the database enforces append-only', async () => {
      await expect(em.execute('truncate instance_event cascade')).rejects.toThrow(
        /instance_event is append-only: TRUNCATE refused/,
      );
      const [{ n }] = await em.execute<{ n: number }[]>('select count(*)::int as n from instance_event');
      expect(n).toBe(1);
    });

    it('should refuse a second event with the same seq when one exists', async () => {
      await expect(
        em.execute(
          `insert into instance_event (instance_id, seq, type, at, flow_version, definition_hash, to_state,
                                       payload, trace, prev_hash, hash)
           values ('00000000-0000-4000-8000-000000000002', 1, 'x', now(), 1, 'h', 's', '{}', '{}', null, 'y')`,
        ),
      ).rejects.toThrow(/instance_event_instance_seq_unique/);
    });
  });
});
