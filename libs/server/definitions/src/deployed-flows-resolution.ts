import { parse, type FlowIR, type FlowResolver } from '@signet/dsl';
import type { SignetStore } from '@signet/persistence';

/**
 * For `checkFlow`: the flows the source's `use … from <key>` names, each its latest deployed version,
 * read before checking (the compiler's resolver is synchronous) — as `deployFlow` resolves them.
 */
export async function deployedFlowsResolution(
  store: SignetStore,
  source: string,
): Promise<{ resolve: FlowResolver; flowKeys: string[] }> {
  const keys = [...new Set((parse(source).ast.flow?.uses ?? []).map((u) => u.from.name))];
  const found = new Map<string, FlowIR>();
  for (const key of keys) {
    const flow = await store.getFlow(key);
    if (flow) found.set(key, flow.ir);
  }
  const flowKeys = keys.length ? (await store.listFlows()).map((f) => f.key) : [];
  return { resolve: (key) => found.get(key), flowKeys };
}
