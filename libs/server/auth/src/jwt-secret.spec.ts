import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { JWT_SECRET_FILE, resolveJwtSecret } from './jwt-secret';

describe('resolveJwtSecret', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'signet-secret-')), 'data');
  });
  afterEach(() => fs.rmSync(path.dirname(dataDir), { recursive: true, force: true }));

  it('should use SIGNET_JWT_SECRET and write no file when it is set', () => {
    expect(resolveJwtSecret({ SIGNET_JWT_SECRET: 'from-env' }, dataDir)).toBe('from-env');
    expect(fs.existsSync(path.join(dataDir, JWT_SECRET_FILE))).toBe(false);
  });

  it('should generate a secret into the data directory with mode 600 when none exists', () => {
    const secret = resolveJwtSecret({}, dataDir);
    const file = path.join(dataDir, JWT_SECRET_FILE);
    expect(secret.length).toBeGreaterThanOrEqual(40);
    expect(fs.readFileSync(file, 'utf8').trim()).toBe(secret);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('should reuse the generated secret when called again', () => {
    expect(resolveJwtSecret({}, dataDir)).toBe(resolveJwtSecret({}, dataDir));
  });
});
