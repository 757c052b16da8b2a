import * as path from 'node:path';
import { parsePort, readApiConfig } from './api-config';

describe('readApiConfig', () => {
  it('should default to port 3000 and the embedded database in .signet/ when nothing is set', () => {
    expect(readApiConfig({}, '/srv/signet')).toEqual({
      port: 3000,
      databaseUrl: undefined,
      dataDir: path.join('/srv/signet', '.signet'),
    });
  });

  it('should take PORT, DATABASE_URL and SIGNET_DATA_DIR when they are set', () => {
    const env = { PORT: '8080', DATABASE_URL: 'postgres://db/signet', SIGNET_DATA_DIR: '/var/lib/signet' };
    expect(readApiConfig(env, '/srv/signet')).toEqual({
      port: 8080,
      databaseUrl: 'postgres://db/signet',
      dataDir: '/var/lib/signet',
    });
  });
});

describe('parsePort', () => {
  it('should throw naming the value when PORT is not a port', () => {
    expect(() => parsePort('eighty')).toThrow('"eighty"');
    expect(() => parsePort('70000')).toThrow('between 0 and 65535');
  });
});
