import { createAuditQueries, csvHeader, formatEvent } from '@signet/persistence';
import type { ExportFilter, ExportFormat } from '@signet/persistence';
import { EXIT_FAILED, EXIT_OK, type CliIo } from '../cli-io';
import { openAuditDatabase, messageOf } from './audit-database';

/**
 * `signet audit export`: the matching events oldest first as CSV or JSON Lines on stdout, written
 * one batch at a time as they are read (the export never sits in memory). The count goes to stderr.
 */
export async function auditExport(io: CliIo, filter: ExportFilter, format: ExportFormat): Promise<number> {
  const opened = await openAuditDatabase(io, 'audit export');
  if (!opened) return EXIT_FAILED;
  let count = 0;
  try {
    if (format === 'csv') io.out(csvHeader().slice(0, -1));
    for await (const batch of createAuditQueries(opened.db).exportEvents(filter)) {
      // io.out ends the text with the last line's newline.
      io.out(
        batch
          .map((event) => formatEvent(event, format))
          .join('')
          .slice(0, -1),
      );
      count += batch.length;
    }
    io.err(`exported ${count} event(s)`);
    return EXIT_OK;
  } catch (error) {
    io.err(`signet audit export: failed after ${count} event(s) on ${opened.where}: ${messageOf(error)}`);
    return EXIT_FAILED;
  } finally {
    await opened.db.close();
  }
}
