import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { createTestDatabase } from '../src/testing';
import type { TestDatabase } from '../src/testing';
import { createStore, demoUsers, seedDemoOrganisation } from '../src';
import { loadDirectory } from '../src/directory/load-directory';

describe('org directory', () => {
  let test: TestDatabase;
  let em: SqlEntityManager;

  beforeAll(async () => {
    test = await createTestDatabase();
    em = test.db.orm.em.fork();
  });
  afterAll(() => test?.drop());

  it('should give each role its discount authority when loaded for a step', async () => {
    const directory = await loadDirectory(em);
    expect(directory.roleAuthority('consultant')).toBe('1%');
    expect(directory.roleAuthority('sales_manager')).toBe('3%');
    expect(directory.roleAuthority('sales_director')).toBe('5%');
    expect(directory.roleAuthority('vice_president')).toBeNull();
    expect(directory.roleAuthority('general_manager')).toBeNull();
    expect(directory.roleAuthority('finance')).toBeUndefined();
    expect(directory.roleAuthority('no_such_role')).toBeUndefined();
  });

  it('should return a user with roles, team and superior when the user exists', async () => {
    const store = createStore(test.db);
    await expect(store.getUser('zhao.min')).resolves.toEqual({
      username: 'zhao.min',
      displayName: 'Zhao Min',
      roles: ['flow_admin', 'sales_admin'],
      team: 'sales_admin',
      superior: 'liu.yang',
      discountAuthority: null,
    });
    await expect(store.getUser('zhou.qiang')).resolves.toMatchObject({ superior: null });
    await expect(store.getUser('nobody')).resolves.toBeNull();
  });

  it('should hold every demo user of PROCESSES.md when seeded', async () => {
    const directory = await loadDirectory(em);
    for (const user of demoUsers) {
      expect(directory.user(user.username)).toMatchObject({
        team: user.team,
        superior: user.superior,
        roles: [...user.roles].sort(),
      });
    }
  });

  it('should keep an operator edit and add nothing twice when seeded again', async () => {
    await em.execute(`update org_role set discount_authority = 2.5 where key = 'consultant'`);
    await em.execute(`update org_user set discount_authority = 1.50 where username = 'li.na'`);
    await seedDemoOrganisation(test.db);
    const [{ n }] = await em.execute<{ n: number }[]>('select count(*)::int as n from org_user_role');
    expect(n).toBe(demoUsers.reduce((sum, u) => sum + u.roles.length, 0));
    const directory = await loadDirectory(em.fork());
    expect(directory.roleAuthority('consultant')).toBe('2.5%');
    expect(directory.user('li.na')?.discountAuthority).toBe('1.5%');
  });
});
