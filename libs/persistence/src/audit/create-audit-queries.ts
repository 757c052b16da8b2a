import { DEFAULT_CALENDAR } from '../calendar/calendar-rules';
import type { SignetDatabase } from '../database/open-database';
import { readEm } from '../store/store-deps';
import type { StoreDeps } from '../store/store-deps';
import { discountsAboveAuthority, fourEyesRefusals, softConflicts, userActivity } from './compliance-queries';
import type {
  AuditWindow,
  DiscountAboveAuthorityRow,
  RefusalRow,
  SoftConflictRow,
  UserActivityRow,
} from './compliance-queries';
import { openComplaints } from './complaint-open-items';
import type { OpenComplaintRow } from './complaint-open-items';
import { complaintReport } from './complaint-report';
import type { ComplaintMonthRow } from './complaint-report';
import { exportEvents } from './export-events';
import type { ExportFilter, ExportedEvent } from './export-events';
import { instanceAt } from './instance-at';
import type { InstanceAtRecord } from './instance-at';
import { recordRefusal } from './refusal-log';
import type { Refusal } from './refusal-log';
import { slaBreaches, timeInState } from './report-queries';
import type { SlaBreachRow, TimeInStateRow } from './report-queries';
import { verifyFull } from './verify-full';
import type { FullVerification } from './verify-full';

/**
 * The auditor's questions over the event log (ADR 0009), next to the SignetStore. Every answer is
 * read from the tables the steps write, so it is never stale. Access rules (auditor / flow_admin)
 * are the API's; these functions answer for the whole log.
 */
export interface AuditQueries {
  /** Per-instance chains and the global chain; NOT_FOUND for an unknown instance. */
  verify(instanceId?: string): Promise<FullVerification>;
  /** The instance as it was at `at` (null if it did not exist yet); NOT_FOUND for an unknown id. */
  instanceAt(instanceId: string, at: Date): Promise<InstanceAtRecord | null>;
  discountsAboveAuthority(window: AuditWindow): Promise<DiscountAboveAuthorityRow[]>;
  fourEyesRefusals(window: AuditWindow): Promise<RefusalRow[]>;
  softConflicts(window: AuditWindow): Promise<SoftConflictRow[]>;
  slaBreaches(filter: { flowKey?: string; from?: Date; to?: Date }): Promise<SlaBreachRow[]>;
  timeInState(flowKey?: string): Promise<TimeInStateRow[]>;
  /** The monthly complaint report, newest month first: months of `from` through `to` (inclusive). */
  complaintReport(range: { from?: Date; to?: Date }): Promise<ComplaintMonthRow[]>;
  /**
   * The report's open items one by one: complaints recorded in the months of `from` through `to`
   * still open now, oldest first, at most `first` (default 50, ≤ 500), with the task each waits on.
   */
  openComplaints(range: { from?: Date; to?: Date; first?: number }): Promise<OpenComplaintRow[]>;
  userActivity(username: string, window: AuditWindow): Promise<UserActivityRow[]>;
  /** Appends a refused attempt to `refusal_log` (its own transaction). */
  recordRefusal(refusal: Refusal): Promise<void>;
  /** Matching events oldest first, one batch at a time. */
  exportEvents(filter: ExportFilter, batch?: number): AsyncGenerator<ExportedEvent[]>;
}

/**
 * The AuditQueries over an open (migrated) database; `calendar` is the business calendar replays count
 * `workdays` in (the store's, default `default`).
 */
export function createAuditQueries(
  db: SignetDatabase,
  options: { now?: () => Date; calendar?: string } = {},
): AuditQueries {
  const deps: StoreDeps = {
    db,
    now: options.now ?? (() => new Date()),
    newId: () => {
      throw new Error('audit queries never create rows with fresh ids');
    },
    calendar: options.calendar ?? DEFAULT_CALENDAR,
  };
  const em = () => readEm(deps);
  return {
    verify: (instanceId) => verifyFull(deps, instanceId),
    instanceAt: (instanceId, at) => instanceAt(deps, instanceId, at),
    discountsAboveAuthority: (w) => discountsAboveAuthority(em(), w),
    fourEyesRefusals: (w) => fourEyesRefusals(em(), w),
    softConflicts: (w) => softConflicts(em(), w),
    slaBreaches: (filter) => slaBreaches(em(), filter),
    timeInState: (flowKey) => timeInState(em(), flowKey),
    complaintReport: (range) => complaintReport(em(), range),
    openComplaints: (range) => openComplaints(em(), range, deps.now()),
    userActivity: (username, w) => userActivity(em(), username, w),
    recordRefusal: (refusal) => recordRefusal(em(), refusal),
    exportEvents: (filter, batch) => exportEvents(em(), filter, batch),
  };
}
