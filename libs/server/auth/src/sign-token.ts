import * as jwt from 'jsonwebtoken';
import { parseTtl } from './token-ttl';

/** Default lifetime of a token printed by `signet token`. */
export const DEFAULT_TOKEN_TTL = '8h';

/**
 * Signs an HS256 bearer token for `username` (`sub`), valid for `ttl` (`"8h"`). Roles are not in the
 * token: the server reads them from the org directory on every request.
 * Throws on a malformed ttl — callers validate user input with `parseTtl` first.
 */
export function signToken(secret: string, username: string, ttl: string = DEFAULT_TOKEN_TTL): string {
  const seconds = parseTtl(ttl);
  if (seconds === undefined) throw new Error(`signToken: malformed ttl "${ttl}"`);
  return jwt.sign({}, secret, { algorithm: 'HS256', subject: username, expiresIn: seconds });
}
