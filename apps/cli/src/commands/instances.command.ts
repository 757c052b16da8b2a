import { parseCommandArgs, usageError, type Command } from '../command';
import { migrateInstances } from './instances-migrate';

/** A flow version as typed: `1` or `v1`. */
function version(option: string, value: string | undefined): number | string {
  const match = /^v?(\d+)$/.exec(value ?? '');
  if (!match) return `--${option} needs a flow version such as 1 or v1 (got "${value ?? ''}")`;
  return Number(match[1]);
}

/**
 * `signet instances migrate --flow <key> --from <v> --to <v> --as <username> [--dry-run]`: moves every
 * active instance of one flow version to a newer one, on `DATABASE_URL` or the embedded database.
 */
export const instancesCommand: Command = {
  name: 'instances',
  summary: 'move the active instances of a flow version to a newer version (bulk migrateInstance)',
  usage: 'signet instances migrate --flow <key> --from <version> --to <version> --as <username> [--dry-run]',
  async run(args, io) {
    const parsed = parseCommandArgs(args, {
      flow: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      as: { type: 'string' },
      'dry-run': { type: 'boolean' },
    });
    if (!parsed.ok) return usageError(io, this, parsed.message);
    const [sub, extra] = parsed.positionals;
    if (sub !== 'migrate')
      return usageError(io, this, sub === undefined ? 'say migrate' : `unknown subcommand "${sub}"`);
    if (extra !== undefined) return usageError(io, this, `unexpected argument "${extra}"`);
    const v = parsed.values;
    if (!v.flow) return usageError(io, this, '--flow <key> is required');
    if (!v.as) return usageError(io, this, '--as <username> is required: the flow admin the audit log names');
    const from = version('from', v.from);
    const to = version('to', v.to);
    if (typeof from === 'string') return usageError(io, this, from);
    if (typeof to === 'string') return usageError(io, this, to);
    if (to <= from) return usageError(io, this, `--to v${to} must be newer than --from v${from}`);
    return migrateInstances(io, { flowKey: v.flow, from, to, actor: v.as, dryRun: v['dry-run'] === true });
  },
};
