/**
 * The jobs service that adapters hold: submit (and wake the worker of this process), read with
 * live progress, retry. One per process, started by the server.
 */
import type { Actor } from '../access/index.ts';
import type { Db } from '../db/index.ts';
import type { JobFilter, JobRegistry, JobView } from './definition.ts';
import { listJobs, retryJob, type SubmitOptions, submitJob } from './jobs.ts';
import { currentJob, type JobWorker, startJobWorker } from './worker.ts';

export class JobService {
  #worker: JobWorker | null = null;

  constructor(
    readonly db: Db,
    readonly registry: JobRegistry,
  ) {}

  /** Starts the worker loop: interrupted jobs are marked first, then waiting ones run. */
  async start(options: { pollMs?: number; log?: (line: string) => void } = {}): Promise<this> {
    this.#worker ??= await startJobWorker(this.db, this.registry, options);
    return this;
  }

  async stop(graceMs?: number): Promise<void> {
    await this.#worker?.stop(graceMs);
    this.#worker = null;
  }

  async submit(actor: Actor, kind: string, input: unknown, options: SubmitOptions = {}): Promise<JobView> {
    const view = await submitJob(this.db, this.registry, actor, kind, input, options);
    this.#worker?.wake();
    return view;
  }

  get(actor: Actor, id: string): Promise<JobView> {
    return currentJob(this.db, this.registry, actor, id);
  }

  list(actor: Actor, filter?: JobFilter): Promise<JobView[]> {
    return listJobs(this.db, this.registry, actor, filter);
  }

  async retry(actor: Actor, id: string): Promise<JobView> {
    const view = await retryJob(this.db, this.registry, actor, id);
    this.#worker?.wake();
    return view;
  }
}
