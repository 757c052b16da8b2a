import type { Json } from '../ir/flow-ir';
import type { TableTraceEntry, TraceSink } from './eval-env';

/**
 * A `TraceSink` that keeps what it is told: the values read since the last `takeReads()` (one
 * guard's worth, for the engine) and every table decision, without repeating identical ones
 * (a table asked the same question twice in one step decided once).
 */
export class TraceRecorder implements TraceSink {
  private reads: Record<string, Json> = {};
  private readonly tableEntries: TableTraceEntry[] = [];
  private readonly seenTables = new Set<string>();

  read(name: string, value: Json): void {
    this.reads[name] = value;
  }

  table(entry: TableTraceEntry): void {
    const key = JSON.stringify(entry);
    if (this.seenTables.has(key)) return;
    this.seenTables.add(key);
    this.tableEntries.push(entry);
  }

  /** The values read since the previous call, and a fresh record for the next expression. */
  takeReads(): Record<string, Json> {
    const r = this.reads;
    this.reads = {};
    return r;
  }

  get tables(): readonly TableTraceEntry[] {
    return this.tableEntries;
  }
}
