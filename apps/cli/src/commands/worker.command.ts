import {
  createBackgroundWorkers,
  DataDirectoryLockedError,
  migrateAndSeed,
  openDatabase,
  workerConfigFromEnv,
} from '@signet/persistence';
import type { BackgroundWorkers, SignetDatabase } from '@signet/persistence';
import { resolveDataDir } from '@signet/server-common';
import { EXIT_FAILED, EXIT_OK } from '../cli-io';
import { parseCommandArgs, usageError, type Command } from '../command';
import { PROJECT_ROOT } from '../project-root';

/**
 * `signet worker` (also `npm start -- --worker-only`): runs the durable timer worker and the outbox
 * relay without the API until SIGINT/SIGTERM. On PostgreSQL (`DATABASE_URL`) any number of workers
 * and API processes may share the database. The embedded database belongs to one process: a worker
 * there is that single owner (no API can run beside it).
 */
export const workerCommand: Command = {
  name: 'worker',
  summary: 'run the timer worker and outbox relay alone (no API)',
  usage: 'signet worker [--poll-ms 1000]',
  async run(args, io) {
    const parsed = parseCommandArgs(args, {
      'poll-ms': { type: 'string' },
      'worker-only': { type: 'boolean' },
    });
    if (!parsed.ok) return usageError(io, this, parsed.message);
    if (parsed.positionals.length > 0)
      return usageError(io, this, `unexpected argument "${parsed.positionals[0]}"`);
    const env = { ...io.env };
    if (parsed.values['poll-ms'] !== undefined) env['SIGNET_TIMER_POLL_MS'] = parsed.values['poll-ms'];
    let config;
    try {
      config = workerConfigFromEnv(env);
    } catch (error) {
      return usageError(io, this, messageOf(error));
    }
    const url = env['DATABASE_URL'];
    const dataDir = resolveDataDir(env, PROJECT_ROOT);
    const where = url ? 'postgres (DATABASE_URL)' : `embedded ${dataDir}`;
    let db: SignetDatabase;
    try {
      db = await openDatabase(url ? { url } : { dataDir });
    } catch (error) {
      const hint =
        error instanceof DataDirectoryLockedError ? ' (stop the API first, or use DATABASE_URL)' : '';
      io.err(`signet worker: cannot open the database (${where}): ${messageOf(error)}${hint}`);
      return EXIT_FAILED;
    }
    let workers: BackgroundWorkers;
    try {
      await migrateAndSeed(db);
      workers = createBackgroundWorkers(db, {
        sink: config.sink,
        pollMs: config.pollMs,
        calendar: config.calendar,
        onError: (e) => io.err(`signet worker: poll failed: ${messageOf(e)}`),
      });
    } catch (error) {
      await db.close();
      io.err(`signet worker: cannot start on ${where}: ${messageOf(error)}`);
      return EXIT_FAILED;
    }
    workers.start();
    io.out(
      `Signet worker ${workers.workerId} polling every ${config.pollMs} ms ` +
        `(database: ${where}; outbox: ${config.sinkDescription})`,
    );
    await untilSignal();
    await workers.stop();
    await db.close();
    io.out(`Signet worker ${workers.workerId} stopped`);
    return EXIT_OK;
  },
};

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
