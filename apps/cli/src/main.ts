/** The `signet` command line (run through bin/signet.js, which registers the TypeScript loader). */
import { processIo } from './cli-io';
import { runCli } from './cli';

runCli(process.argv.slice(2), processIo()).then(
  (code) => {
    // Not process.exit(): `signet serve` keeps running after its command returns.
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
