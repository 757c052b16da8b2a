export { MIGRATED_EVENT, migrateInstance } from './migrate-instance';
export type { MigrationApplied, MigrationError, MigrationRefusal, MigrationResult } from './migration-errors';
