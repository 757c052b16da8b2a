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
