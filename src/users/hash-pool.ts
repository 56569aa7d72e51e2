/**
 * argon2id off the main thread. hash-wasm computes argon2 synchronously inside WebAssembly: a
 * 19 MiB, 2-pass hash holds the thread for tens of milliseconds, so 40 concurrent failed logins
 * froze every other request (issue 16: /health 5-6 s). Hashes and verifications run in a small
 * pool of worker threads; the event loop only waits for a message.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

type Job =
  | { op: 'hash'; password: string; salt: Uint8Array; params: Argon2Params }
  | { op: 'verify'; password: string; hash: string };

export interface Argon2Params {
  memorySize: number;
  iterations: number;
  parallelism: number;
  hashLength: number;
}

// CommonJS source evaluated in the worker: no TypeScript loader is needed there (vitest, tsx, node).
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { argon2id, argon2Verify } = require('hash-wasm');
parentPort.on('message', async ({ id, job }) => {
  try {
    const value = job.op === 'hash'
      ? await argon2id({ password: job.password, salt: job.salt, ...job.params, outputType: 'encoded' })
      : await argon2Verify({ password: job.password, hash: job.hash });
    parentPort.postMessage({ id, value });
  } catch (e) {
    parentPort.postMessage({ id, error: String(e && e.message || e) });
  }
});
`;

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  busy: number;
}

/**
 * One worker per core but one, at least one: the main thread keeps a core for requests. A job goes
 * to the least busy worker; each worker runs its queue in order.
 */
export const HASH_POOL_SIZE = Math.max(1, availableParallelism() - 1);

let slots: Slot[] | undefined;
const pending = new Map<number, Pending & { slot: Slot }>();
let nextId = 1;
let completed = 0;

function spawn(): Slot {
  const worker = new Worker(WORKER_SOURCE, { eval: true });
  const slot: Slot = { worker, busy: 0 };
  // Idle workers must not keep a CLI command or a test process alive.
  worker.unref();
  worker.on('message', (m: { id: number; value?: unknown; error?: string }) => {
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    slot.busy--;
    completed++;
    if (slot.busy === 0) worker.unref();
    if (m.error !== undefined) p.reject(new Error(m.error));
    else p.resolve(m.value);
  });
  worker.on('error', (e) => {
    // A crashed worker fails its jobs and is replaced on the next call.
    for (const [id, p] of pending) {
      if (p.slot !== slot) continue;
      pending.delete(id);
      p.reject(e);
    }
    if (slots) slots = slots.filter((s) => s !== slot);
  });
  return slot;
}

function run<T>(job: Job): Promise<T> {
  slots ??= [];
  while (slots.length < HASH_POOL_SIZE) slots.push(spawn());
  const slot = slots.reduce((a, b) => (b.busy < a.busy ? b : a));
  const id = nextId++;
  return new Promise<T>((resolve, reject) => {
    pending.set(id, { resolve: resolve as (v: unknown) => void, reject, slot });
    slot.busy++;
    slot.worker.ref();
    slot.worker.postMessage({ id, job });
  });
}

export function hashInPool(password: string, salt: Uint8Array, params: Argon2Params): Promise<string> {
  return run<string>({ op: 'hash', password, salt, params });
}

export function verifyInPool(password: string, hash: string): Promise<boolean> {
  return run<boolean>({ op: 'verify', password, hash });
}

/** For tests and the bench: how many hash jobs the workers finished. */
export function hashPoolStats(): { workers: number; completed: number; queued: number } {
  return { workers: slots?.length ?? 0, completed, queued: pending.size };
}
