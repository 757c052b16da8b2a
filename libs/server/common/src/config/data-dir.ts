import * as path from 'node:path';

/**
 * The directory holding the embedded database and the generated JWT secret: `SIGNET_DATA_DIR`
 * (relative to the working directory) or `.signet/` in the project root. The API and the CLI both
 * call this, so `signet token` and the server agree on the secret.
 */
export function resolveDataDir(env: NodeJS.ProcessEnv, projectRoot: string): string {
  const configured = env['SIGNET_DATA_DIR'];
  return configured ? path.resolve(configured) : path.join(projectRoot, '.signet');
}
