/**
 * Profiling aid for benchmark 5's HTTP path: the same app and client as bench/durable.ts, only
 * GraphQL/HTTP decisions for `seconds` (default 8), 8 clients. Run under a profiler, e.g.
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof -r ./scripts/register-ts.js bench/durable/profile-http.ts [seconds]
 */
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAuditQueries, createStore } from '@signet/persistence';
import { createTestDatabase } from '@signet/persistence/testing';
import { signToken } from '@signet/server-auth';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { probeOf } from '../../apps/api/src/health/database-probe';
import { drive } from './drive';
import { httpDecide } from './http-client';
import { startInstances } from './instances';
import { DECIDER, PINGPONG_SOURCE } from './pingpong-flow';

async function main(): Promise<void> {
  const seconds = Number(process.argv[2] ?? 8);
  const database = await createTestDatabase({ backend: 'postgres' });
  const store = createStore(database.db);
  Logger.overrideLogger(['error']);
  const app = await createApiApp(
    {
      store,
      audit: createAuditQueries(database.db),
      jwtSecret: 'bench',
      probeDatabase: probeOf(database.db),
    },
    ['error'],
  );
  try {
    await store.deployFlow(PINGPONG_SOURCE, 'admin');
    const { taskIds } = await startInstances(store, 8);
    await app.listen(0, '127.0.0.1');
    const { port } = (app.getHttpServer() as Server).address() as AddressInfo;
    const http = httpDecide(`http://127.0.0.1:${port}`, signToken('bench', DECIDER, '1h'));
    await drive(taskIds, http, 1);
    const r = await drive(taskIds, http, seconds);
    console.log(
      `${r.decisions} decisions in ${r.seconds.toFixed(1)} s: ${(r.decisions / r.seconds).toFixed(0)}/s`,
    );
  } finally {
    await app.close();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
