import { resolveDataDir } from '@signet/server-common';

/** How the API process is configured (API.md, "Transport and identity"). */
export interface ApiConfig {
  port: number;
  /** A PostgreSQL URL, or undefined for the embedded database in `dataDir`. */
  databaseUrl: string | undefined;
  /** Embedded database and generated JWT secret live here. */
  dataDir: string;
}

/** Reads `PORT` (default 3000), `DATABASE_URL` and `SIGNET_DATA_DIR` (default `.signet/` in the project). */
export function readApiConfig(env: NodeJS.ProcessEnv, projectRoot: string): ApiConfig {
  return {
    port: parsePort(env['PORT']),
    databaseUrl: env['DATABASE_URL'] || undefined,
    dataDir: resolveDataDir(env, projectRoot),
  };
}

/** A TCP port from its text; throws (a configuration bug, reported at startup) when it is not one. */
export function parsePort(text: string | undefined, fallback = 3000): number {
  if (text === undefined || text.trim() === '') return fallback;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be an integer between 0 and 65535, got "${text}"`);
  }
  return port;
}
