import type { ExportFilter, ExportFormat } from '@signet/persistence';
import { parseCommandArgs, usageError, type Command } from '../command';
import { auditExport } from './audit-export';
import { auditVerify } from './audit-verify';

const FORMATS: ExportFormat[] = ['csv', 'jsonl'];

/** An ISO-8601 time, or a message naming the option. */
function time(option: string, value: string | undefined): Date | string | undefined {
  if (value === undefined) return undefined;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime())
    ? `--${option} "${value}" is not a time (e.g. 2026-11-01 or 2026-11-01T08:00:00Z)`
    : parsed;
}

/**
 * `signet audit verify [--instance id]` and `signet audit export [--flow key] [--from t] [--to t]
 * [--format csv|jsonl]`, on `DATABASE_URL` or the embedded database.
 */
export const auditCommand: Command = {
  name: 'audit',
  summary: 'verify the hash chains, or export the event log as CSV / JSON Lines',
  usage:
    'signet audit verify [--instance <id>] | signet audit export [--flow <key>] [--from <time>] [--to <time>] [--format csv|jsonl]',
  async run(args, io) {
    const parsed = parseCommandArgs(args, {
      instance: { type: 'string' },
      flow: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      format: { type: 'string' },
    });
    if (!parsed.ok) return usageError(io, this, parsed.message);
    const [sub, extra] = parsed.positionals;
    if (extra !== undefined) return usageError(io, this, `unexpected argument "${extra}"`);
    const v = parsed.values;
    if (sub === 'verify') {
      if (v.flow ?? v.from ?? v.to ?? v.format) return usageError(io, this, 'verify takes only --instance');
      return auditVerify(io, v.instance);
    }
    if (sub === 'export') {
      if (v.instance) return usageError(io, this, 'export takes --flow, --from, --to and --format');
      const format = (v.format ?? 'jsonl') as ExportFormat;
      if (!FORMATS.includes(format))
        return usageError(io, this, `--format must be csv or jsonl (got "${v.format}")`);
      const from = time('from', v.from);
      const to = time('to', v.to);
      if (typeof from === 'string') return usageError(io, this, from);
      if (typeof to === 'string') return usageError(io, this, to);
      const filter: ExportFilter = {
        ...(v.flow ? { flowKey: v.flow } : {}),
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
      };
      return auditExport(io, filter, format);
    }
    return usageError(io, this, sub === undefined ? 'say verify or export' : `unknown subcommand "${sub}"`);
  },
};
