import { openDatabase } from '@signet/persistence';
import { resolveDataDir } from '@signet/server-common';
import { EXIT_FAILED, EXIT_OK } from '../cli-io';
import { parseCommandArgs, usageError, type Command } from '../command';
import { PROJECT_ROOT } from '../project-root';

/**
 * `signet migrate`: applies pending migrations to `DATABASE_URL`, or to the embedded database in the
 * data directory (`SIGNET_DATA_DIR`, default `.signet/`), and names what it applied.
 */
export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'apply database migrations (DATABASE_URL, else the embedded database)',
  usage: 'signet migrate',
  async run(args, io) {
    const parsed = parseCommandArgs(args, {});
    if (!parsed.ok) return usageError(io, this, parsed.message);
    if (parsed.positionals.length > 0)
      return usageError(io, this, `unexpected argument "${parsed.positionals[0]}"`);
    const url = io.env['DATABASE_URL'];
    const dataDir = resolveDataDir(io.env, PROJECT_ROOT);
    const where = url ? 'postgres (DATABASE_URL)' : `embedded ${dataDir}`;
    let db;
    try {
      db = await openDatabase(url ? { url } : { dataDir });
    } catch (error) {
      io.err(`signet migrate: cannot open the database (${where}): ${messageOf(error)}`);
      return EXIT_FAILED;
    }
    try {
      const applied = await db.migrate();
      io.out(
        applied.length === 0
          ? `${where}: schema is current, nothing to apply`
          : `${where}: applied ${applied.length} migration(s): ${applied.join(', ')}`,
      );
      return EXIT_OK;
    } catch (error) {
      io.err(`signet migrate: migration failed on ${where}: ${messageOf(error)}`);
      return EXIT_FAILED;
    } finally {
      await db.close();
    }
  },
};

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
