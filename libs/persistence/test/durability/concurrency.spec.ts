import { Client } from 'pg';
import { randomBytes } from 'node:crypto';
import { createStore, ProcessError } from '../../src';
import type { SignetStore } from '../../src';
import { createTestDatabase } from '../../src/testing';
import type { TestDatabase } from '../../src/testing';
import { discountInput, openReview } from '../support/discount-requests';
import { discountFlowSource, rowCounts } from '../support/fixtures';

/** Rejections of settled promises, which must all be ProcessErrors. */
function refusals(results: PromiseSettledResult<unknown>[]): ProcessError[] {
  return results
    .filter((r): r is PromiseRejectedResult => r.status === 'rejected')
    .map((r) => {
      if (!(r.reason instanceof ProcessError)) throw r.reason;
      return r.reason;
    });
}

describe('races and the database’s guarantees', () => {
  let test: TestDatabase;
  let store: SignetStore;

  beforeAll(async () => {
    test = await createTestDatabase();
    store = createStore(test.db);
    await store.deployFlow(discountFlowSource, 'zhao.min');
  });
  afterAll(() => test?.drop());

  it('should let one of 50 concurrent deciders on one task win and refuse 49 with CONFLICT', async () => {
    const { instance, taskId } = await openReview(store);
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        store.decideTask({ taskId, decision: i % 2 === 0 ? 'approve' : 'reject', actor: 'chen.jie' }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = refusals(results);
    expect(refused).toHaveLength(49);
    expect(refused.every((e) => e.code === 'CONFLICT')).toBe(true);
    const events = await store.history(instance.id);
    expect(events.map((e) => e.seq)).toEqual([1, 2]);
    expect(['approve', 'reject']).toContain(events[1].type);
    await expect(store.verifyAudit(instance.id)).resolves.toMatchObject({ ok: true, checkedEvents: 2 });
  });

  it('should create one instance for 10 concurrent starts with one business key, naming it to the other 9', async () => {
    const actors = [
      'li.na',
      'wang.fang',
      'li.na',
      'wang.fang',
      'li.na',
      'wang.fang',
      'li.na',
      'wang.fang',
      'li.na',
      'wang.fang',
    ];
    const results = await Promise.allSettled(
      actors.map((actor) =>
        store.startInstance({
          flowKey: 'discount_approval',
          input: discountInput('2%'),
          businessKey: 'RACE-1',
          actor,
        }),
      ),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    const holder = (won[0] as PromiseFulfilledResult<{ id: string }>).value.id;
    const refused = refusals(results);
    expect(refused).toHaveLength(9);
    for (const e of refused) {
      expect(e.code).toBe('BUSINESS_KEY_TAKEN');
      expect(e.details).toEqual({ holder });
    }
    const [{ n }] = await test.db.orm.em
      .fork()
      .execute<{ n: number }[]>(`select count(*)::int as n from instance where business_key = 'RACE-1'`);
    expect(n).toBe(1);
  });

  it('should act once and answer every one of 10 concurrent retries with the first result when they share a key', async () => {
    const before = await rowCounts(test.db);
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        store.startInstance({
          flowKey: 'discount_approval',
          input: discountInput('2%'),
          actor: 'li.na',
          idempotencyKey: 'retry-storm-1',
        }),
      ),
    );
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    const after = await rowCounts(test.db);
    expect(after.instances - before.instances).toBe(1);
    expect(after.events - before.events).toBe(1);
    expect(after.idempotency_keys - before.idempotency_keys).toBe(1);
  });
});

/**
 * The application should connect as a role that owns nothing: it cannot switch the append-only
 * trigger off (only the owner can), and the trigger refuses it UPDATE, DELETE and TRUNCATE.
 */
describe('the event log as the application’s database user', () => {
  let test: TestDatabase;
  let app: Client;
  const role = `signet_app_${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    test = await createTestDatabase({ backend: 'postgres' });
    const store = createStore(test.db);
    await store.deployFlow(discountFlowSource, 'zhao.min');
    await openReview(store);
    const em = test.db.orm.em.fork();
    await em.execute(`create role ${role} login`);
    await em.execute(`grant select, insert, update, delete on all tables in schema public to ${role}`);
    await em.execute(`grant usage on all sequences in schema public to ${role}`);
    const url = new URL(test.url!);
    url.username = role;
    app = new Client({ connectionString: url.toString() });
    await app.connect();
  });
  afterAll(async () => {
    await app?.end();
    const em = test.db.orm.em.fork();
    await em.execute(`drop owned by ${role}`);
    await em.execute(`drop role ${role}`);
    await test?.drop();
  });

  it('should let the application user append an event but refuse it UPDATE and DELETE', async () => {
    await expect(app.query(`select count(*) from instance_event`)).resolves.toBeDefined();
    await expect(app.query(`update instance_event set actor = 'mallory'`)).rejects.toMatchObject({
      code: 'SG001',
      message: 'instance_event is append-only: UPDATE refused',
    });
    await expect(app.query(`delete from instance_event`)).rejects.toMatchObject({
      code: 'SG001',
      message: 'instance_event is append-only: DELETE refused',
    });
  });

  it('should refuse the application user switching the append-only trigger off or truncating the log', async () => {
    await expect(
      app.query(`alter table instance_event disable trigger instance_event_append_only`),
    ).rejects.toMatchObject({ code: '42501' });
    await expect(app.query(`truncate instance_event`)).rejects.toMatchObject({ code: '42501' });
  });
});
