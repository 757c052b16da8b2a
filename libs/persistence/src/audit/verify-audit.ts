import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { InstanceEntity, InstanceEventEntity } from '../entities';
import { ProcessError } from '../errors/process-error';
import { eventHash } from '../events/event-hash';
import { isUuid } from '../ids';
import type { AuditVerificationResult } from '../store';
import { readEm } from '../store/store-deps';
import type { StoreDeps } from '../store/store-deps';
import { SqlWhere } from '../queries/sql-where';

const BATCH = 1000;

interface ChainPosition {
  id: string;
  instanceId: string;
  seq: number;
  hash: string;
  instanceVersion: number;
}

/**
 * Recomputes the hash chain of one instance, or of every instance, in `seq` order, and returns the
 * first broken event: a changed field (hash mismatch), a removed or reordered event (seq gap or
 * `prev_hash` mismatch), or removed trailing events (the last `seq` differs from the instance's
 * version, which every step bumps with its event). Reads in batches, so the whole log never sits
 * in memory.
 */
export async function verifyAudit(deps: StoreDeps, instanceId?: string): Promise<AuditVerificationResult> {
  const em = readEm(deps);
  if (instanceId !== undefined) await requireInstance(em, instanceId);
  let previous: ChainPosition | null = null;
  let checked = 0;
  for (;;) {
    const batch = await nextBatch(em, instanceId, previous);
    for (const row of batch) {
      const instanceVersion = Number(row.instance_version);
      const event = em.map(InstanceEventEntity, row);
      const tip: ChainPosition | null = previous?.instanceId === event.instance.id ? previous : null;
      if (previous && !tip && previous.seq !== previous.instanceVersion) return broken(checked, previous.id);
      checked += 1;
      const expectedPrev = tip ? tip.hash : null;
      const expectedSeq: number = tip ? tip.seq + 1 : 1;
      const recomputed = eventHash(expectedPrev, {
        instanceId: event.instance.id,
        seq: event.seq,
        type: event.type,
        actor: event.actor,
        at: event.at.toISOString(),
        flowVersion: event.flowVersion,
        definitionHash: event.definitionHash,
        fromState: event.fromState,
        toState: event.toState,
        payload: event.payload,
        trace: event.trace,
      });
      if (event.seq !== expectedSeq || event.prevHash !== expectedPrev || event.hash !== recomputed) {
        return broken(checked, event.id);
      }
      previous = {
        id: event.id,
        instanceId: event.instance.id,
        seq: event.seq,
        hash: event.hash,
        instanceVersion,
      };
    }
    // Entities mapped for checking are not kept: the identity map would otherwise hold the whole log.
    em.clear();
    if (batch.length < BATCH) break;
  }
  if (previous && previous.seq !== previous.instanceVersion) return broken(checked, previous.id);
  if (instanceId !== undefined && checked === 0)
    return { ok: false, checkedEvents: 0, firstBrokenEventId: null };
  return { ok: true, checkedEvents: checked, firstBrokenEventId: null };
}

async function requireInstance(em: SqlEntityManager, instanceId: string): Promise<void> {
  const found = isUuid(instanceId) ? await em.findOne(InstanceEntity, { id: instanceId }) : null;
  if (!found) throw ProcessError.notFound('instance', instanceId);
}

function nextBatch(
  em: SqlEntityManager,
  instanceId: string | undefined,
  after: ChainPosition | null,
): Promise<Record<string, unknown>[]> {
  const where = new SqlWhere();
  if (instanceId !== undefined) where.and('e.instance_id = ?::uuid', instanceId);
  if (after) where.and('(e.instance_id, e.seq) > (?::uuid, ?)', after.instanceId, after.seq);
  return em.execute<Record<string, unknown>[]>(
    `select e.*, i.version as instance_version
       from instance_event e join instance i on i.id = e.instance_id
       ${where.sql} order by e.instance_id, e.seq limit ${BATCH}`,
    where.params,
  );
}

function broken(checked: number, eventId: string): AuditVerificationResult {
  return { ok: false, checkedEvents: checked, firstBrokenEventId: eventId };
}
