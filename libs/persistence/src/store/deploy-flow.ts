import { compile } from '@signet/dsl';
import { FlowDefinitionEntity, OrgRoleEntity } from '../entities';
import { ProcessError } from '../errors/process-error';
import type { FlowDefinitionRecord } from '../store';
import { deployedResolution } from './flow-queries';
import { flowRecord } from './records';
import { mutate, readEm } from './store-deps';
import type { StoreDeps } from './store-deps';

/**
 * Compiles and stores a new flow version. A source with errors → FLOW_INVALID with its diagnostics
 * and nothing written. Deploying the same key, version and content again returns the stored
 * definition (so shipped flows can be deployed on every start); other content under a deployed
 * key and version → CONFLICT.
 */
export async function deployFlow(
  deps: StoreDeps,
  source: string,
  deployedBy: string,
): Promise<FlowDefinitionRecord> {
  // The directory's roles let the compiler warn about a role nobody holds (warnings do not block).
  const roles = (await readEm(deps).find(OrgRoleEntity, {}, { fields: ['key'] })).map((r) => r.key);
  // `use … from <key>` copies tables of the latest deployed version of that flow.
  const compiled = compile(source, { roles, ...(await deployedResolution(deps, source)) });
  const ir = compiled.ir;
  if (!compiled.ok || !ir) throw ProcessError.flowInvalid(compiled.diagnostics);
  return mutate(deps, { flowKey: ir.key }, async (em) => {
    // Insert-or-keep in one statement: a concurrent deploy of the same version waits for the other
    // to commit, then both compare hashes against the one stored row.
    await em
      .createQueryBuilder(FlowDefinitionEntity)
      .insert({
        id: deps.newId(),
        key: ir.key,
        version: ir.version,
        title: ir.title,
        source,
        ir,
        hash: ir.hash,
        deployedAt: deps.now(),
        deployedBy,
      })
      .onConflict(['key', 'version'])
      .ignore()
      .execute();
    const stored = await em.findOneOrFail(FlowDefinitionEntity, { key: ir.key, version: ir.version });
    if (stored.hash !== ir.hash) throw ProcessError.flowVersionTaken(ir.key, ir.version);
    return flowRecord(stored);
  });
}
