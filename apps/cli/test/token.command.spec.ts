import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as jwt from 'jsonwebtoken';
import { JWT_SECRET_FILE, verifyToken } from '@signet/server-auth';
import { runCli } from '../src/cli';
import { memoryIo } from './memory-io';

describe('signet token', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'signet-cli-'));
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('should print a token for the user signed with SIGNET_JWT_SECRET when it is set', async () => {
    const io = memoryIo({}, { SIGNET_JWT_SECRET: 'configured', SIGNET_DATA_DIR: dataDir });
    expect(await runCli(['token', 'li.na'], io)).toBe(0);
    expect(verifyToken('configured', io.stdout[0])).toEqual({ ok: true, username: 'li.na' });
  });

  it('should sign with the secret generated into the data directory when none is configured', async () => {
    const io = memoryIo({}, { SIGNET_DATA_DIR: dataDir });
    expect(await runCli(['token', 'chen.jie'], io)).toBe(0);
    const secret = fs.readFileSync(path.join(dataDir, JWT_SECRET_FILE), 'utf8').trim();
    expect(verifyToken(secret, io.stdout[0])).toEqual({ ok: true, username: 'chen.jie' });
  });

  it('should make the token live for --ttl when it is given', async () => {
    const io = memoryIo({}, { SIGNET_JWT_SECRET: 's', SIGNET_DATA_DIR: dataDir });
    expect(await runCli(['token', 'li.na', '--ttl', '30m'], io)).toBe(0);
    const claims = jwt.decode(io.stdout[0]) as jwt.JwtPayload;
    expect(claims.exp! - claims.iat!).toBe(1800);
  });

  it('should exit 2 and print no token when the ttl is malformed', async () => {
    const io = memoryIo({}, { SIGNET_JWT_SECRET: 's', SIGNET_DATA_DIR: dataDir });
    expect(await runCli(['token', 'li.na', '--ttl', 'forever'], io)).toBe(2);
    expect(io.stdout).toEqual([]);
    expect(io.stderr[0]).toContain('--ttl "forever"');
  });

  it('should exit 2 when no username is given', async () => {
    const io = memoryIo({}, { SIGNET_JWT_SECRET: 's' });
    expect(await runCli(['token'], io)).toBe(2);
  });
});
