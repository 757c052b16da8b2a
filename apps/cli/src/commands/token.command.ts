import { DEFAULT_TOKEN_TTL, parseTtl, resolveJwtSecret, signToken } from '@signet/server-auth';
import { resolveDataDir } from '@signet/server-common';
import { EXIT_OK } from '../cli-io';
import { parseCommandArgs, usageError, type Command } from '../command';
import { PROJECT_ROOT } from '../project-root';

/**
 * `signet token <username> [--ttl 8h]`: prints a bearer token the local server accepts, signed with
 * the same secret (`SIGNET_JWT_SECRET`, or the one generated into the data directory). Whether the
 * user exists is the server's call: it refuses unknown users with UNAUTHENTICATED.
 */
export const tokenCommand: Command = {
  name: 'token',
  summary: 'print a bearer token for a user of the org directory',
  usage: `signet token <username> [--ttl ${DEFAULT_TOKEN_TTL}]`,
  run(args, io) {
    const parsed = parseCommandArgs(args, { ttl: { type: 'string', default: DEFAULT_TOKEN_TTL } });
    if (!parsed.ok) return Promise.resolve(usageError(io, this, parsed.message));
    const [username, ...extra] = parsed.positionals;
    if (!username) return Promise.resolve(usageError(io, this, 'which user? e.g. `signet token li.na`'));
    if (extra.length > 0) return Promise.resolve(usageError(io, this, `unexpected argument "${extra[0]}"`));
    const ttl = parsed.values.ttl ?? DEFAULT_TOKEN_TTL;
    if (parseTtl(ttl) === undefined) {
      return Promise.resolve(usageError(io, this, `--ttl "${ttl}" is not a duration like 30m, 8h or 7d`));
    }
    const secret = resolveJwtSecret(io.env, resolveDataDir(io.env, PROJECT_ROOT));
    io.out(signToken(secret, username, ttl));
    return Promise.resolve(EXIT_OK);
  },
};
