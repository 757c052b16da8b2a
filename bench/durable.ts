/**
 * Benchmark 5 — durable transitions: decisions/s and p50/p99 latency of task decisions through the
 * engine + PostgreSQL in process (SignetStore.decideTask, 8 concurrent instances; also 1 alone, to
 * show scaling) and through GraphQL over HTTP (the Nest app, 8 keep-alive clients), against pgbench
 * running the same per-decision writes (bench/durable/pgbench.ts) with 8 connections on the same
 * database. Rounds interleave the paths so drift on a shared machine hits all alike; figures are
 * medians over rounds.
 *
 *   node scripts/run-ts.js bench/durable.ts [--full]      (3 rounds × 5 s each; --full 5 × 15 s)
 *
 * The HTTP clients run in this process, on the server's event loop: `node:http` by default,
 * `BENCH_HTTP_CLIENT=fetch` for undici's `fetch` (the client until 2026-11-23, ≈ 2.5 ms more CPU a
 * request, which the server's own work then queues behind).
 */
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { createAuditQueries, createStore } from '@signet/persistence';
import { createTestDatabase } from '@signet/persistence/testing';
import { signToken } from '@signet/server-auth';
import { createApiApp } from '../apps/api/src/create-api-app';
import { probeOf } from '../apps/api/src/health/database-probe';
import { drive, type DriveResult } from './durable/drive';
import { fetchDecide, httpDecide } from './durable/http-client';
import { runPgbench } from './durable/pgbench';
import { startInstances, storeDecide } from './durable/instances';
import { DECIDER, PINGPONG_SOURCE } from './durable/pingpong-flow';
import { countQueries } from './support/count-queries';
import { finish, fmt, FULL, median, percentile, row, target } from './support/measure';

const CLIENTS = 8;

interface Figures {
  perSecond: number;
  p50: number;
  p99: number;
}

const figures = (r: DriveResult): Figures => ({
  perSecond: r.decisions / r.seconds,
  p50: percentile(r.latenciesMs, 50),
  p99: percentile(r.latenciesMs, 99),
});

async function main(): Promise<void> {
  const rounds = FULL ? 5 : 3;
  const seconds = FULL ? 15 : 5;
  const database = await createTestDatabase({ backend: 'postgres' });
  const { db, url } = database;
  const store = createStore(db);
  Logger.overrideLogger(['error']);
  const app = await createApiApp(
    { store, audit: createAuditQueries(db), jwtSecret: 'bench', probeDatabase: probeOf(db) },
    ['error'],
  );
  try {
    await store.deployFlow(PINGPONG_SOURCE, 'admin');
    const inProcess = await startInstances(store, CLIENTS);
    const overHttp = await startInstances(store, CLIENTS);
    const forPgbench = await startInstances(store, CLIENTS);
    const pg = new Client({ connectionString: url });
    await pg.connect();
    await pg.query('create table bench_client (n int primary key, instance_id uuid not null)');
    for (const [n, id] of forPgbench.ids.entries())
      await pg.query('insert into bench_client values ($1, $2)', [n, id]);
    await pg.end();

    await app.listen(0, '127.0.0.1');
    const { port } = (app.getHttpServer() as Server).address() as AddressInfo;
    const client = process.env.BENCH_HTTP_CLIENT === 'fetch' ? 'fetch' : 'node:http';
    const http = (client === 'fetch' ? fetchDecide : httpDecide)(
      `http://127.0.0.1:${port}`,
      signToken('bench', DECIDER, '1h'),
    );
    const direct = storeDecide(store);

    const results: Record<'in process' | 'in process, 1 client' | 'GraphQL/HTTP' | 'pgbench', Figures[]> = {
      'in process': [],
      'in process, 1 client': [],
      'GraphQL/HTTP': [],
      pgbench: [],
    };
    const statements = countQueries();
    const before = statements.read();
    const warm = await drive(inProcess.taskIds, direct, 1); // warm-up, and the statements one decision sends
    const perDecision = (statements.read() - before) / warm.decisions;
    await drive(overHttp.taskIds, http, 1);
    for (let r = 0; r < rounds; r++) {
      results['in process'].push(figures(await drive(inProcess.taskIds, direct, seconds)));
      // One client alone: what a decision costs without contention (the 8-client figure divided by this is the scaling).
      const alone = inProcess.taskIds.slice(0, 1);
      results['in process, 1 client'].push(figures(await drive(alone, direct, seconds)));
      inProcess.taskIds[0] = alone[0];
      results['GraphQL/HTTP'].push(figures(await drive(overHttp.taskIds, http, seconds)));
      results.pgbench.push(figures(runPgbench(url!, CLIENTS, seconds)));
    }

    // Agreement: the event log of every instance we drove still verifies after the run (pgbench's rows
    // carry made-up hashes, so the database-wide chain is not checked).
    let broken = 0;
    for (const id of [...inProcess.ids, ...overHttp.ids]) if (!(await store.verifyAudit(id)).ok) broken++;
    const verified = { ok: broken === 0 };
    const W = [22, 12, 10, 10, 14, 14];
    console.log(
      `durable: ${CLIENTS} concurrent clients, ${rounds} rounds × ${seconds} s; HTTP client ${client}; event logs of our ${2 * CLIENTS} instances verify: ${verified.ok}`,
    );
    console.log(
      `  statements per in-process decision: ${fmt(perDecision, 1)} (pgbench script: 7, BEGIN … COMMIT)`,
    );
    console.log(row(['path', 'decisions/s', 'p50 ms', 'p99 ms', 'vs pgbench/s', 'p99 vs pgbench'], W));
    const med = (k: keyof typeof results) => ({
      perSecond: median(results[k].map((f) => f.perSecond)),
      p50: median(results[k].map((f) => f.p50)),
      p99: median(results[k].map((f) => f.p99)),
    });
    const base = med('pgbench');
    for (const k of Object.keys(results) as (keyof typeof results)[]) {
      const m = med(k);
      console.log(
        row(
          [
            k,
            fmt(m.perSecond),
            fmt(m.p50, 2),
            fmt(m.p99, 2),
            `${fmt(m.perSecond / base.perSecond, 2)}×`,
            `${fmt(m.p99 / base.p99, 1)}×`,
          ],
          W,
        ),
      );
    }
    const ours = med('in process');
    const web = med('GraphQL/HTTP');
    target(
      'in process ≥ 0.5× pgbench TPS',
      ours.perSecond >= 0.5 * base.perSecond,
      `${fmt(ours.perSecond / base.perSecond, 2)}×`,
    );
    target(
      'HTTP ≥ 0.25× pgbench TPS',
      web.perSecond >= 0.25 * base.perSecond,
      `${fmt(web.perSecond / base.perSecond, 2)}×`,
    );
    target('in-process p99 ≤ 3× pgbench p99', ours.p99 <= 3 * base.p99, `${fmt(ours.p99 / base.p99, 1)}×`);
    target('HTTP p99 ≤ 3× pgbench p99', web.p99 <= 3 * base.p99, `${fmt(web.p99 / base.p99, 1)}×`);
    finish('durable', broken);
  } finally {
    await app.close();
    await database.drop();
  }
}

void main();
