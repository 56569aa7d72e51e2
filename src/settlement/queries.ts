/**
 * Reading runs: a list with totals, and one run with its lines. A werkgever sees only the lines of
 * its own organisations (by KBO, through the registry), an analist only totals.
 */
import { type Actor, assertCan, can, organisationScope } from '../access/index.ts';
import type { Queryable } from '../db/index.ts';
import { NotFoundError } from '../domain/index.ts';
import { getOrganisation } from '../registry/index.ts';
import { isDue } from './runs-shared.ts';

export interface RunSummary {
  id: string;
  measure: string;
  period: string;
  kind: string;
  correction: boolean;
  status: string;
  ruleset_version: string;
  totals: { due: number; advances: number; balance: number };
  prepared_by: string;
  approved_by: string | null;
  created_at: string;
}
interface RunRow {
  id: string;
  measure_id: string;
  period: string;
  kind: string;
  correction: boolean;
  status: string;
  ruleset_version: string;
  due_cents: number;
  advances_cents: number;
  balance_cents: number;
  prepared_by: string;
  approved_by: string | null;
  created_at: string | Date;
}
const COLS =
  'id, measure_id, period, kind, correction, status, ruleset_version, due_cents, advances_cents, balance_cents, prepared_by, approved_by, created_at';
const summary = (r: RunRow): RunSummary => ({
  id: r.id,
  measure: r.measure_id,
  period: r.period,
  kind: r.kind,
  correction: r.correction,
  status: r.status,
  ruleset_version: r.ruleset_version,
  totals: {
    due: Number(r.due_cents) / 100,
    advances: Number(r.advances_cents) / 100,
    balance: Number(r.balance_cents) / 100,
  },
  prepared_by: r.prepared_by,
  approved_by: r.approved_by,
  created_at: r.created_at instanceof Date ? r.created_at.toISOString() : String(r.created_at),
});

async function kboScope(db: Queryable, actor: Actor): Promise<string[] | null> {
  const scope = organisationScope(actor);
  if (!scope) return null;
  const kbos: string[] = [];
  for (const id of scope) kbos.push((await getOrganisation(db, actor, id)).kbo);
  return kbos;
}

export async function listRuns(
  db: Queryable,
  actor: Actor,
  filter: { measure?: string; period?: string } = {},
): Promise<RunSummary[]> {
  assertCan(actor, 'settlement:read');
  const { rows } = await db.query<RunRow>(
    `SELECT ${COLS} FROM settlement_runs WHERE ($1::text IS NULL OR measure_id = $1) AND ($2::text IS NULL OR period = $2)
      ORDER BY created_at DESC, id`,
    [filter.measure ?? null, filter.period ?? null],
  );
  const kbos = await kboScope(db, actor);
  if (!kbos) return rows.map(summary);
  // A werkgever: only runs with lines of its organisations, and its own totals (one grouped query).
  const { rows: t } = await db.query<{ run_id: string; component: string; amount: number }>(
    `SELECT run_id, component, SUM(amount_cents)::bigint AS amount FROM settlement_lines
      WHERE run_id = ANY($1) AND kbo = ANY($2) GROUP BY run_id, component`,
    [rows.map((r) => r.id), kbos],
  );
  const own = new Map<string, { due: number; all: number }>();
  for (const x of t) {
    const o = own.get(x.run_id) ?? { due: 0, all: 0 };
    o.all += Number(x.amount);
    if (isDue(x.component)) o.due += Number(x.amount);
    own.set(x.run_id, o);
  }
  return rows.flatMap((r) => {
    const o = own.get(r.id);
    return o
      ? [summary({ ...r, due_cents: o.due, advances_cents: o.due - o.all, balance_cents: o.all })]
      : [];
  });
}

/** Runs in draft that someone other than the actor prepared: what waits for the actor's approval. */
export async function countRunsAwaitingApproval(db: Queryable, actor: Actor): Promise<number> {
  assertCan(actor, 'settlement:approve');
  const { rows } = await db.query<{ n: number }>(
    "SELECT COUNT(*)::int AS n FROM settlement_runs WHERE status = 'draft' AND prepared_by <> $1",
    [actor.userId],
  );
  return Number(rows[0]?.n ?? 0);
}

export async function getRun(db: Queryable, actor: Actor, id: string) {
  assertCan(actor, 'settlement:read');
  const { rows } = await db.query<
    RunRow & { assumptions: unknown; ruleset_hash: string; inputs_hash: string }
  >(`SELECT ${COLS}, assumptions, ruleset_hash, inputs_hash FROM settlement_runs WHERE id = $1::uuid`, [id]);
  const run = rows[0];
  if (!run) throw new NotFoundError('Afrekeningsrun', id);
  const kbos = await kboScope(db, actor);
  // An analist sees totals only (pseudonymised statistics, never worker lines).
  const linesVisible = can(actor, 'settlement:prepare') || kbos !== null;
  const { rows: lines } = linesVisible
    ? await db.query<{
        id: string;
        line_key: string;
        kbo: string;
        worker: string | null;
        component: string;
        period: string;
        amount_cents: number;
        budget_article: string;
        basis: unknown;
        corrects_line_id: string | null;
      }>(
        `SELECT id, line_key, kbo, worker, component, period, amount_cents, budget_article, basis, corrects_line_id
           FROM settlement_lines WHERE run_id = $1 AND ($2::text[] IS NULL OR kbo = ANY($2)) ORDER BY line_key`,
        [id, kbos],
      )
    : { rows: [] };
  if (kbos && lines.length === 0) throw new NotFoundError('Afrekeningsrun', id);
  let shown = run;
  if (kbos) {
    // A werkgever: the totals of its own lines, never the run's.
    let due = 0;
    let all = 0;
    for (const l of lines) {
      all += Number(l.amount_cents);
      if (isDue(l.component)) due += Number(l.amount_cents);
    }
    shown = { ...run, due_cents: due, advances_cents: due - all, balance_cents: all };
  }
  return {
    ...summary(shown),
    ruleset: { version: run.ruleset_version, hash: run.ruleset_hash },
    inputs_hash: run.inputs_hash,
    assumptions: run.assumptions,
    lines: lines.map((l) => ({
      id: l.id,
      key: l.line_key,
      kbo: l.kbo,
      worker: l.worker,
      component: l.component,
      period: l.period,
      amount: Number(l.amount_cents) / 100,
      budget_article: l.budget_article,
      basis: l.basis,
      corrects: l.corrects_line_id,
    })),
  };
}
