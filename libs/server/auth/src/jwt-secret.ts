import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Name of the generated secret's file inside the data directory. */
export const JWT_SECRET_FILE = 'jwt-secret';

/**
 * The HS256 secret the API verifies and `signet token` signs with: `SIGNET_JWT_SECRET` when set,
 * else the one generated into `<dataDir>/jwt-secret` (mode 600) on first use and reused afterwards.
 */
export function resolveJwtSecret(env: NodeJS.ProcessEnv, dataDir: string): string {
  const configured = env['SIGNET_JWT_SECRET'];
  if (configured) return configured;
  const file = path.join(dataDir, JWT_SECRET_FILE);
  const existing = readSecret(file);
  if (existing) return existing;
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  try {
    // `wx` fails if another process created the file meanwhile; then its secret wins.
    fs.writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    const raced = (error as NodeJS.ErrnoException).code === 'EEXIST' ? readSecret(file) : undefined;
    if (raced) return raced;
    throw error;
  }
}

function readSecret(file: string): string | undefined {
  try {
    const secret = fs.readFileSync(file, 'utf8').trim();
    return secret === '' ? undefined : secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
