import type { ExportedEvent } from './export-events';

export type ExportFormat = 'csv' | 'jsonl';

const CSV_COLUMNS: (keyof ExportedEvent)[] = [
  'id',
  'instanceId',
  'flowKey',
  'flowVersion',
  'seq',
  'type',
  'actor',
  'at',
  'fromState',
  'toState',
  'payload',
  'trace',
  'hash',
];

/** The CSV header line (RFC 4180 quoting; LF line ends, which spreadsheets and SIEM tools accept). */
export function csvHeader(): string {
  return `${CSV_COLUMNS.join(',')}\n`;
}

/** One event as a line: CSV (JSON columns as JSON text, quoted) or JSON Lines. */
export function formatEvent(event: ExportedEvent, format: ExportFormat): string {
  if (format === 'jsonl') return `${JSON.stringify(event)}\n`;
  return `${CSV_COLUMNS.map((column) => csvCell(event[column])).join(',')}\n`;
}

function csvCell(value: ExportedEvent[keyof ExportedEvent]): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
  // A leading = + - @ would be run as a formula by spreadsheets; a quote-prefixed cell is inert.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) || safe !== text ? `"${safe.replace(/"/g, '""')}"` : safe;
}
