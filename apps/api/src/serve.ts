import { Logger } from '@nestjs/common';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import {
  createAuditQueries,
  createBackgroundWorkers,
  createStore,
  DurabilityMetrics,
  migrateAndSeed,
  openDatabase,
  workerConfigFromEnv,
} from '@signet/persistence';
import { resolveJwtSecret } from '@signet/server-auth';
import { readApiConfig } from './api-config';
import { createApiApp } from './create-api-app';
import { deployShippedFlows } from './deploy-shipped-flows';
import { probeOf } from './health/database-probe';
import { PROJECT_ROOT } from './project-root';

/** A running API server; `stop()` closes the HTTP server, then the database. */
export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts the API as `npm start` does: opens the database (`DATABASE_URL`, else the embedded one in
 * the data directory), applies migrations, loads the demo organisation, deploys `workflows/*.flow`,
 * then listens and prints the GraphQL URL. `port` overrides `PORT`. Unless `SIGNET_WORKER=off`, the
 * durable timer worker and the outbox relay run in this process too (see `workerConfigFromEnv`);
 * `stop()` stops them before the database closes.
 */
export async function serve(env: NodeJS.ProcessEnv, port?: number): Promise<RunningServer> {
  const config = readApiConfig(env, PROJECT_ROOT);
  const jwtSecret = resolveJwtSecret(env, config.dataDir);
  const workerConfig = workerConfigFromEnv(env);
  const db = await openDatabase(
    config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir },
  );
  try {
    await migrateAndSeed(db);
    const store = createStore(db, { calendar: workerConfig.calendar });
    await deployShippedFlows(store, path.join(PROJECT_ROOT, 'workflows'), new Logger('ShippedFlows'));
    const metrics = new DurabilityMetrics();
    const app = await createApiApp({
      store,
      audit: createAuditQueries(db, { calendar: workerConfig.calendar }),
      jwtSecret,
      probeDatabase: probeOf(db),
      metrics,
    });
    await app.listen(port ?? config.port);
    const workers = workerConfig.enabled
      ? createBackgroundWorkers(db, {
          sink: workerConfig.sink,
          pollMs: workerConfig.pollMs,
          calendar: workerConfig.calendar,
          metrics,
        })
      : null;
    workers?.start();
    const { port: bound } = (app.getHttpServer() as Server).address() as AddressInfo;
    const url = `http://localhost:${bound}/graphql`;
    const where = config.databaseUrl ? 'postgres' : `embedded ${displayPath(config.dataDir)}`;
    console.log(`Signet GraphQL ready at ${url} (database: ${where})`);
    console.log(
      workers
        ? `Signet timer worker ${workers.workerId} polling every ${workerConfig.pollMs} ms (outbox: ${workerConfig.sinkDescription})`
        : 'Signet timer worker off in this process (SIGNET_WORKER=off)',
    );
    return {
      url,
      stop: async () => {
        await workers?.stop();
        await app.close();
        await db.close();
      },
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}

/** `.signet/` when the data directory is inside the working directory, else its absolute path. */
function displayPath(dir: string): string {
  const relative = path.relative(process.cwd(), dir);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? `${relative}/` : dir;
}
