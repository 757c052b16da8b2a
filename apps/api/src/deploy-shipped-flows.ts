import type { LoggerService } from '@nestjs/common';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from '@signet/dsl';
import { ProcessError, type SignetStore } from '@signet/persistence';

/** The user shipped flows are deployed as: a general manager with the flow_admin role. */
export const SHIPPED_FLOWS_DEPLOYER = 'zhou.qiang';

export interface ShippedFlowOutcome {
  file: string;
  outcome: 'ready' | 'conflict' | 'invalid';
  detail: string;
}

/**
 * Deploys every `*.flow` in `dir` in dependency order (a flow after the flows whose tables it `use`s,
 * otherwise alphabetical), as `SHIPPED_FLOWS_DEPLOYER`. Deploying an unchanged
 * flow again is a no-op in the store; a different source under an already-deployed version
 * (CONFLICT) or a source with errors is logged and skipped, so one bad file never stops the server.
 */
export async function deployShippedFlows(
  store: SignetStore,
  dir: string,
  logger: LoggerService,
): Promise<ShippedFlowOutcome[]> {
  const files = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.flow'))
        .sort()
    : [];
  const sources = new Map(files.map((file) => [file, fs.readFileSync(path.join(dir, file), 'utf8')]));
  const outcomes: ShippedFlowOutcome[] = [];
  for (const file of dependencyOrder(sources)) {
    const source = sources.get(file) ?? '';
    try {
      const flow = await store.deployFlow(source, SHIPPED_FLOWS_DEPLOYER);
      outcomes.push({ file, outcome: 'ready', detail: `${flow.key} v${flow.version}` });
      logger.log(`${file}: ${flow.key} v${flow.version} deployed (or already was)`);
    } catch (error) {
      if (!(error instanceof ProcessError) || (error.code !== 'CONFLICT' && error.code !== 'FLOW_INVALID')) {
        throw error;
      }
      const outcome = error.code === 'CONFLICT' ? 'conflict' : 'invalid';
      outcomes.push({ file, outcome, detail: error.message });
      logger.warn(`${file}: not deployed: ${error.message}`);
    }
  }
  return outcomes;
}

/**
 * The files in an order that deploys a flow after the shipped flows it `use`s (alphabetical among
 * those that are ready). Files in a cycle keep alphabetical order at the end: their deploys report it.
 */
export function dependencyOrder(sources: ReadonlyMap<string, string>): string[] {
  const files = [...sources.keys()].sort();
  const keyOf = new Map<string, string>();
  const needs = new Map<string, string[]>();
  for (const file of files) {
    const flow = parse(sources.get(file) ?? '').ast.flow;
    if (flow) keyOf.set(flow.key.name, file);
    needs.set(
      file,
      (flow?.uses ?? []).map((u) => u.from.name),
    );
  }
  const done = new Set<string>();
  const order: string[] = [];
  for (let progress = true; progress;) {
    progress = false;
    for (const file of files) {
      if (done.has(file)) continue;
      const waiting = (needs.get(file) ?? []).some((key) => {
        const dep = keyOf.get(key);
        return dep !== undefined && dep !== file && !done.has(dep);
      });
      if (waiting) continue;
      done.add(file);
      order.push(file);
      progress = true;
      break;
    }
  }
  return [...order, ...files.filter((f) => !done.has(f))];
}
