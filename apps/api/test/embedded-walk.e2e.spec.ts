import { describeDiscountWalk } from './support/discount-walk';
import { startTestApi } from './support/test-api';

// The same walk on the embedded database `npm start` uses by default (in-memory PGlite).
describeDiscountWalk('discount approval over GraphQL (embedded PGlite)', () =>
  startTestApi({ embedded: true }),
);
