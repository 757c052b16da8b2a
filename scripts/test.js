#!/usr/bin/env node
/**
 * `npm test`: runs every project's Jest tests against a real PostgreSQL.
 *
 * TEST_DATABASE_URL defaults to the machine's server (postgres://postgres@127.0.0.1:5432/postgres);
 * each test file that needs a database creates its own fresh one there and drops it afterwards.
 * Set SIGNET_TEST_DB=embedded to run the integration tests on the embedded PGlite instead.
 * Extra arguments go to Jest (`npm test -- libs/dsl`).
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const env = { ...process.env };
env.TEST_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';
// PGlite's CommonJS build loads its WebAssembly through dynamic import(), which Jest's CJS runtime
// only allows with this flag.
env.NODE_OPTIONS = [env.NODE_OPTIONS, '--experimental-vm-modules', '--no-warnings=ExperimentalWarning']
  .filter(Boolean)
  .join(' ');

const report = path.join(root, 'tmp', 'jest-report.json');
fs.mkdirSync(path.dirname(report), { recursive: true });
fs.rmSync(report, { force: true });

const jest = require.resolve('jest/bin/jest');
const args = [jest, '--json', `--outputFile=${report}`, ...process.argv.slice(2)];
const run = spawnSync(process.execPath, args, { cwd: root, env, stdio: 'inherit' });

if (fs.existsSync(report)) {
  const r = JSON.parse(fs.readFileSync(report, 'utf8'));
  // The plain closing line CI reads.
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`);
}
process.exit(run.status ?? 1);
