/**
 * The API process: `node scripts/run-ts.js apps/api/src/main.ts` (`npm start` goes through
 * `signet serve`, which runs the same `runApi`). Configuration comes from the environment.
 */
import { runApi } from './run-api';

runApi(process.env).catch((error: unknown) => {
  console.error(`Signet could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
