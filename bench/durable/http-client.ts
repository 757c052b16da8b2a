import { Agent, request } from 'node:http';
import type { Decide } from './drive';

// The answer asks for the instance's open tasks, as a UI showing what is next would: `tasks` without a
// status lists every task of the instance, and a ping-pong instance gains one per decision, so that
// answer (and its cost) would grow all run long. `Instance.tasks(status:)` filters in SQL.
const DECIDE = `mutation Decide($taskId: ID!, $decision: String!) {
  decideTask(taskId: $taskId, decision: $decision) { id version state tasks(status: OPEN) { id status } }
}`;

interface Answer {
  data?: { decideTask: { tasks: { id: string; status: string }[] } };
  errors?: unknown[];
}

/**
 * decideTask over HTTP/1.1 keep-alive, as a client would; returns the newly opened task's id. The
 * client shares the server's process and event loop, so it is `node:http`, not undici's `fetch`:
 * the same request and answer for ≈ 2.5 ms less CPU per decision on our machine (`fetchDecide`).
 */
export function httpDecide(baseUrl: string, token: string): Decide {
  const url = new URL('/graphql', baseUrl);
  const agent = new Agent({ keepAlive: true });
  return async (taskId) => {
    const body = (await post(url, agent, token, {
      query: DECIDE,
      variables: { taskId, decision: 'approve' },
    })) as Answer;
    const next = body.data?.decideTask.tasks.find((t) => t.status === 'OPEN');
    if (!next) throw new Error(`decideTask over HTTP failed: ${JSON.stringify(body.errors ?? body)}`);
    return next.id;
  };
}

/** Fetch-based variant of `httpDecide`, kept to compare client costs (`BENCH_HTTP_CLIENT=fetch`). */
export function fetchDecide(baseUrl: string, token: string): Decide {
  return async (taskId) => {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: DECIDE, variables: { taskId, decision: 'approve' } }),
    });
    const body = (await response.json()) as Answer;
    const next = body.data?.decideTask.tasks.find((t) => t.status === 'OPEN');
    if (!next) throw new Error(`decideTask over HTTP failed: ${JSON.stringify(body.errors ?? body)}`);
    return next.id;
  };
}

function post(url: URL, agent: Agent, token: string, payload: unknown): Promise<unknown> {
  const body = JSON.stringify(payload);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          authorization: `Bearer ${token}`,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
          } catch (error) {
            reject(
              new Error(
                `decideTask over HTTP: status ${res.statusCode}, answer is not JSON (${String(error)})`,
              ),
            );
          }
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
