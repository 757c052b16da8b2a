import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { DataDirectoryLockedError, migrateAndSeed, migrationsList, openDatabase } from '../src';

const count = async (em: SqlEntityManager): Promise<number> =>
  (await em.execute<{ n: number }[]>('select count(*)::int as n from org_team'))[0].n;

describe('embedded database in a data directory', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'signet-embedded-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('should keep its data when closed and opened again', async () => {
    const first = await openDatabase({ dataDir: dir });
    expect(first.kind).toBe('embedded');
    expect(await migrateAndSeed(first)).toEqual(migrationsList.map((m) => m.name));
    await first.orm.em
      .fork()
      .execute(`insert into org_team (key, title) values ('night_shift', 'Night shift')`);
    await first.close();
    expect(existsSync(join(dir, 'signet.lock'))).toBe(false);

    const second = await openDatabase({ dataDir: dir });
    try {
      expect(await second.migrate()).toEqual([]);
      expect(await count(second.orm.em.fork())).toBe(9);
    } finally {
      await second.close();
    }
  });

  it('should refuse a second open of the directory while the first holds it', async () => {
    const holder = await openDatabase({ dataDir: dir });
    try {
      expect(readFileSync(join(dir, 'signet.lock'), 'utf8').trim()).toBe(String(process.pid));
      await expect(openDatabase({ dataDir: dir })).rejects.toThrow(DataDirectoryLockedError);
      await expect(openDatabase({ dataDir: dir })).rejects.toThrow(
        `is in use by this process (pid ${process.pid})`,
      );
    } finally {
      await holder.close();
    }
  });

  it('should take over a lock naming this pid when this process never took it (a reused pid)', async () => {
    writeFileSync(join(dir, 'signet.lock'), `${process.pid}\n`);
    const db = await openDatabase({ dataDir: dir });
    await db.close();
    expect(existsSync(join(dir, 'signet.lock'))).toBe(false);
  });

  describe('with a lock held by another process', () => {
    let other: ChildProcess;

    beforeAll(() => {
      other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    });
    afterAll(() => other.kill());

    it('should refuse to open and name the holder pid and the directory when that process is alive', async () => {
      writeFileSync(join(dir, 'signet.lock'), `${other.pid}\n`);
      const refusal = openDatabase({ dataDir: dir });
      await expect(refusal).rejects.toThrow(`process ${other.pid}`);
      await expect(refusal).rejects.toThrow(dir);
      expect(readFileSync(join(dir, 'signet.lock'), 'utf8').trim()).toBe(String(other.pid));
    });

    it('should take the lock over when the holder process has died', async () => {
      other.kill();
      await new Promise((resolve) => other.once('exit', resolve));
      const db = await openDatabase({ dataDir: dir });
      try {
        expect(readFileSync(join(dir, 'signet.lock'), 'utf8').trim()).toBe(String(process.pid));
        expect(await count(db.orm.em.fork())).toBe(9);
      } finally {
        await db.close();
      }
    });
  });
});
