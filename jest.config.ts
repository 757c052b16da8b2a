import type { Config } from 'jest';

/** Runs every project's tests: `npm test` (see scripts/test.js) or `npx jest`. */
const config: Config = {
  projects: [
    '<rootDir>/libs/*/jest.config.ts',
    '<rootDir>/libs/server/*/jest.config.ts',
    '<rootDir>/apps/*/jest.config.ts',
    '<rootDir>/workflows/jest.config.ts',
  ],
};

export default config;
