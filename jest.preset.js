/** Shared Jest settings for every project: node environment, ts-jest in transpile-only mode
 *  (types are checked by `npm run lint` / `npm run typecheck`), decorators with metadata. */
const path = require('node:path');

module.exports = {
  testEnvironment: 'node',
  cacheDirectory: path.join(__dirname, 'tmp/jest-cache'),
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: path.join(__dirname, 'tsconfig.spec.json') }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: require('./scripts/jest-paths.js'),
  testMatch: ['**/?(*.)+(spec|test).ts'],
};
