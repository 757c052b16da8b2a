import { createStore, isProcessError } from '@signet/persistence';
import type { InstanceRecord, SignetStore, Viewer } from '@signet/persistence';
import { EXIT_FAILED, EXIT_OK, type CliIo } from '../cli-io';
import { messageOf, openAuditDatabase } from './audit-database';

export interface BulkMigration {
  flowKey: string;
  from: number;
  to: number;
  /** The flow admin the audit log names as having moved each instance. */
  actor: string;
  dryRun: boolean;
}

const FLOW_ADMIN_ROLE = 'flow_admin';
// The instances to move are chosen by the operator's filter, not by what one user may see.
const EVERYONE: Viewer = { username: 'signet-cli', roles: ['auditor'], team: null };

/**
 * Moves every ACTIVE instance of `flowKey` v`from` to v`to`, each in its own transaction (one refusal
 * never holds back the others), and prints one line per instance: `migrated <from> -> <to>` or
 * `refused: <reason>` (`would migrate` on a dry run, which writes nothing). Exit 1 when any was
 * refused or the actor may not migrate.
 */
export async function migrateInstances(io: CliIo, job: BulkMigration): Promise<number> {
  const opened = await openAuditDatabase(io, 'instances migrate');
  if (!opened) return EXIT_FAILED;
  try {
    const store = createStore(opened.db);
    const admin = await store.getUser(job.actor);
    if (!admin?.roles.includes(FLOW_ADMIN_ROLE)) {
      io.err(
        `signet instances migrate: ${job.actor} may not migrate instances: that needs the role flow_admin`,
      );
      return EXIT_FAILED;
    }
    if (!(await store.getFlow(job.flowKey, job.to))) {
      io.err(`signet instances migrate: flow ${job.flowKey} v${job.to} is not deployed; deploy it first`);
      return EXIT_FAILED;
    }
    const instances = await activeInstances(store, job.flowKey, job.from);
    let moved = 0;
    let refused = 0;
    for (const instance of instances) {
      try {
        const after = await store.migrateInstance({
          instanceId: instance.id,
          toVersion: job.to,
          expectedVersion: instance.version,
          actor: job.actor,
          dryRun: job.dryRun,
        });
        moved += 1;
        const verb = job.dryRun ? 'would migrate' : 'migrated';
        io.out(`${instance.id}  ${verb} ${instance.state} -> ${after.state}`);
      } catch (error) {
        if (!isProcessError(error)) throw error;
        refused += 1;
        io.out(`${instance.id}  refused: ${error.message}`);
      }
    }
    const what = job.dryRun ? 'would migrate' : 'migrated';
    io.out(
      `${job.flowKey} v${job.from} -> v${job.to}: ${moved} ${what}, ${refused} refused` +
        (job.dryRun ? ' (dry run: nothing written)' : ''),
    );
    return refused === 0 ? EXIT_OK : EXIT_FAILED;
  } catch (error) {
    io.err(`signet instances migrate: failed on ${opened.where}: ${messageOf(error)}`);
    return EXIT_FAILED;
  } finally {
    await opened.db.close();
  }
}

/** Every active instance of the flow version, oldest first (the store lists newest first). */
async function activeInstances(
  store: SignetStore,
  flowKey: string,
  version: number,
): Promise<InstanceRecord[]> {
  const found: InstanceRecord[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await store.listInstances(
      { flowKey, status: 'ACTIVE' },
      { first: 100, ...(after ? { after } : {}) },
      EVERYONE,
    );
    found.push(...page.items.map((i) => i.node).filter((i) => i.flowVersion === version));
    if (!page.hasNextPage || page.endCursor === null) break;
    after = page.endCursor;
  }
  return found.reverse();
}
