import { eventHash } from '../../src';
import { asSuperuser, auditFixture, requestDiscount } from './support';
import type { AuditFixture } from './support';

describe('global audit chain', () => {
  let f: AuditFixture;
  let tamperedId: string;

  beforeAll(async () => {
    f = await auditFixture();
    await requestDiscount(f.store, 'wang.fang', '0.5%');
    const { instanceId, taskId } = await requestDiscount(f.store, 'li.na', '2%');
    tamperedId = instanceId;
    await f.store.decideTask({ taskId: taskId!, decision: 'reject', actor: 'chen.jie' });
    await requestDiscount(f.store, 'zhang.wei', '4%');
  });
  afterAll(() => f?.test.drop());

  it('should link every event in the step transaction when the log is untouched', async () => {
    const result = await f.audit.verify();
    expect(result).toMatchObject({ ok: true, checkedEvents: 4, globalChainOk: true, checkedLinks: 4 });
    expect(result.headHash).toMatch(/^[0-9a-f]{64}$/);
    await expect(f.audit.verify(tamperedId)).resolves.toMatchObject({ ok: true, globalChainOk: true });
  });

  it('should refuse to update a link when triggers are on', async () => {
    await expect(f.em.execute(`update audit_chain set hash = 'x' where seq = 1`)).rejects.toThrow(
      /audit_chain is append-only/,
    );
  });

  it('should name the event when a superuser rewrites it and recomputes its instance chain', async () => {
    const [, decision] = await f.store.history(tamperedId);
    const forged = eventHash(decision.prevHash, {
      instanceId: tamperedId,
      seq: decision.seq,
      type: 'approve',
      actor: decision.actor,
      at: decision.at.toISOString(),
      flowVersion: decision.flowVersion,
      definitionHash: decision.definitionHash,
      fromState: decision.fromState,
      toState: 'approved',
      payload: decision.payload,
      trace: decision.trace,
    });
    await asSuperuser(
      f.em,
      `update instance_event set type = 'approve', to_state = 'approved', hash = ? where id = ?`,
      [forged, decision.id],
    );
    // The per-instance chain alone is fooled: the forger recomputed it.
    await expect(f.store.verifyAudit(tamperedId)).resolves.toMatchObject({ ok: true });
    await expect(f.audit.verify(tamperedId)).resolves.toMatchObject({
      ok: false,
      globalChainOk: false,
      firstBrokenEventId: decision.id,
    });
    await expect(f.audit.verify()).resolves.toMatchObject({
      ok: false,
      globalChainOk: false,
      firstBrokenEventId: decision.id,
      checkedLinks: 2,
    });
    await asSuperuser(
      f.em,
      `update instance_event set type = 'reject', to_state = 'rejected', hash = ? where id = ?`,
      [decision.hash, decision.id],
    );
    await expect(f.audit.verify()).resolves.toMatchObject({ ok: true });
  });

  it('should name the event whose link a superuser deleted', async () => {
    const [next] = await f.em.execute<{ event_id: string }[]>(
      'select event_id::text as event_id from audit_chain where seq = 4',
    );
    const [row] = await f.em.execute<Record<string, unknown>[]>('select * from audit_chain where seq = 3');
    await asSuperuser(f.em, 'delete from audit_chain where seq = 3');
    // The gap shows at the link after it.
    await expect(f.audit.verify()).resolves.toMatchObject({
      ok: false,
      globalChainOk: false,
      checkedLinks: 2,
      firstBrokenEventId: next.event_id,
    });
    await asSuperuser(
      f.em,
      `insert into audit_chain (seq, event_id, instance_id, event_hash, prev_hash, hash) values (?, ?, ?, ?, ?, ?)`,
      [row.seq, row.event_id, row.instance_id, row.event_hash, row.prev_hash, row.hash],
    );
    await expect(f.audit.verify()).resolves.toEqual(expect.objectContaining({ ok: true }));
  });

  it('should name an event inserted with the chain trigger switched off', async () => {
    const [first] = await f.store.history(tamperedId);
    await asSuperuser(
      f.em,
      `insert into instance_event (instance_id, seq, type, actor, at, flow_version, definition_hash, from_state,
         to_state, payload, trace, prev_hash, hash)
       select instance_id, 99, 'approve', 'chen.jie', at, flow_version, definition_hash, from_state, 'approved',
         payload, trace, hash, hash from instance_event where id = ?`,
      [first.id],
    );
    const [{ id }] = await f.em.execute<{ id: string }[]>(
      'select id::text as id from instance_event where seq = 99',
    );
    await expect(f.audit.verify()).resolves.toMatchObject({ ok: false, firstBrokenEventId: id });
  });
});
