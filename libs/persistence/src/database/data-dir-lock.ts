import { closeSync, linkSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** Refusal to open a data directory another live process (or this one) already holds. */
export class DataDirectoryLockedError extends Error {
  override readonly name = 'DataDirectoryLockedError';

  constructor(
    readonly dataDir: string,
    readonly holderPid: number,
  ) {
    const who = holderPid === process.pid ? `this process (pid ${holderPid})` : `process ${holderPid}`;
    super(
      `the embedded database in ${dataDir} is in use by ${who} (lock file ${lockPathOf(dataDir)}); ` +
        'stop that process (or close its database) first, or use another data directory (SIGNET_DATA_DIR)',
    );
  }
}

export interface DataDirectoryLock {
  readonly path: string;
  /** Removes the lock file if it is still ours. Idempotent. */
  release(): void;
}

/** Lock files this process holds; a lock naming our pid but not in here was left by an earlier process. */
const heldHere = new Set<string>();

export function lockPathOf(dataDir: string): string {
  return join(dataDir, 'signet.lock');
}

/**
 * Takes `<dataDir>/signet.lock` for this process. PGlite has no locking of its own, and two processes
 * on one directory silently lose writes, so a live holder is refused; a lock left by a dead process
 * is taken over.
 */
export function acquireDataDirectoryLock(dataDir: string): DataDirectoryLock {
  const path = lockPathOf(dataDir);
  for (let attempt = 0; attempt < 5; attempt += 1) {
    if (tryCreate(path)) return ownLock(path);
    const holder = readHolder(path);
    if (holder !== null && isLiveHolder(holder, path)) throw new DataDirectoryLockedError(dataDir, holder);
    takeOverStale(path, holder, dataDir);
  }
  throw new Error(`could not take ${path}: it keeps changing hands`);
}

/** Creates the lock file with our pid atomically (link of a complete temp file), false if it exists. */
function tryCreate(path: string): boolean {
  const temp = `${path}.${process.pid}.tmp`;
  const fd = openSync(temp, 'w');
  try {
    writeSync(fd, `${process.pid}\n`);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temp, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(temp, { force: true });
  }
}

/**
 * Moves a stale lock aside. If another process replaced it between our read and the rename, we moved
 * a live lock: put it back and refuse, naming that holder.
 */
function takeOverStale(path: string, stalePid: number | null, dataDir: string): void {
  const aside = `${path}.${process.pid}.stale`;
  try {
    renameSync(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = readHolder(aside);
  if (moved !== stalePid && moved !== null && isLiveHolder(moved, path)) {
    try {
      linkSync(aside, path);
    } finally {
      rmSync(aside, { force: true });
    }
    throw new DataDirectoryLockedError(dataDir, moved);
  }
  rmSync(aside, { force: true });
}

function ownLock(path: string): DataDirectoryLock {
  let held = true;
  heldHere.add(path);
  const release = (): void => {
    if (!held) return;
    held = false;
    heldHere.delete(path);
    process.removeListener('exit', release);
    if (readHolder(path) === process.pid) rmSync(path, { force: true });
  };
  // A clean exit without close() must not leave a lock naming a pid that may be reused later.
  process.once('exit', release);
  return { path, release };
}

function readHolder(path: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** Our own pid counts only if this process really took the lock (containers reuse small pids). */
function isLiveHolder(pid: number, path: string): boolean {
  return pid === process.pid ? heldHere.has(path) : isAlive(pid);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
