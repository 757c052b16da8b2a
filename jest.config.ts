import type { Config } from 'jest';

/** Runs every project's tests: `npm test` (see scripts/test.js) or `npx jest`. */
const config: Config = {
  // Global in multi-project runs (a project's own testTimeout is ignored there): database suites boot
  // PostgreSQL databases or PGlite and a Nest app in their hooks, which takes seconds on a busy machine.
  testTimeout: 60_000,
  projects: [
    '<rootDir>/libs/*/jest.config.ts',
    '<rootDir>/libs/server/*/jest.config.ts',
    '<rootDir>/apps/*/jest.config.ts',
    '<rootDir>/workflows/jest.config.ts',
  ],
};

export default config;
