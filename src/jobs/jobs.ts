/**
 * The jobs table: submit, read, retry, and the worker's claim and finish. Submitting and retrying
 * follow the command pipeline (validate → transaction → authorise → write → audit in the same
 * transaction); a job's own effect is written by the commands it runs.
 */
import type { Actor } from '../access/index.ts';
import { assertCan, can } from '../access/index.ts';
import { writeAudit } from '../audit/index.ts';
import { parseInput } from '../commands/index.ts';
import type { Db, Queryable } from '../db/index.ts';
import { ConflictError, isDomainError, NotFoundError, ValidationError } from '../domain/index.ts';
import {
  type JobFilter,
  type JobRegistry,
  type JobState,
  type JobView,
  jobFilterSchema,
} from './definition.ts';

interface JobRow {
  id: string;
  kind: string;
  state: JobState;
  owner_id: string | null;
  actor: Actor;
  input: Record<string, unknown>;
  has_payload: boolean;
  progress_done: number;
  progress_total: number | null;
  result: unknown;
  error: JobView['error'];
  attempts: number;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

const COLUMNS = `id, kind, state, owner_id, actor, input, payload IS NOT NULL AS has_payload,
  progress_done, progress_total, result, error, attempts, created_at, started_at, finished_at`;

/** Unexpected failures are retryable; a job refused for its input is not (the input is wrong). */
const INTERNAL = 'internal_error';

function toView(registry: JobRegistry, row: JobRow): JobView {
  const def = registry.get(row.kind);
  return {
    id: row.id,
    kind: row.kind,
    summary: def?.summary ?? row.kind,
    state: row.state,
    ownerId: row.owner_id,
    ownerLabel: row.actor.label,
    progress: progressView(row.progress_done, row.progress_total),
    input: row.input,
    result: row.result ?? null,
    error: row.error ?? null,
    attempts: row.attempts,
    retryable:
      row.state === 'onderbroken' ||
      (row.state === 'mislukt' && row.error?.code === INTERNAL && (!def?.payload || row.has_payload)),
    createdAt: row.created_at.toISOString(),
    startedAt: row.started_at?.toISOString() ?? null,
    finishedAt: row.finished_at?.toISOString() ?? null,
  };
}

/** Only the owner sees a job, and a beheerder (`jobs:manage`) sees all of them. */
export function visibleTo(actor: Actor, ownerId: string | null): boolean {
  if (can(actor, 'jobs:manage')) return true;
  return actor.userId !== null && ownerId === actor.userId;
}

export function progressView(done: number, total: number | null): JobView['progress'] {
  return { done, total, fraction: total ? Math.min(1, done / total) : null };
}

export interface SubmitOptions {
  /** An uploaded file the job reads. */
  payload?: Uint8Array;
  /** Work known at submission (data lines of a CSV), for the first progress bar. */
  total?: number | null;
}

export async function submitJob(
  db: Db,
  registry: JobRegistry,
  actor: Actor,
  kind: string,
  rawInput: unknown,
  options: SubmitOptions = {},
): Promise<JobView> {
  const def = registry.get(kind);
  if (!def)
    throw ValidationError.field('kind', `onbekende taaksoort; kies uit ${registry.kinds().join(', ')}`);
  const input = parseInput(def.input, rawInput) as Record<string, unknown>;
  if (def.payload && !options.payload) throw ValidationError.field('file', 'kies een bestand');
  return db.transaction(async (tx) => {
    assertCan(actor, def.permission);
    const { rows } = await tx.query<JobRow>(
      `INSERT INTO jobs (kind, owner_id, actor, input, payload, progress_total)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
      [
        kind,
        actor.userId,
        JSON.stringify(actor),
        JSON.stringify(input),
        options.payload ?? null,
        options.total ?? null,
      ],
    );
    const row = rows[0]!;
    await writeAudit(tx, actor, 'jobs/submit', {
      entityType: 'job',
      entityId: row.id,
      data: { kind, input },
    });
    return toView(registry, row);
  });
}

export async function getJob(
  db: Queryable,
  registry: JobRegistry,
  actor: Actor,
  id: string,
): Promise<JobView> {
  const row = await findVisible(db, actor, id);
  return toView(registry, row);
}

async function findVisible(db: Queryable, actor: Actor, id: string): Promise<JobRow> {
  const { rows } = await db.query<JobRow>(`SELECT ${COLUMNS} FROM jobs WHERE id::text = $1`, [id]);
  const row = rows[0];
  if (!row || !visibleTo(actor, row.owner_id)) throw new NotFoundError('Taak', id);
  return row;
}

export async function listJobs(
  db: Queryable,
  registry: JobRegistry,
  actor: Actor,
  rawFilter: JobFilter = {},
): Promise<JobView[]> {
  const filter = parseInput(jobFilterSchema, rawFilter);
  if (actor.kind === 'anonymous') return [];
  const where: string[] = [];
  const params: unknown[] = [];
  if (!can(actor, 'jobs:manage')) {
    params.push(actor.userId);
    where.push(`owner_id = $${params.length}`);
  }
  if (filter.state) {
    params.push(filter.state);
    where.push(`state = $${params.length}`);
  }
  if (filter.kind) {
    params.push(filter.kind);
    where.push(`kind = $${params.length}`);
  }
  params.push(filter.limit);
  const { rows } = await db.query<JobRow>(
    `SELECT ${COLUMNS} FROM jobs ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY created_at DESC, id LIMIT $${params.length}`,
    params,
  );
  return rows.map((r) => toView(registry, r));
}

/** An interrupted job (or one that failed unexpectedly) goes back into the queue. */
export async function retryJob(db: Db, registry: JobRegistry, actor: Actor, id: string): Promise<JobView> {
  return db.transaction(async (tx) => {
    const current = toView(registry, await findVisible(tx, actor, id));
    if (!current.retryable)
      throw new ConflictError(
        'job_not_retryable',
        current.state === 'mislukt'
          ? 'Deze taak is geweigerd om haar invoer; verbeter die en dien haar opnieuw in.'
          : `Een taak in de toestand '${current.state}' kan niet opnieuw worden gestart.`,
      );
    const { rows } = await tx.query<JobRow>(
      `UPDATE jobs SET state = 'wachtend', progress_done = 0, result = NULL, error = NULL,
         started_at = NULL, finished_at = NULL, heartbeat_at = NULL, worker = NULL
       WHERE id = $1 AND state = $2 RETURNING ${COLUMNS}`,
      [id, current.state],
    );
    if (!rows[0])
      throw new ConflictError('job_changed', 'De taak is intussen gewijzigd; vernieuw de pagina.');
    await writeAudit(tx, actor, 'jobs/retry', {
      entityType: 'job',
      entityId: id,
      data: { kind: current.kind, attempts: current.attempts },
    });
    return toView(registry, rows[0]);
  });
}

// ---- the worker's side ---------------------------------------------------------------------------

export interface ClaimedJob {
  view: JobView;
  actor: Actor;
  payload: Uint8Array | null;
}

/**
 * Takes the oldest waiting job (or the one named) for this worker. SKIP LOCKED lets several
 * server processes on one PostgreSQL database share the queue without taking a job twice.
 */
export async function claimJob(
  db: Db,
  registry: JobRegistry,
  worker: string,
  id?: string,
): Promise<ClaimedJob | null> {
  const { rows } = await db.query<JobRow & { payload: Uint8Array | null }>(
    `UPDATE jobs SET state = 'bezig', started_at = now(), heartbeat_at = now(),
       attempts = attempts + 1, worker = $1
     WHERE id = (SELECT id FROM jobs WHERE state = 'wachtend' ${id ? 'AND id = $2' : ''}
                 ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
     RETURNING ${COLUMNS}, payload`,
    id ? [worker, id] : [worker],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    view: toView(registry, row),
    actor: row.actor,
    payload: row.payload ? new Uint8Array(row.payload) : null,
  };
}

export async function saveProgress(
  db: Queryable,
  id: string,
  done: number,
  total: number | null,
): Promise<void> {
  await db.query(
    'UPDATE jobs SET progress_done = $2, progress_total = $3, heartbeat_at = now() WHERE id = $1 AND state = $4',
    [id, done, total, 'bezig'],
  );
}

export type JobOutcome = { ok: true; result: unknown } | { ok: false; error: unknown };

/** Records the end of a job; the uploaded file is kept only while a retry may still need it. */
export async function finishJob(
  db: Queryable,
  id: string,
  outcome: JobOutcome,
  progress: { done: number; total: number | null },
): Promise<void> {
  const error = outcome.ok ? null : toJobError(outcome.error);
  const keepPayload = error?.code === INTERNAL;
  await db.query(
    `UPDATE jobs SET state = $2, result = $3, error = $4, finished_at = now(),
       progress_done = $5, progress_total = $6 ${keepPayload ? '' : ', payload = NULL'}
     WHERE id = $1`,
    [
      id,
      outcome.ok ? 'klaar' : 'mislukt',
      outcome.ok ? JSON.stringify(outcome.result ?? null) : null,
      error ? JSON.stringify(error) : null,
      progress.done,
      progress.total,
    ],
  );
}

function toJobError(e: unknown): NonNullable<JobView['error']> {
  if (isDomainError(e))
    return e.details === undefined
      ? { code: e.code, message: e.message }
      : { code: e.code, message: e.message, details: e.details };
  return {
    code: INTERNAL,
    message: 'De taak is onverwacht mislukt; er is niets van weggeschreven. Probeer opnieuw.',
  };
}

/**
 * Jobs that were running when their process stopped. An embedded database has one process, so
 * every running job at start-up is interrupted; on a server, only those whose worker stopped
 * sending heartbeats.
 */
export async function markInterruptedJobs(db: Db, staleAfterSeconds: number): Promise<number> {
  const { rowCount } = await db.query(
    `UPDATE jobs SET state = 'onderbroken', finished_at = now()
     WHERE state = 'bezig' ${db.kind === 'postgres' ? `AND heartbeat_at < now() - make_interval(secs => $1)` : ''}`,
    db.kind === 'postgres' ? [staleAfterSeconds] : [],
  );
  return rowCount;
}
