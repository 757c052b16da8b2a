import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { createStore } from '../src';
import type { SignetStore } from '../src';
import { referenceData, referenceVersion } from '../src/store/reference-data';
import { createTestDatabase } from '../src/testing';
import type { TestDatabase } from '../src/testing';
import { steppingClock } from './support/fixtures';

/** Two reviews for the sales managers, handing over to each other on approve. */
const PINGPONG = `flow cache_pingpong v1 "Alternating reviews" {
  input { unit: string }
  initial state review_a {
    task "Review A" assignee role(sales_manager) separateFrom requester
    on approve -> review_b
  }
  state review_b {
    task "Review B" assignee role(sales_manager) separateFrom requester
    on approve -> review_a
    on reject -> rejected
  }
  final state rejected
}`;

describe('directory and calendar kept in memory between steps', () => {
  let test: TestDatabase;
  let store: SignetStore;
  let em: SqlEntityManager;

  beforeAll(async () => {
    test = await createTestDatabase();
    store = createStore(test.db, { now: steppingClock() });
    em = test.db.orm.em.fork();
    await store.deployFlow(PINGPONG, 'zhao.min');
  });
  afterAll(() => test?.drop());

  const openTaskOf = async (instanceId: string): Promise<string> =>
    (await store.tasksOfInstance(instanceId, 'OPEN'))[0].id;
  const approve = async (instanceId: string) =>
    store.decideTask({ taskId: await openTaskOf(instanceId), decision: 'approve', actor: 'chen.jie' });

  it('should refuse a decider at once when a plain SQL change takes the role away, and allow them once it is back', async () => {
    const { id } = await store.startInstance({
      flowKey: 'cache_pingpong',
      input: { unit: 'U-1' },
      actor: 'li.na',
    });
    await expect(approve(id)).resolves.toMatchObject({ state: 'review_b' });

    await em.execute(`delete from org_user_role where username = 'chen.jie' and role = 'sales_manager'`);
    const refused = await approve(id).catch((e: unknown) => e);
    expect(refused).toMatchObject({ message: expect.stringContaining('chen.jie') });
    expect(await store.getInstance(id, { username: 'li.na', roles: [], team: null })).toMatchObject({
      state: 'review_b',
    });

    await em.execute(`insert into org_user_role (username, role) values ('chen.jie', 'sales_manager')`);
    await expect(approve(id)).resolves.toMatchObject({ state: 'review_a' });
  });

  it('should stamp a new version in the transaction that changes the directory or a calendar', async () => {
    const before = await referenceVersion(em);
    await expect(referenceVersion(em)).resolves.toBe(before);
    await em.execute(`update org_user set display_name = display_name where username = 'li.na'`);
    const afterUser = await referenceVersion(em);
    expect(afterUser).not.toBe(before);
    await em.execute(`update business_calendar set title = title`);
    expect(await referenceVersion(em)).not.toBe(afterUser);
  });

  it("should never hand out a rolled-back change's stamp again", async () => {
    const before = await referenceVersion(em);
    let rolledBack = '';
    await em
      .fork()
      .transactional(async (tx) => {
        await tx.execute(`update org_role set title = 'temporary' where key = 'consultant'`);
        rolledBack = await referenceVersion(tx);
        throw new Error('roll back');
      })
      .catch(() => undefined);
    expect(rolledBack).not.toBe(before);
    await expect(referenceVersion(em)).resolves.toBe(before);
    await em.execute(`update org_role set title = title where key = 'consultant'`);
    const committed = await referenceVersion(em);
    expect([before, rolledBack]).not.toContain(committed);
  });

  it('should reuse the loaded directory while the stamp is unchanged and reload it when it changes', async () => {
    const version = await referenceVersion(em);
    const first = await referenceData(test.db, em, version, 'default');
    const again = await referenceData(test.db, em, version, 'default');
    expect(again.directory).toBe(first.directory);
    expect(again.calendar).toBe(first.calendar);

    await em.execute(`update org_user set discount_authority = 0.5 where username = 'li.na'`);
    const changed = await referenceData(test.db, em, await referenceVersion(em), 'default');
    expect(changed.directory).not.toBe(first.directory);
    expect(changed.directory.user('li.na')?.discountAuthority).toBe('0.5%');
  });

  it('should throw for a calendar that does not exist and not remember the miss', async () => {
    const version = await referenceVersion(em);
    await expect(referenceData(test.db, em, version, 'no_such_calendar')).rejects.toThrow(
      'business calendar "no_such_calendar" does not exist',
    );
    await expect(referenceData(test.db, em, version, 'default')).resolves.toMatchObject({
      calendar: { name: 'default' },
    });
  });
});
