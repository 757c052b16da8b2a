import type { LoggerService } from '@nestjs/common';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ProcessError, type SignetStore } from '@signet/persistence';

/** The user shipped flows are deployed as: a general manager with the flow_admin role. */
export const SHIPPED_FLOWS_DEPLOYER = 'zhou.qiang';

export interface ShippedFlowOutcome {
  file: string;
  outcome: 'ready' | 'conflict' | 'invalid';
  detail: string;
}

/**
 * Deploys every `*.flow` in `dir` (alphabetical), as `SHIPPED_FLOWS_DEPLOYER`. Deploying an unchanged
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
  const outcomes: ShippedFlowOutcome[] = [];
  for (const file of files) {
    const source = fs.readFileSync(path.join(dir, file), 'utf8');
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
