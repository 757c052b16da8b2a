import { openDatabase } from '@signet/persistence';
import type { SignetDatabase } from '@signet/persistence';
import { resolveDataDir } from '@signet/server-common';
import type { CliIo } from '../cli-io';
import { PROJECT_ROOT } from '../project-root';

/**
 * Opens the database `signet audit` reads: `DATABASE_URL`, else the embedded one in the data
 * directory. Null (with the reason on stderr) when it cannot be opened.
 */
export async function openAuditDatabase(
  io: CliIo,
  command: string,
): Promise<{ db: SignetDatabase; where: string } | null> {
  const url = io.env['DATABASE_URL'];
  const dataDir = resolveDataDir(io.env, PROJECT_ROOT);
  const where = url ? 'postgres (DATABASE_URL)' : `embedded ${dataDir}`;
  try {
    return { db: await openDatabase(url ? { url } : { dataDir }), where };
  } catch (error) {
    io.err(`signet ${command}: cannot open the database (${where}): ${messageOf(error)}`);
    return null;
  }
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
