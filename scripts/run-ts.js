#!/usr/bin/env node
/**
 * Runs a TypeScript file of this repository: `node scripts/run-ts.js <file.ts> [args…]`.
 * Registers @swc-node/register (decorator metadata and the tsconfig `paths` aliases, see
 * scripts/register-ts.js), then loads the file as the main module.
 */
const path = require('node:path');
require('./register-ts');

const [file, ...args] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/run-ts.js <file.ts> [args…]');
  process.exit(2);
}
process.argv = [process.argv[0], path.resolve(file), ...args];
require(path.resolve(file));
