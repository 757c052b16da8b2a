import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FlowResolver } from '@signet/dsl';
import type { CliIo } from '../cli-io';
import { PROJECT_ROOT } from '../project-root';

/** The resolver and known flow keys a command compiles `file` with. */
export interface FileResolution {
  resolve: FlowResolver;
  flowKeys: string[];
}

/**
 * How `signet check/compile/simulate/test` find the flows a `use … from <key>` names: the `.flow` file
 * of that key next to the file (`<key>.flow`, or with `-` for `_`: `discount-approval.flow`), else in
 * the checkout's `workflows/`. The compiler checks that the file found declares that key.
 */
export function fileResolution(io: CliIo, file: string): FileResolution {
  const dirs = [...new Set([path.dirname(file), path.join(PROJECT_ROOT, 'workflows')])];
  const resolve: FlowResolver = (key) => {
    for (const dir of dirs) {
      for (const name of new Set([key, key.replace(/_/g, '-')])) {
        try {
          return io.readFile(path.join(dir, `${name}.flow`));
        } catch {
          // not here: try the next place
        }
      }
    }
    return undefined;
  };
  const flowKeys = dirs.flatMap((dir) => {
    try {
      return fs
        .readdirSync(path.resolve(io.cwd, dir))
        .filter((f) => f.endsWith('.flow'))
        .map((f) => f.slice(0, -'.flow'.length).replace(/-/g, '_'));
    } catch {
      return [];
    }
  });
  return { resolve, flowKeys: [...new Set(flowKeys)] };
}
