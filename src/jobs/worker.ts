/**
 * The worker loop in the server process: one job at a time, oldest first, woken at once when a
 * job is submitted here and otherwise polling (a job submitted by another process, a retry).
 *
 * Progress lives in memory while a job runs and is what this process's status reads return. On
 * PostgreSQL it is also written to the jobs table every second (with the heartbeat that tells
 * other processes the worker is alive); on the embedded database a write would wait for the job's
 * own transaction, so there the table gets the figures when the job ends.
 */
import { hostname } from 'node:os';
import type { Actor } from '../access/index.ts';
import type { Db } from '../db/index.ts';
import { describeForLog, isDomainError } from '../domain/index.ts';
import type { JobRegistry, JobView } from './definition.ts';
import {
  type ClaimedJob,
  claimJob,
  finishJob,
  getJob,
  markInterruptedJobs,
  progressView,
  saveProgress,
  visibleTo,
} from './jobs.ts';

const HEARTBEAT_MS = 1000;
/** A PostgreSQL job whose heartbeat is older than this belongs to a worker that stopped. */
export const STALE_AFTER_SECONDS = 60;

/** Jobs running in this process, with their live progress. */
const running = new Map<string, JobView>();

/** The live view of a job running in this process, if it is one. */
export function liveJob(id: string): JobView | undefined {
  const view = running.get(id);
  return view && { ...view, progress: { ...view.progress } };
}

/** A job as its owner should see it now: the live figures when it runs here, else the table's. */
export async function currentJob(db: Db, registry: JobRegistry, actor: Actor, id: string): Promise<JobView> {
  const live = running.get(id);
  if (live && visibleTo(actor, live.ownerId)) return liveJob(id)!;
  return getJob(db, registry, actor, id);
}

async function runClaimed(db: Db, registry: JobRegistry, claimed: ClaimedJob): Promise<JobView> {
  const { view } = claimed;
  const def = registry.get(view.kind);
  running.set(view.id, view);
  const progress = { done: 0, total: view.progress.total };
  let saved = 0;
  const heartbeat =
    db.kind === 'postgres'
      ? setInterval(() => {
          if (saved === progress.done) return;
          saved = progress.done;
          saveProgress(db, view.id, progress.done, progress.total).catch(() => {});
        }, HEARTBEAT_MS)
      : null;
  let outcome: Parameters<typeof finishJob>[2];
  try {
    if (!def) throw new Error(`geen definitie voor de taaksoort '${view.kind}'`);
    const input = def.input.parse(view.input);
    const result = await def.run(
      {
        db,
        actor: claimed.actor,
        jobId: view.id,
        payload: claimed.payload,
        progress(done, total) {
          progress.done = done;
          if (total !== undefined) progress.total = total;
          view.progress = progressView(done, progress.total);
        },
      },
      input,
    );
    outcome = { ok: true, result };
  } catch (error) {
    if (!isDomainError(error)) console.error(`job ${view.kind} ${view.id} failed: ${describeForLog(error)}`);
    outcome = { ok: false, error };
  } finally {
    if (heartbeat) clearInterval(heartbeat);
  }
  try {
    await finishJob(db, view.id, outcome, progress);
  } finally {
    running.delete(view.id);
  }
  return getJob(db, registry, claimed.actor, view.id);
}

/** Runs waiting jobs until none is left (or `shouldStop` says so); returns how many ran. */
export async function runPendingJobs(
  db: Db,
  registry: JobRegistry,
  options: { worker?: string; shouldStop?: () => boolean } = {},
): Promise<number> {
  const worker = options.worker ?? workerName();
  let count = 0;
  while (!options.shouldStop?.()) {
    const claimed = await claimJob(db, registry, worker);
    if (!claimed) break;
    await runClaimed(db, registry, claimed);
    count++;
  }
  return count;
}

/** Runs one submitted job here and now (the CLI: a progress bar in the terminal). */
export async function runJob(
  db: Db,
  registry: JobRegistry,
  id: string,
  onProgress?: (view: JobView) => void,
): Promise<JobView> {
  const claimed = await claimJob(db, registry, workerName(), id);
  if (!claimed) throw new Error(`taak ${id} wacht niet (meer)`);
  const timer = onProgress ? setInterval(() => onProgress(liveJob(id) ?? claimed.view), 200) : null;
  try {
    return await runClaimed(db, registry, claimed);
  } finally {
    if (timer) clearInterval(timer);
  }
}

export interface JobWorker {
  /** A job was submitted in this process: look now instead of at the next poll. */
  wake(): void;
  /** Stops taking jobs and waits (at most `graceMs`) for the running one. */
  stop(graceMs?: number): Promise<void>;
}

export function workerName(): string {
  return `${hostname()}:${process.pid}`;
}

export async function startJobWorker(
  db: Db,
  registry: JobRegistry,
  options: { pollMs?: number; log?: (line: string) => void } = {},
): Promise<JobWorker> {
  const pollMs = options.pollMs ?? 2000;
  const interrupted = await markInterruptedJobs(db, STALE_AFTER_SECONDS);
  if (interrupted)
    options.log?.(`Taken: ${interrupted} onderbroken taak/taken; opnieuw te starten via /jobs of de API.`);
  const name = workerName();
  let stopped = false;
  let wakeUp: (() => void) | null = null;
  const loop = (async () => {
    while (!stopped) {
      try {
        if (db.kind === 'postgres') await markInterruptedJobs(db, STALE_AFTER_SECONDS);
        if ((await runPendingJobs(db, registry, { worker: name, shouldStop: () => stopped })) > 0) continue;
      } catch (e) {
        if (!stopped) console.error(`jobs worker: ${describeForLog(e)}`);
      }
      if (stopped) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wakeUp = null;
    }
  })();
  return {
    wake: () => (wakeUp as (() => void) | null)?.(),
    async stop(graceMs = 10_000) {
      stopped = true;
      (wakeUp as (() => void) | null)?.();
      await Promise.race([loop, new Promise((r) => setTimeout(r, graceMs).unref())]);
    },
  };
}
