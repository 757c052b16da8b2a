import { serve, type RunningServer } from './serve';

/**
 * Starts the API (see `serve`) and stops it gracefully on the first SIGINT/SIGTERM: HTTP first, then
 * the database, so the embedded data directory is left consistent and unlocked. Used by `main.ts`
 * and by `signet serve`.
 */
export async function runApi(env: NodeJS.ProcessEnv, port?: number): Promise<RunningServer> {
  const server = await serve(env, port);
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    console.log(`Signet: ${signal} received, shutting down`);
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Signet: error while shutting down', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return server;
}
