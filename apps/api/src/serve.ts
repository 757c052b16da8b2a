import { Logger } from '@nestjs/common';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { createStore, migrateAndSeed, openDatabase } from '@signet/persistence';
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
 * then listens and prints the GraphQL URL. `port` overrides `PORT`.
 */
export async function serve(env: NodeJS.ProcessEnv, port?: number): Promise<RunningServer> {
  const config = readApiConfig(env, PROJECT_ROOT);
  const jwtSecret = resolveJwtSecret(env, config.dataDir);
  const db = await openDatabase(
    config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir },
  );
  try {
    await migrateAndSeed(db);
    const store = createStore(db);
    await deployShippedFlows(store, path.join(PROJECT_ROOT, 'workflows'), new Logger('ShippedFlows'));
    const app = await createApiApp({ store, jwtSecret, probeDatabase: probeOf(db) });
    await app.listen(port ?? config.port);
    const { port: bound } = (app.getHttpServer() as Server).address() as AddressInfo;
    const url = `http://localhost:${bound}/graphql`;
    const where = config.databaseUrl ? 'postgres' : `embedded ${displayPath(config.dataDir)}`;
    console.log(`Signet GraphQL ready at ${url} (database: ${where})`);
    return {
      url,
      stop: async () => {
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
