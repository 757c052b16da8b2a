import { parse, type FlowIR, type FlowResolver } from '@signet/dsl';
import { FlowDefinitionEntity } from '../entities';
import type { FlowDefinitionRecord } from '../store';
import { isUuid } from '../ids';
import { flowRecord } from './records';
import { readEm } from './store-deps';
import type { StoreDeps } from './store-deps';

/** The latest version of every deployed flow, by key. */
export async function listFlows(deps: StoreDeps): Promise<FlowDefinitionRecord[]> {
  const em = readEm(deps);
  const rows = await em.execute<Record<string, unknown>[]>(
    'select distinct on (key) * from flow_definition order by key, version desc',
  );
  return rows.map((row) => flowRecord(em.map(FlowDefinitionEntity, row)));
}

/** That version of the flow, or its latest when `version` is omitted; null when not deployed. */
export async function getFlow(
  deps: StoreDeps,
  key: string,
  version?: number,
): Promise<FlowDefinitionRecord | null> {
  const em = readEm(deps);
  const found =
    version === undefined
      ? await em.findOne(FlowDefinitionEntity, { key }, { orderBy: { version: 'desc' } })
      : await em.findOne(FlowDefinitionEntity, { key, version });
  return found ? flowRecord(found) : null;
}

export async function getFlowById(deps: StoreDeps, id: string): Promise<FlowDefinitionRecord | null> {
  if (!isUuid(id)) return null;
  const found = await readEm(deps).findOne(FlowDefinitionEntity, { id });
  return found ? flowRecord(found) : null;
}

/**
 * What the compiler needs for the `use … from <key>` of a source: each named flow's LATEST DEPLOYED
 * version (its IR, whose tables are copied with that origin), and the deployed keys for "did you mean".
 * Flows are read before compiling, as the compiler's resolver is synchronous.
 */
export async function deployedResolution(
  deps: StoreDeps,
  source: string,
): Promise<{ resolve: FlowResolver; flowKeys: string[] }> {
  const keys = [...new Set((parse(source).ast.flow?.uses ?? []).map((u) => u.from.name))];
  const found = new Map<string, FlowIR>();
  for (const key of keys) {
    const flow = await getFlow(deps, key);
    if (flow) found.set(key, flow.ir);
  }
  const flowKeys = keys.length ? (await listFlows(deps)).map((f) => f.key) : [];
  return { resolve: (key) => found.get(key), flowKeys };
}
