import type { Decide } from './drive';

const DECIDE = `mutation Decide($taskId: ID!, $decision: String!) {
  decideTask(taskId: $taskId, decision: $decision) { id version state tasks { id status } }
}`;

/** decideTask over HTTP (keep-alive fetch), as a client would; returns the newly opened task's id. */
export function httpDecide(baseUrl: string, token: string): Decide {
  return async (taskId) => {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: DECIDE, variables: { taskId, decision: 'approve' } }),
    });
    const body = (await response.json()) as {
      data?: { decideTask: { tasks: { id: string; status: string }[] } };
      errors?: unknown[];
    };
    const next = body.data?.decideTask.tasks.find((t) => t.status === 'OPEN');
    if (!next) throw new Error(`decideTask over HTTP failed: ${JSON.stringify(body.errors ?? body)}`);
    return next.id;
  };
}
