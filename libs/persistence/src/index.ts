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
