import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { createTestDatabase } from '../src/testing';
import type { TestDatabase } from '../src/testing';
import { demoUsers } from '../src';
import { loadDirectory } from '../src/directory/load-directory';

describe('org directory: members of roles and teams (parallel approval voters)', () => {
  let test: TestDatabase;
  let em: SqlEntityManager;

  beforeAll(async () => {
    test = await createTestDatabase();
    em = test.db.orm.em.fork();
  });
  afterAll(() => test?.drop());

  it('should list the holders of a role and the members of a team, sorted, as seeded', async () => {
    const directory = await loadDirectory(em);
    const holders = (role: string) =>
      demoUsers
        .filter((u) => u.roles.includes(role))
        .map((u) => u.username)
        .sort();
    expect(directory.membersOf('cs_agent')).toEqual(holders('cs_agent'));
    expect(directory.membersOf('flow_admin')).toEqual(['zhao.min', 'zhou.qiang']);
    expect(directory.membersOf('no_such_role')).toEqual([]);
    expect(directory.teamMembers('customer_service')).toEqual(
      demoUsers
        .filter((u) => u.team === 'customer_service')
        .map((u) => u.username)
        .sort(),
    );
    expect(directory.teamMembers('no_such_team')).toEqual([]);
  });

  it('should see a role granted in the same transaction at once', async () => {
    await em.execute(`insert into org_user_role (username, role) values ('sun.li', 'cs_agent')`);
    const directory = await loadDirectory(em.fork());
    expect(directory.membersOf('cs_agent')).toContain('sun.li');
  });
});
