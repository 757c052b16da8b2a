import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { Directory } from '@signet/engine';
import { loadCalendar } from '../calendar/calendar-store';
import type { LoadedCalendar } from '../calendar/calendar-store';
import type { SignetDatabase } from '../database/open-database';
import { loadDirectory } from '../directory/load-directory';

/** What a step reads besides its instance: the org directory and the business calendar. */
export interface ReferenceData {
  directory: Directory;
  calendar: LoadedCalendar;
}

interface Snapshot {
  /** The `reference_data_version` stamp read before the data was loaded. */
  version: string;
  directory: Directory;
  calendars: Map<string, LoadedCalendar>;
}

// One per database (every store, timer worker and audit query over it shares it); dropped with it.
const snapshots = new WeakMap<SignetDatabase, { current: Snapshot | null }>();

/**
 * The directory and the calendar `calendarName` for a step whose transaction read the stamp
 * `version` (`select version from reference_data_version`, migration 0010). Kept in memory while the
 * stamp is unchanged; any change to the directory or calendars stamps a new version in its own
 * transaction (a trigger), so the next step reloads — the same data it would have read itself.
 *
 * The stamp is read before the data, so a snapshot is never labelled newer than its contents; a change
 * committed in between only costs one extra reload. Stamps come from a sequence: a rolled-back
 * change's stamp is never seen again.
 */
export async function referenceData(
  db: SignetDatabase,
  em: SqlEntityManager,
  version: string,
  calendarName: string,
): Promise<ReferenceData> {
  const snapshot = await snapshotAt(db, em, version);
  let calendar = snapshot.calendars.get(calendarName);
  if (!calendar) {
    calendar = await loadCalendar(em, calendarName);
    snapshot.calendars.set(calendarName, calendar);
  }
  return { directory: snapshot.directory, calendar };
}

/**
 * The org directory as of the stamp `version` the caller just read (`referenceVersion`): the cached
 * snapshot while the stamp is unchanged, else reloaded — as `referenceData`, without a calendar.
 */
export async function directoryAt(
  db: SignetDatabase,
  em: SqlEntityManager,
  version: string,
): Promise<Directory> {
  return (await snapshotAt(db, em, version)).directory;
}

async function snapshotAt(db: SignetDatabase, em: SqlEntityManager, version: string): Promise<Snapshot> {
  let slot = snapshots.get(db);
  if (!slot) {
    slot = { current: null };
    snapshots.set(db, slot);
  }
  let snapshot = slot.current;
  if (!snapshot || snapshot.version !== version) {
    snapshot = { version, directory: await loadDirectory(em), calendars: new Map() };
    slot.current = snapshot;
  }
  return snapshot;
}

/** The current reference-data stamp, as the caller's transaction sees it. */
export async function referenceVersion(em: SqlEntityManager): Promise<string> {
  const [row] = await em.execute<{ version: string }[]>(
    'select version::text as version from reference_data_version',
  );
  return row.version;
}
