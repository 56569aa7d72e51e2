/**
 * One process owns an embedded database folder at a time (issue 16). PGlite has no shared memory
 * between processes: a CLI command that opened the folder of a running server wrote a user the
 * server never saw, and after a restart the `users` unique index was broken. The owner writes its
 * pid to a lock file in the folder; a second opener is refused, unless the recorded process is
 * gone (a crash or kill -9 leaves a stale lock, which is taken over).
 */
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export const LOCK_FILE = 'trede.lock';

interface LockInfo {
  pid: number;
  since: string;
  command: string;
}

/** The folder is in use by another live process. */
export class DatabaseLockedError extends Error {
  readonly code = 'database_locked';
  constructor(
    readonly dataDir: string,
    readonly owner: LockInfo,
  ) {
    super(
      `De ingebedde database in ${dataDir} is in gebruik door een ander Trede-proces ` +
        `(pid ${owner.pid}${owner.command ? `: ${owner.command}` : ''}, sinds ${owner.since}). ` +
        'Eén proces tegelijk kan deze map openen. Stop dat proces eerst (bv. de server met Ctrl+C of ' +
        `kill ${owner.pid}), of werk via de API van de draaiende server met een API-token.`,
    );
    this.name = 'DatabaseLockedError';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(path: string): LockInfo | null {
  try {
    const info = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockInfo>;
    return typeof info.pid === 'number'
      ? { pid: info.pid, since: info.since ?? '?', command: info.command ?? '' }
      : null;
  } catch {
    return null;
  }
}

const held = new Set<string>();
let exitHook = false;

/** Takes the folder's lock; returns the function that releases it. */
export function lockDataDir(dataDir: string): () => void {
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = openSync(path, 'wx');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const owner = readLock(path);
      // The same process opening the folder twice would corrupt it just the same.
      if (owner && alive(owner.pid)) throw new DatabaseLockedError(dataDir, owner);
      // Stale (the owner died) or unreadable (half written by a crash): take it over.
      try {
        unlinkSync(path);
      } catch {}
      continue;
    }
    const info: LockInfo = {
      pid: process.pid,
      since: new Date().toISOString(),
      command: process.argv.slice(2).join(' ').slice(0, 200),
    };
    writeSync(fd, JSON.stringify(info));
    closeSync(fd);
    held.add(path);
    if (!exitHook) {
      exitHook = true;
      // A normal exit without close() (process.exit in a CLI) leaves no lock behind.
      process.once('exit', () => {
        for (const p of held) release(p);
      });
    }
    return () => release(path);
  }
  throw new Error(`Kon het slot ${path} niet nemen.`);
}

function release(path: string): void {
  if (!held.delete(path)) return;
  // Only our own lock is removed (a takeover after our crash belongs to the new owner).
  if (readLock(path)?.pid !== process.pid) return;
  try {
    unlinkSync(path);
  } catch {}
}
