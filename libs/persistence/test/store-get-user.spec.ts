import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { createStore } from '../src';
import type { SignetStore } from '../src';
import { createTestDatabase } from '../src/testing';
import type { TestDatabase } from '../src/testing';

/** `getUser` (the API guard's per-request read) answers from the shared directory snapshot. */
describe('getUser from the directory kept in memory', () => {
  let test: TestDatabase;
  let store: SignetStore;
  let em: SqlEntityManager;

  beforeAll(async () => {
    test = await createTestDatabase();
    store = createStore(test.db);
    em = test.db.orm.em.fork();
  });
  afterAll(() => test?.drop());

  it('should see a role taken away and given back by plain SQL at once', async () => {
    await expect(store.getUser('chen.jie')).resolves.toMatchObject({ roles: ['sales_manager'] });
    await em.execute(`delete from org_user_role where username = 'chen.jie' and role = 'sales_manager'`);
    await expect(store.getUser('chen.jie')).resolves.toMatchObject({ roles: [] });
    await em.execute(`insert into org_user_role (username, role) values ('chen.jie', 'sales_manager')`);
    await expect(store.getUser('chen.jie')).resolves.toMatchObject({ roles: ['sales_manager'] });
  });

  it('should see a new user, a changed team and superior, and a removed user at once', async () => {
    await expect(store.getUser('new.hire')).resolves.toBeNull();
    await em.execute(
      `insert into org_user (username, display_name, team, superior) values ('new.hire', 'New Hire', 'finance', 'liu.yang')`,
    );
    await expect(store.getUser('new.hire')).resolves.toEqual({
      username: 'new.hire',
      displayName: 'New Hire',
      roles: [],
      team: 'finance',
      superior: 'liu.yang',
      discountAuthority: null,
    });
    await em.execute(`update org_user set team = 'engineering', superior = null where username = 'new.hire'`);
    await expect(store.getUser('new.hire')).resolves.toMatchObject({ team: 'engineering', superior: null });
    await em.execute(`delete from org_user where username = 'new.hire'`);
    await expect(store.getUser('new.hire')).resolves.toBeNull();
  });

  it('should hand each caller its own copy, so a caller changing it changes nothing for the next', async () => {
    const first = await store.getUser('li.na');
    first!.roles.push('general_manager');
    first!.team = 'elsewhere';
    const second = await store.getUser('li.na');
    expect(second!.roles).not.toContain('general_manager');
    expect(second!.team).not.toBe('elsewhere');
  });

  it('should send one statement per call while the directory is unchanged', async () => {
    await store.getUser('li.na');
    const knex = test.db.orm.em.getConnection().getKnex();
    const statements: string[] = [];
    const count = (query: { sql: string }) => statements.push(query.sql);
    knex.on('query', count);
    try {
      await store.getUser('li.na');
      await store.getUser('zhao.min');
    } finally {
      knex.removeListener('query', count);
    }
    expect(statements).toEqual([
      expect.stringContaining('reference_data_version'),
      expect.stringContaining('reference_data_version'),
    ]);
  });
});
