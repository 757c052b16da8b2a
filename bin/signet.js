#!/usr/bin/env node
/**
 * The `signet` command (`npx signet …`, `npm start` = `signet serve`). Registers the TypeScript
 * loader, then runs the CLI in apps/cli/src/main.ts.
 */
require('../scripts/register-ts');
require('../apps/cli/src/main.ts');
