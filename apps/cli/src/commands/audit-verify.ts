import { createAuditQueries, isProcessError } from '@signet/persistence';
import { EXIT_FAILED, EXIT_OK, type CliIo } from '../cli-io';
import { openAuditDatabase, messageOf } from './audit-database';

/**
 * `signet audit verify [--instance id]`: recomputes the per-instance hash chains and the global
 * chain (or one instance's chain and its links) and prints the verdict; exit 1 names the first
 * broken event.
 */
export async function auditVerify(io: CliIo, instanceId: string | undefined): Promise<number> {
  const opened = await openAuditDatabase(io, 'audit verify');
  if (!opened) return EXIT_FAILED;
  try {
    const result = await createAuditQueries(opened.db).verify(instanceId);
    const scope = instanceId ? `instance ${instanceId}` : 'whole log';
    if (!result.ok) {
      io.err(
        `${scope}: BROKEN at event ${result.firstBrokenEventId ?? '?'} ` +
          `(instance chains checked ${result.checkedEvents} event(s); global chain ${result.globalChainOk ? 'intact' : 'broken'})`,
      );
      return EXIT_FAILED;
    }
    const global = instanceId
      ? 'every event linked into the global chain'
      : `global chain ${result.checkedLinks} link(s), head ${result.headHash ?? '(empty)'}`;
    io.out(`${scope}: ok, ${result.checkedEvents} event(s) verified; ${global}`);
    return EXIT_OK;
  } catch (error) {
    if (isProcessError(error)) {
      io.err(`signet audit verify: ${error.message}`);
      return EXIT_FAILED;
    }
    io.err(`signet audit verify: failed on ${opened.where}: ${messageOf(error)}`);
    return EXIT_FAILED;
  } finally {
    await opened.db.close();
  }
}
