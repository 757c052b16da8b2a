import { describeDiscountWalk } from './support/discount-walk';
import { startTestApi } from './support/test-api';

// PostgreSQL on TEST_DATABASE_URL (or PGlite when SIGNET_TEST_DB=embedded), a fresh database for this file.
describeDiscountWalk('discount approval over GraphQL (test database)', () => startTestApi());
