import * as path from 'node:path';
import { EXIT_FAILED, EXIT_OK } from '../cli-io';
import { parseCommandArgs, usageError, type Command } from '../command';
import { PROJECT_ROOT } from '../project-root';
import { workerCommand } from './worker.command';

/** What `apps/api/src/run-api.ts` exports; loaded at run time because apps do not import each other. */
interface ApiEntry {
  runApi(env: NodeJS.ProcessEnv, port?: number): Promise<{ url: string }>;
}

/**
 * `signet serve [--port 3000]`: runs the GraphQL API in this process (configuration from the
 * environment, as API.md describes) until SIGINT/SIGTERM, with the timer worker and outbox relay.
 * `--worker-only` (`npm start -- --worker-only`) runs only those, as `signet worker` does.
 */
export const serveCommand: Command = {
  name: 'serve',
  summary: 'start the GraphQL API (embedded database unless DATABASE_URL is set)',
  usage: 'signet serve [--port 3000] [--worker-only]',
  async run(args, io) {
    if (args.includes('--worker-only')) return workerCommand.run(args, io);
    const parsed = parseCommandArgs(args, { port: { type: 'string' } });
    if (!parsed.ok) return usageError(io, this, parsed.message);
    if (parsed.positionals.length > 0)
      return usageError(io, this, `unexpected argument "${parsed.positionals[0]}"`);
    const port = parsed.values.port === undefined ? undefined : Number(parsed.values.port);
    if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
      return usageError(io, this, `--port "${parsed.values.port}" is not a port number`);
    }
    const api = (await import(path.join(PROJECT_ROOT, 'apps/api/src/run-api'))) as ApiEntry;
    try {
      await api.runApi(io.env, port);
      return EXIT_OK;
    } catch (error) {
      io.err(`Signet could not start: ${error instanceof Error ? error.message : String(error)}`);
      return EXIT_FAILED;
    }
  },
};
