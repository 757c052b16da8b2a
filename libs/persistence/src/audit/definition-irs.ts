import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { FlowIR } from '@signet/dsl';
import type { SignetDatabase } from '../database/open-database';

/**
 * Deployed definitions never change (nothing updates `flow_definition`), so replays keep each IR read
 * once per database, by its hash. Handing the engine the same IR object every time is what lets its
 * binding cache (`boundFlow`, keyed by object) hit instead of binding a freshly parsed IR per call.
 */
const byDatabase = new WeakMap<SignetDatabase, Map<string, FlowIR>>();

/** The IRs kept for `db`, by definition hash (the map is the cache itself). */
export function cachedIrs(db: SignetDatabase): Map<string, FlowIR> {
  let irs = byDatabase.get(db);
  if (!irs) {
    irs = new Map();
    byDatabase.set(db, irs);
  }
  return irs;
}

/**
 * The IRs of flow `flowKey` with the given hashes, from the cache or else read in one statement. A
 * hash no definition of the flow has is left out of the answer.
 */
export async function definitionIrs(
  db: SignetDatabase,
  em: SqlEntityManager,
  flowKey: string,
  hashes: Iterable<string>,
): Promise<Map<string, FlowIR>> {
  const irs = cachedIrs(db);
  const wanted = new Set(hashes);
  const missing = [...wanted].filter((h) => !irs.has(h));
  if (missing.length > 0) {
    const rows = await em.execute<{ hash: string; ir: FlowIR }[]>(
      `select hash, ir from flow_definition where key = ? and hash = any(string_to_array(?, ','))`,
      [flowKey, missing.join(',')],
    );
    for (const row of rows) irs.set(row.hash, row.ir);
  }
  const found = new Map<string, FlowIR>();
  for (const hash of wanted) {
    const ir = irs.get(hash);
    if (ir && ir.key === flowKey) found.set(hash, ir);
  }
  return found;
}
