/**
 * Lets Node load this repository's TypeScript at run time (`bin/signet.js`, `scripts/run-ts.js`).
 * @swc-node/register reads tsconfig.json (so `emitDecoratorMetadata`, which Nest and GraphQL need,
 * and the `@signet/*` paths apply) and transpiles without type-checking (`npm run typecheck` does that).
 */
const path = require('node:path');

process.env.SWC_NODE_PROJECT ??= path.join(__dirname, '..', 'tsconfig.json');
require('@swc-node/register');
