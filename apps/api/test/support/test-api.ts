import type { INestApplication } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import type { SignetStore } from '@signet/persistence';
import { createAuditQueries, createStore } from '@signet/persistence';
import { createTestDatabase } from '@signet/persistence/testing';
import { signToken } from '@signet/server-auth';
import { createApiApp } from '../../src/create-api-app';
import { deployShippedFlows } from '../../src/deploy-shipped-flows';
import { probeOf } from '../../src/health/database-probe';

/** The secret the test app verifies tokens with. */
export const TEST_SECRET = 'signet-e2e-secret';

export interface GraphqlError {
  message: string;
  path?: (string | number)[];
  extensions: { code: string; [key: string]: unknown };
}

export interface GraphqlResponse<T> {
  data?: T | null;
  errors?: GraphqlError[];
}

/** Who sends a request: a username (a fresh token is signed for them), a raw token, or nobody. */
export type Caller = string | { token: string } | null;

/** A running API on a real database, spoken to over HTTP like any client. */
export interface TestApi {
  baseUrl: string;
  app: INestApplication;
  store: SignetStore;
  gql<T>(caller: Caller, query: string, variables?: Record<string, unknown>): Promise<GraphqlResponse<T>>;
  close(): Promise<void>;
}

/**
 * Boots the whole app on port 0 over a fresh database: `createTestDatabase()` (PostgreSQL on
 * TEST_DATABASE_URL, or PGlite with SIGNET_TEST_DB=embedded), or with `embedded: true` always the
 * in-memory PGlite. The demo organisation is loaded and the shipped flows deployed, as `npm start` does.
 */
export async function startTestApi(options: { embedded?: boolean } = {}): Promise<TestApi> {
  const { db, drop } = await createTestDatabase(options.embedded ? { backend: 'embedded' } : {});
  const store = createStore(db);
  const quiet = new Logger('test');
  Logger.overrideLogger(['error']);
  await deployShippedFlows(store, path.resolve(__dirname, '../../../../workflows'), quiet);
  const app = await createApiApp(
    { store, audit: createAuditQueries(db), jwtSecret: TEST_SECRET, probeDatabase: probeOf(db) },
    ['error'],
  );
  await app.listen(0, '127.0.0.1');
  const { port } = (app.getHttpServer() as Server).address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    app,
    store,
    gql: <T>(caller: Caller, query: string, variables?: Record<string, unknown>) =>
      postGraphql<T>(baseUrl, caller, query, variables),
    close: async () => {
      await app.close();
      await drop();
    },
  };
}

async function postGraphql<T>(
  baseUrl: string,
  caller: Caller,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphqlResponse<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const token =
    caller === null ? null : typeof caller === 'string' ? signToken(TEST_SECRET, caller, '1h') : caller.token;
  if (token !== null) headers['authorization'] = `Bearer ${token}`;
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphqlResponse<T>;
}

/** The codes of a response's errors, for `expect(codesOf(r)).toEqual(['NOT_FOUND'])`. */
export function codesOf(response: GraphqlResponse<unknown>): string[] {
  return (response.errors ?? []).map((e) => e.extensions.code);
}
