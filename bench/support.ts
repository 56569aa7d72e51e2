/**
 * What several benchmarks share: Trede's real entry points as processes (`npm start`,
 * `bin/serve.mjs`), medians, peak memory and nl-BE number formatting.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const BENCH_PASSWORD = 'Bench-wachtwoord-2026!';

export const nl = (x: number, d = 0) =>
  x.toLocaleString('nl-BE', { minimumFractionDigits: d, maximumFractionDigits: d });

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

export const ratio = (x: number, ref: number) => `${nl(x / ref, 2)}×`;

export const tempDir = (name: string) => mkdtempSync(join(tmpdir(), `trede-bench-${name}-`));

const TIME = '/usr/bin/time';

/**
 * Wall time and CPU time (user + system, through /usr/bin/time when it is there) of a command run
 * to completion, in ms; throws when it fails. On a machine shared with other work the CPU time is
 * the steadier figure.
 */
export function timeCommand(cmd: string, args: string[], opts: { cwd?: string; input?: string } = {}) {
  const timed = existsSync(TIME);
  const [file, argv] = timed ? [TIME, ['-f', 'cpu %U %S', cmd, ...args]] : [cmd, args];
  const t0 = performance.now();
  const r = spawnSync(file, argv, { cwd: opts.cwd ?? ROOT, input: opts.input ?? '', encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} faalde (${r.status}): ${r.stderr}`);
  const m = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr);
  return { ms, cpu: m ? (Number(m[1]) + Number(m[2])) * 1000 : Number.NaN, stdout: r.stdout };
}

/** CPU time (user + system) used so far by every process of a process group, in ms (Linux). */
export function groupCpuMs(pgid: number): number {
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid) ticks += Number(fields[11]) + Number(fields[12]);
    } catch {}
  }
  return ticks * 10; // USER_HZ is 100 on Linux
}

export interface Server {
  url: string;
  /** ms from spawn to the first 200 on /health. */
  readyMs: number;
  /** CPU time its processes used until then, in ms. */
  readyCpuMs: number;
  stop(): Promise<void>;
}

/**
 * Starts Trede as a user does (`npm start`, or `node bin/serve.mjs`) with its own data folder and
 * waits for the first 200 on /health. The process group is stopped with SIGTERM afterwards.
 */
export async function startServer(
  how: 'npm start' | 'node',
  env: Record<string, string> = {},
): Promise<Server> {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const [cmd, args] =
    how === 'npm start' ? ['npm', ['start', '--silent']] : [process.execPath, ['bin/serve.mjs']];
  const t0 = performance.now();
  const child: ChildProcess = spawn(cmd, args as string[], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PORT: String(port),
      TREDE_DATA_DIR: env.TREDE_DATA_DIR ?? tempDir('data'),
      TREDE_ADMIN_PASSWORD: BENCH_PASSWORD,
      ...env,
    },
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server stopte:\n${out}`);
    try {
      if ((await fetch(`${url}/health`)).status === 200) break;
    } catch {}
    if (performance.now() - t0 > 120_000) throw new Error(`server antwoordt niet:\n${out}`);
    await new Promise((r) => setTimeout(r, 10));
  }
  const readyMs = performance.now() - t0;
  const readyCpuMs = groupCpuMs(child.pid!);
  return {
    url,
    readyMs,
    readyCpuMs,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        process.kill(-child.pid!, 'SIGTERM');
      }),
  };
}

/** Signs in as the first administrator; returns the headers of a session with its CSRF token. */
export async function adminSession(url: string): Promise<Record<string, string>> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: BENCH_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`aanmelden: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const body = (await res.json()) as { csrfToken?: string };
  return { cookie, 'x-csrf-token': body.csrfToken ?? '' };
}

/** Tracks the resident set size of this process while a benchmark runs. */
export function peakMemory() {
  let peak = process.memoryUsage().rss;
  return {
    sample: () => {
      peak = Math.max(peak, process.memoryUsage().rss);
      return peak;
    },
    mib: () => nl(peak / 2 ** 20),
  };
}
