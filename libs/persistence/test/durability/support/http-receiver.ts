import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedCall {
  idempotencyKey: string | undefined;
  delivery: string | undefined;
  body: { dedupeKey: string; attempt: number; payload: Record<string, unknown> };
}

/**
 * A webhook receiver on 127.0.0.1 that records every call and answers with `status(call)` (200 by
 * default), deduplicating as a real receiver would: `accepted` holds each key once.
 */
export async function startReceiver(status: (call: ReceivedCall, index: number) => number = () => 200) {
  const calls: ReceivedCall[] = [];
  const accepted = new Set<string>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const call: ReceivedCall = {
        idempotencyKey: req.headers['idempotency-key'] as string | undefined,
        delivery: req.headers['x-signet-delivery'] as string | undefined,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as ReceivedCall['body'],
      };
      calls.push(call);
      const code = status(call, calls.length - 1);
      if (code < 300 && call.idempotencyKey) accepted.add(call.idempotencyKey);
      res.writeHead(code).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    calls,
    accepted,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
