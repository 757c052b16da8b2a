/** Test helpers for code that uses @signet/persistence: a fresh, migrated, seeded database per call. */
export {
  createTestDatabase,
  testBackend,
  withDatabase,
  DEFAULT_TEST_DATABASE_URL,
} from './create-test-database';
export type { TestDatabase } from './create-test-database';
