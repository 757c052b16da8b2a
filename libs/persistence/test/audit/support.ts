import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { createAuditQueries, createStore } from '../../src';
import type { AuditQueries, SignetStore } from '../../src';
import { createTestDatabase } from '../../src/testing';
import type { TestDatabase } from '../../src/testing';
import { discountFlowSource, peerReviewFlowSource } from '../support/fixtures';

/** A fresh database with the discount and peer-review flows, a store on a settable clock, and the audit queries. */
export interface AuditFixture {
  test: TestDatabase;
  store: SignetStore;
  audit: AuditQueries;
  em: SqlEntityManager;
  /** Sets the clock; each reading then moves it one second on. */
  setClock(iso: string): void;
}

export async function auditFixture(): Promise<AuditFixture> {
  const test = await createTestDatabase();
  let t = Date.parse('2026-10-01T08:00:00.000Z');
  const store = createStore(test.db, { now: () => new Date((t += 1000)) });
  await store.deployFlow(discountFlowSource, 'zhao.min');
  await store.deployFlow(peerReviewFlowSource, 'zhao.min');
  return {
    test,
    store,
    audit: createAuditQueries(test.db),
    em: test.db.orm.em.fork(),
    setClock: (iso) => {
      t = Date.parse(iso);
    },
  };
}

/** What a superuser can do despite the append-only triggers: switch them all off, write, switch them on. */
export async function asSuperuser(em: SqlEntityManager, sql: string, params: unknown[] = []): Promise<void> {
  // `set local` inside one transaction: the pool may hand each statement another connection.
  await em.transactional(async (tx) => {
    await tx.execute('set local session_replication_role = replica');
    await tx.execute(sql, params);
  });
}

/** Starts a discount request and returns the instance id and its open task (if any). */
export async function requestDiscount(
  store: SignetStore,
  actor: string,
  discount: string,
): Promise<{ instanceId: string; taskId: string | null }> {
  const instance = await store.startInstance({
    flowKey: 'discount_approval',
    input: { unit: 'A-0101', listPrice: '1850000.00', discount },
    actor,
  });
  const [task] = await store.tasksOfInstance(instance.id, 'OPEN');
  return { instanceId: instance.id, taskId: task?.id ?? null };
}
