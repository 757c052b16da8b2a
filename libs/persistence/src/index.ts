/**
 * @signet/persistence: the database edge of Signet. Open a database (PostgreSQL or the embedded
 * PGlite), migrate and seed it, then use the SignetStore; failures are ProcessErrors with stable codes.
 */
export * from './store';
export { openDatabase } from './database/open-database';
export type { DatabaseConfig, SignetDatabase } from './database/open-database';
export { DataDirectoryLockedError } from './database/data-dir-lock';
export { migrateAndSeed } from './database/migrate-and-seed';
export { seedDemoOrganisation } from './directory/seed-demo-organisation';
export { demoRoles, demoTeams, demoUsers } from './directory/demo-organisation';
export type { DemoRole, DemoUser } from './directory/demo-organisation';
export { createStore } from './store/create-store';
export type { StoreOptions } from './store/create-store';
export { ProcessError, isProcessError } from './errors/process-error';
export { processCodeForEngine } from './errors/engine-error';
export { migrationsList } from './migrations';
export { eventHash } from './events/event-hash';
export type { HashedEventFields } from './events/event-hash';
export { createTimerWorker } from './timers/timer-worker';
export type { TimerRun, TimerWorker, TimerWorkerOptions } from './timers/timer-worker';
export type { TimerOutcome } from './timers/fire-next-timer';
export { DurabilityMetrics } from './timers/durability-metrics';
export type { PollingLoop } from './timers/polling-loop';
export { DEFAULT_CALENDAR, businessCalendarOf, calendarRuleProblems } from './calendar/calendar-rules';
export type { CalendarRules } from './calendar/calendar-rules';
export { listCalendars, loadCalendar, saveCalendar } from './calendar/calendar-store';
export type { LoadedCalendar } from './calendar/calendar-store';
export { createAuditQueries } from './audit/create-audit-queries';
export type { AuditQueries } from './audit/create-audit-queries';
export type { FullVerification } from './audit/verify-full';
export type { InstanceAtRecord } from './audit/instance-at';
export type { TaskAt } from './audit/open-tasks-at';
export type {
  AuditWindow,
  DiscountAboveAuthorityRow,
  RefusalRow,
  SoftConflictRow,
  UserActivityRow,
} from './audit/compliance-queries';
export type { SlaBreachRow, TimeInStateRow } from './audit/report-queries';
export type { ComplaintBreachLevelRow, ComplaintGroupRow, ComplaintMonthRow } from './audit/complaint-report';
export type { OpenComplaintRow, OpenComplaintTaskRow } from './audit/complaint-open-items';
export type { Refusal } from './audit/refusal-log';
export { RECORDED_REFUSAL_CODES } from './audit/refusal-log';
export type { ExportFilter, ExportedEvent } from './audit/export-events';
export { csvHeader, formatEvent } from './audit/export-format';
export type { ExportFormat } from './audit/export-format';
export { chainLinkHash } from './audit/global-chain';
export { createOutboxRelay } from './outbox/outbox-relay';
export type { OutboxRelay, OutboxRelayOptions, OutboxRun } from './outbox/outbox-relay';
export { logSink, sinkFromEnv, webhookSink } from './outbox/outbox-sink';
export type { OutboxDelivery, OutboxSink } from './outbox/outbox-sink';
export { createBackgroundWorkers } from './timers/background-workers';
export type { BackgroundWorkerOptions, BackgroundWorkers } from './timers/background-workers';
export { workerConfigFromEnv } from './timers/worker-config';
export type { WorkerConfig } from './timers/worker-config';
