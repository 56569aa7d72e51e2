/**
 * Issue 16: one process owns an embedded database folder. A second opener (here: the same process,
 * and the CLI as a second process) is refused in Dutch; the lock of a dead process is taken over.
 * PGlite only: a PostgreSQL server has its own concurrency.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DatabaseLockedError, LOCK_FILE, openDatabase } from '../../src/db/index.ts';
import { runCli } from '../support/process.ts';

describe('hardening: one process per PGlite folder [pglite]', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'trede-lock-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('refuses a second opener of the folder while the first holds it, and frees it on close', async () => {
    const first = await openDatabase({ dataDir });
    const lock = JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8')) as { pid: number };
    expect(lock.pid).toBe(process.pid);
    const second = openDatabase({ dataDir });
    await expect(second).rejects.toBeInstanceOf(DatabaseLockedError);
    await expect(second).rejects.toThrow(`is in gebruik door een ander Trede-proces (pid ${process.pid}`);

    // The CLI, a second process, is told to stop the server or to use its API.
    const cli = await runCli(['users', 'list', '--format', 'json'], { TREDE_DATA_DIR: dataDir });
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain('Stop de server (Ctrl+C)');
    expect(cli.stderr).toContain('API-token');
    expect(cli.stdout).toBe('');

    await first.close();
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
  }, 120_000);

  it('takes over the lock of a process that no longer runs', async () => {
    // A pid that certainly ended: a child that exited (kill -9 leaves its lock behind like this).
    const dead = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid!;
    writeFileSync(
      join(dataDir, LOCK_FILE),
      JSON.stringify({ pid: dead, since: '2026-01-01T00:00:00Z', command: 'serve' }),
    );
    const db = await openDatabase({ dataDir });
    expect((JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8')) as { pid: number }).pid).toBe(
      process.pid,
    );
    await db.close();
  }, 60_000);
});
