import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DriveResult } from './drive';

/**
 * The baseline: pgbench running, per transaction, the writes one decision makes, on the same tables of
 * the same database, in the same order as ours — read the instance, update it with a version check,
 * close the open task, insert the next one, append the event last (the append-only and global-chain
 * triggers fire as for ours; the chain's head-row lock is held from the event to COMMIT, so the event
 * goes last here too: with it second, as until 2026-11-23, pgbench held that lock across two more
 * statements and ran ≈ 1.5× slower). Client n works on the instance listed as n in `bench_client`.
 */
export const PGBENCH_SCRIPT = `
BEGIN;
SELECT i.version AS v, (SELECT max(seq) FROM instance_event e WHERE e.instance_id = i.id) AS seq
  FROM instance i WHERE i.id = (SELECT instance_id FROM bench_client WHERE n = :client_id) \\gset
UPDATE instance SET state = CASE state WHEN 'review_a' THEN 'review_b' ELSE 'review_a' END,
  context = context, snapshot = snapshot, version = version + 1, updated_at = now()
  WHERE id = (SELECT instance_id FROM bench_client WHERE n = :client_id) AND version = :v;
UPDATE task SET status = 'DONE', decided_by = 'chen.jie', decision = 'approve', decided_at = now()
  WHERE instance_id = (SELECT instance_id FROM bench_client WHERE n = :client_id) AND status = 'OPEN';
INSERT INTO task (id, instance_id, name, state, title, decisions, candidate_roles, excluded_users, status, created_at)
  VALUES (gen_random_uuid(), (SELECT instance_id FROM bench_client WHERE n = :client_id), 'review_b', 'review_b',
  'Review B', '{approve,reject}', '{sales_manager}', '{li.na}', 'OPEN', now());
INSERT INTO instance_event (instance_id, seq, type, actor, at, flow_version, definition_hash, from_state,
  to_state, payload, trace, prev_hash, hash)
  VALUES ((SELECT instance_id FROM bench_client WHERE n = :client_id), :seq + 1, 'approve', 'chen.jie', now(), 1,
  'pgbench', 'review_a', 'review_b', '{"decision":"approve"}', '{"guards":[],"tables":[],"checks":[]}',
  md5(:seq::text), md5(random()::text));
COMMIT;
`;

/** Runs pgbench for `seconds` with `clients` connections; latencies from its per-transaction log. */
export function runPgbench(url: string, clients: number, seconds: number): DriveResult {
  const dir = mkdtempSync(join(tmpdir(), 'signet-pgbench-'));
  try {
    const script = join(dir, 'decision.sql');
    writeFileSync(script, PGBENCH_SCRIPT);
    const u = new URL(url);
    execFileSync(
      'pgbench',
      [
        '-n',
        '-c',
        String(clients),
        '-j',
        '2',
        '-T',
        String(seconds),
        '-f',
        script,
        '-l',
        '--log-prefix',
        join(dir, 'log'),
      ],
      {
        env: {
          ...process.env,
          PGHOST: u.hostname,
          PGPORT: u.port || '5432',
          PGUSER: u.username,
          PGDATABASE: u.pathname.slice(1),
        },
        stdio: 'pipe',
      },
    );
    const latenciesMs: number[] = [];
    for (const f of readdirSync(dir).filter((name) => name.startsWith('log')))
      for (const line of readFileSync(join(dir, f), 'utf8').split('\n'))
        if (line) latenciesMs.push(Number(line.split(' ')[2]) / 1000); // column 3: latency in µs
    return { decisions: latenciesMs.length, seconds, latenciesMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
