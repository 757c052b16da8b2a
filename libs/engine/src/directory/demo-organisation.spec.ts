import { DEMO_ORGANISATION } from './demo-organisation';
import { inMemoryDirectory, withUsers } from './in-memory-directory';

describe('demo organisation', () => {
  const directory = inMemoryDirectory(DEMO_ORGANISATION);

  it('should hold the users, teams and superiors of PROCESSES.md', () => {
    expect(DEMO_ORGANISATION.users).toHaveLength(17);
    expect(directory.user('li.na')).toEqual({
      username: 'li.na',
      displayName: 'Li Na',
      roles: ['consultant'],
      team: 'sunrise_sales',
      superior: 'chen.jie',
      discountAuthority: null,
    });
    expect(directory.user('zhou.qiang')).toMatchObject({
      roles: ['general_manager', 'flow_admin'],
      superior: null,
    });
    expect(directory.user('nobody')).toBeUndefined();
  });

  it('should give the discount authorities, unlimited as null and none as undefined', () => {
    expect(
      ['consultant', 'sales_manager', 'sales_director', 'vice_president', 'auditor'].map(
        directory.roleAuthority,
      ),
    ).toEqual(['1%', '3%', '5%', null, undefined]);
    expect(directory.roleAuthority('toString')).toBeUndefined();
  });

  it('should change and add users without touching the original data', () => {
    const changed = inMemoryDirectory(
      withUsers(DEMO_ORGANISATION, [
        { username: 'li.na', discountAuthority: '2%' },
        { username: 'new.hire', roles: ['consultant'] },
      ]),
    );
    expect(changed.user('li.na')?.discountAuthority).toBe('2%');
    expect(changed.user('new.hire')).toMatchObject({ roles: ['consultant'], superior: null });
    expect(directory.user('li.na')?.discountAuthority).toBeNull();
  });
});
