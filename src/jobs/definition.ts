/**
 * What a background job is: a kind with a validated input, the permission to start it and a
 * `run` that does the work, reporting progress. A job writes its effect through commands, each in
 * its own transaction, so that a job stopped half-way leaves nothing half-written.
 */
import { z } from 'zod';
import type { Actor, Permission } from '../access/index.ts';
import type { Db } from '../db/index.ts';

export const JOB_STATES = ['wachtend', 'bezig', 'klaar', 'mislukt', 'onderbroken'] as const;
export type JobState = (typeof JOB_STATES)[number];

export const JOB_STATE_LABELS: Record<JobState, string> = {
  wachtend: 'Wachtend',
  bezig: 'Bezig',
  klaar: 'Klaar',
  mislukt: 'Mislukt',
  onderbroken: 'Onderbroken',
};

export interface JobContext {
  db: Db;
  /** The actor that submitted the job, as it was then: the job's commands run as this actor. */
  actor: Actor;
  jobId: string;
  /** The uploaded file the job reads, if it was submitted with one. */
  payload: Uint8Array | null;
  /** Work done so far; `total` null when it is not known (yet). Cheap: call it per row. */
  progress(done: number, total?: number | null): void;
}

export interface JobDefinition<S extends z.ZodType = z.ZodType, R = unknown> {
  /** `module.what`, e.g. `registry.import`. */
  kind: string;
  /** One Dutch noun phrase for lists and progress pages: "Gegevens inlezen". */
  summary: string;
  permission: Permission;
  input: S;
  /** The job needs an uploaded file (a retry without it is impossible). */
  payload?: boolean;
  run(ctx: JobContext, input: z.output<S>): Promise<R>;
}

export function defineJob<S extends z.ZodType, R>(job: JobDefinition<S, R>): JobDefinition<S, R> {
  return job;
}

/** The kinds Trede knows, each once; composed in `src/app/jobs.ts`. */
export class JobRegistry {
  readonly #jobs = new Map<string, JobDefinition>();

  constructor(jobs: readonly JobDefinition[]) {
    for (const job of jobs) {
      if (!/^[a-z]+\.[a-z0-9-]+$/.test(job.kind))
        throw new Error(`Taaksoort '${job.kind}' is niet module.wat`);
      if (this.#jobs.has(job.kind)) throw new Error(`Taaksoort '${job.kind}' is twee keer geregistreerd`);
      this.#jobs.set(job.kind, job);
    }
  }

  get(kind: string): JobDefinition | undefined {
    return this.#jobs.get(kind);
  }

  kinds(): string[] {
    return [...this.#jobs.keys()];
  }
}

const isoOrNull = z.string().nullable().describe('ISO 8601, UTC');

/** A job as API, CLI and web show it. */
export const jobViewSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  summary: z.string(),
  state: z.enum(JOB_STATES),
  ownerId: z.uuid().nullable(),
  ownerLabel: z.string(),
  progress: z.object({
    done: z.number().int(),
    total: z.number().int().nullable(),
    /** done / total, null when the total is unknown. */
    fraction: z.number().nullable(),
  }),
  input: z.record(z.string(), z.unknown()),
  result: z.unknown().nullable(),
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }).nullable(),
  attempts: z.number().int(),
  /** Whether `retry` is possible now. */
  retryable: z.boolean(),
  createdAt: z.string(),
  startedAt: isoOrNull,
  finishedAt: isoOrNull,
});
export type JobView = z.infer<typeof jobViewSchema>;

export const jobFilterSchema = z.object({
  state: z.enum(JOB_STATES).optional(),
  kind: z.string().max(60).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type JobFilter = z.input<typeof jobFilterSchema>;
