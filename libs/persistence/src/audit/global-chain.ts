import { createHash } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/postgresql';

/**
 * One link of the global chain: `sha256(prevLinkHash + eventId + ':' + eventHash)` in hex, exactly as
 * the database function `signet_chain_link` (migration 0005) computes it inside the step's transaction.
 */
export function chainLinkHash(eventId: string, eventHash: string, prevHash: string | null): string {
  return createHash('sha256')
    .update(`${prevHash ?? ''}${eventId}:${eventHash}`, 'utf8')
    .digest('hex');
}

export interface GlobalChainResult {
  ok: boolean;
  checkedLinks: number;
  /** The event whose link is the first broken one (or the first event with no link). */
  firstBrokenEventId: string | null;
  /** The chain's head hash: publish it elsewhere to anchor the log (ADR 0009). */
  headHash: string | null;
}

const BATCH = 2000;

interface LinkRow {
  seq: string;
  event_id: string;
  event_hash: string;
  prev_hash: string | null;
  hash: string;
  live_hash: string | null;
}

/**
 * Walks the global chain in `seq` order (in batches): every link follows the previous one without a
 * gap, its hash recomputes, its event still exists with the hash it had when linked, the head row
 * names the last link, and no event is missing from the chain (one inserted with triggers off).
 */
export async function verifyGlobalChain(em: SqlEntityManager): Promise<GlobalChainResult> {
  let prev = null as { seq: number; hash: string } | null;
  let checked = 0;
  for (;;) {
    const rows: LinkRow[] = await em.execute<LinkRow[]>(
      `select c.seq::text as seq, c.event_id::text as event_id, c.event_hash, c.prev_hash, c.hash,
              e.hash as live_hash
         from audit_chain c left join instance_event e on e.id = c.event_id
        where c.seq > ? order by c.seq limit ${BATCH}`,
      [prev?.seq ?? 0],
    );
    for (const row of rows) {
      const seq = Number(row.seq);
      const expectedPrev = prev?.hash ?? null;
      const intact =
        seq === (prev?.seq ?? 0) + 1 &&
        row.prev_hash === expectedPrev &&
        row.live_hash === row.event_hash &&
        row.hash === chainLinkHash(row.event_id, row.event_hash, expectedPrev);
      if (!intact) return broken(checked, row.event_id, prev?.hash ?? null);
      checked += 1;
      prev = { seq, hash: row.hash };
    }
    if (rows.length < BATCH) break;
  }
  const [head] = await em.execute<{ seq: string; hash: string | null }[]>(
    'select seq::text as seq, hash from audit_chain_head',
  );
  if (Number(head.seq) !== (prev?.seq ?? 0) || head.hash !== (prev?.hash ?? null)) {
    // Trailing links were removed: the first missing one is the first broken.
    const [lost] = await em.execute<{ id: string | null }[]>(
      'select min(e.id)::text as id from instance_event e where e.id > coalesce((select event_id from audit_chain where seq = ?), 0)',
      [prev?.seq ?? 0],
    );
    return broken(checked, lost.id ?? '', prev?.hash ?? null);
  }
  const [unlinked] = await em.execute<{ id: string | null }[]>(
    `select min(e.id)::text as id from instance_event e
      where not exists (select 1 from audit_chain c where c.event_id = e.id)`,
  );
  if (unlinked.id) return broken(checked, unlinked.id, head.hash);
  return { ok: true, checkedLinks: checked, firstBrokenEventId: null, headHash: head.hash };
}

/** The links of one instance's events: each exists and still matches its event's hash. */
export async function verifyInstanceLinks(em: SqlEntityManager, instanceId: string): Promise<string | null> {
  const rows = await em.execute<
    { id: string; hash: string; event_hash: string | null; prev_hash: string | null; link: string | null }[]
  >(
    `select e.id::text as id, e.hash, c.event_hash, c.prev_hash, c.hash as link
       from instance_event e left join audit_chain c on c.event_id = e.id
      where e.instance_id = ?::uuid order by e.seq`,
    [instanceId],
  );
  for (const row of rows) {
    if (row.event_hash !== row.hash || row.link !== chainLinkHash(row.id, row.hash, row.prev_hash))
      return row.id;
  }
  return null;
}

function broken(checked: number, eventId: string, headHash: string | null): GlobalChainResult {
  return { ok: false, checkedLinks: checked, firstBrokenEventId: eventId, headHash };
}
