/**
 * Storing a run whose lines are few (one per organisation or participant: advances, LDE, AMA WSE):
 * the lines are computed whole by the pure core, compared with what earlier runs of the same
 * measure and period settled (cmw.ts `deltas`), and only the differences are written, each
 * referring to the line it corrects. Unchanged inputs write nothing (idempotent). The large
 * collectief maatwerk settlements go through the streaming run-stream.ts instead.
 */
import { createHash } from 'node:crypto';
import type { Actor } from '../access/index.ts';
import type { Queryable } from '../db/index.ts';
import { type Cents, money } from '../domain/index.ts';
import { budgetArticleFor } from '../rules/index.ts';
import type { AssumptionSet } from './assumptions.ts';
import { deltas, type SettlementLine } from './cmw.ts';
import { rulesetInfo } from './params.ts';
import type { Period } from './period.ts';
import {
  insertLines,
  isDue,
  type RunLineView,
  type RunView,
  SETTLED_KEY_SELECT,
  type SettledKeyRow,
  settledKeyLine,
} from './runs-shared.ts';

export interface StoreRunInput {
  measure: string;
  period: Period;
  lines: SettlementLine[];
  assumptions: AssumptionSet;
  parameters: unknown[];
  /** Everything the lines were computed from, for the run's inputs hash. */
  inputs: unknown;
  dryRun: boolean;
}

const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

export async function storeRun(
  tx: Queryable,
  actor: Actor,
  now: Date,
  input: StoreRunInput,
): Promise<RunView & { id: string | null }> {
  const { measure, period } = input;
  // One run of a measure and period at a time: two concurrent runs must not both pay a line.
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`settlement|${measure}|${period.text}`]);
  const article = budgetArticleFor(measure, period.year).article;
  const ruleset = await rulesetInfo();
  const { rows: prev } = await tx.query<SettledKeyRow>(
    `${SETTLED_KEY_SELECT} WHERE r.measure_id = $1 AND r.period = $2 GROUP BY l.line_key`,
    [measure, period.text],
  );
  const { rows: earlier } = await tx.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM settlement_runs WHERE measure_id = $1 AND period = $2',
    [measure, period.text],
  );
  const correction = (earlier[0]?.n ?? 0) > 0;
  const settled = new Map<string, { amount: Cents; line: SettlementLine; id: string }>();
  for (const p of prev) {
    settled.set(p.line_key, {
      amount: money.cents(Number(p.amount)),
      id: p.last_id,
      line: settledKeyLine(p, money.cents(Number(p.amount)), {}),
    });
  }
  const out = deltas(settled, input.lines)
    .map((d) => ({ line: d.line, corrects: settled.get(d.key)?.id ?? null }))
    .sort((a, b) => byKey(a.line, b.line));
  let due = 0;
  let offsets = 0;
  for (const o of out) {
    if (isDue(o.line.component)) due += o.line.amount;
    else offsets += o.line.amount;
  }
  const advances = 0 - offsets;
  const balance = due - advances;
  const inputsHash = createHash('sha256')
    .update(JSON.stringify({ measure, period: period.text, inputs: input.inputs }))
    .digest('hex');
  const used = input.assumptions.list();
  let id: string | null = null;
  if (!input.dryRun && out.length > 0) {
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO settlement_runs (measure_id, period, kind, correction, status, ruleset_version, ruleset_hash, inputs_hash,
         assumptions, parameters, due_cents, advances_cents, balance_cents, prepared_by, created_at)
       VALUES ($1,$2,$3,$4,'draft',$5,$6,$7,$8,$9,$10,$11,$12,$13,$14) RETURNING id`,
      [
        measure,
        period.text,
        period.kind,
        correction,
        ruleset.version,
        ruleset.hash,
        inputsHash,
        JSON.stringify(used),
        JSON.stringify(input.parameters),
        due,
        advances,
        balance,
        actor.userId ?? actor.label,
        now,
      ],
    );
    id = rows[0]!.id;
    await insertLines(tx, { id, article, year: period.year }, out);
  }
  return {
    id,
    measure,
    period: period.text,
    kind: period.kind,
    correction,
    status: out.length === 0 ? 'ongewijzigd' : input.dryRun ? 'proefberekening' : 'draft',
    ruleset,
    inputs_hash: inputsHash,
    assumptions: used,
    totals: {
      due: money.toEuros(money.cents(due)),
      advances: money.toEuros(money.cents(advances)),
      balance: money.toEuros(money.cents(balance)),
    },
    line_count: out.length,
    lines: out.map(
      (o): RunLineView => ({
        id: null,
        key: o.line.key,
        kbo: o.line.kbo,
        worker: o.line.worker,
        component: o.line.component,
        period: o.line.period,
        amount: money.toEuros(o.line.amount),
        budget_article: article,
        basis: o.line.basis,
        corrects: o.corrects,
      }),
    ),
  };
}

/**
 * What was paid in advances for the months of a period, per organisation: the gross advance
 * lines (`voorschot`) of runs that are confirmed paid (status `betaald`). A withholding on an
 * advance settles an earlier debt, not this period, so it is not counted here. An advance run of
 * these months that is approved but not yet confirmed stops the settlement: its amount is not
 * yet known to be paid, and counting it or not would both be a guess.
 */
export async function paidAdvances(
  tx: Queryable,
  measure: string,
  months: readonly string[],
): Promise<{ paid: Map<string, Cents>; pending: string[] }> {
  const { rows } = await tx.query<{ kbo: string; status: string; period: string; amount: string }>(
    `SELECT l.kbo, r.status, r.period, SUM(l.amount_cents)::bigint AS amount
       FROM settlement_lines l JOIN settlement_runs r ON r.id = l.run_id
      WHERE r.measure_id = $1 AND r.kind = 'voorschot' AND r.period = ANY($2::text[]) AND l.component = 'voorschot'
        AND r.status <> 'draft'
      GROUP BY l.kbo, r.status, r.period ORDER BY l.kbo`,
    [measure, months],
  );
  const paid = new Map<string, Cents>();
  const pending = new Set<string>();
  for (const r of rows) {
    if (r.status !== 'betaald') pending.add(r.period);
    else paid.set(r.kbo, money.cents((paid.get(r.kbo) ?? 0) + Number(r.amount)));
  }
  return { paid, pending: [...pending].sort() };
}
