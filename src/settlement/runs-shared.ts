/** Shapes and reads that the run modules share (no logic of their own). */
import { z } from 'zod';
import type { Actor } from '../access/index.ts';
import type { Queryable } from '../db/index.ts';
import { type Cents, money } from '../domain/index.ts';
import { type AssumptionTable, defaultAssumptions } from './assumptions.ts';
import { PACKAGES, type SettlementLine } from './cmw.ts';
import type { RunState } from './states.ts';

export const euroAmount = z.union([z.number(), z.string()]).transform((v, ctx) => {
  try {
    return money.euros(v);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'geen bedrag in euro met hoogstens twee decimalen' });
    return z.NEVER;
  }
});

export const workerMonthSchema = z.object({
  kbo: z.string().regex(/^\d{10}$/),
  worker: z.string().min(1),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  package: z.enum(PACKAGES),
  wage: euroAmount,
  fte: z.number().gt(0).max(1),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});

export interface RunLineView {
  id: string | null;
  key: string;
  kbo: string;
  worker: string | null;
  component: string;
  period: string;
  amount: number;
  budget_article: string;
  basis: Record<string, unknown>;
  corrects: string | null;
}
export interface RunView {
  id: string | null;
  measure: string;
  period: string;
  kind: string;
  correction: boolean;
  status: RunState | 'ongewijzigd' | 'proefberekening';
  ruleset: { version: string; hash: string };
  inputs_hash: string;
  assumptions: unknown[];
  totals: { due: number; advances: number; balance: number };
  /** Lines written (or, for a dry run, computed); `lines` may hold none of them for large runs. */
  line_count?: number;
  lines: RunLineView[];
}

export async function assumptionTable(db: Queryable): Promise<AssumptionTable> {
  const base = defaultAssumptions();
  const { rows } = await db.query<{
    name: string;
    valid_from: string;
    value: string;
    source: string;
    set_by: string;
    set_on: string;
  }>('SELECT name, valid_from, value, source, set_by, set_on FROM settlement_assumptions');
  const table: AssumptionTable = structuredClone(base);
  for (const r of rows) {
    const def = table[r.name];
    if (!def) continue;
    const value = def.type === 'method' || def.type === 'text' ? r.value : Number(r.value);
    def.values = [...def.values.filter((v) => v.valid_from !== r.valid_from), { ...r, value }];
  }
  return table;
}

/**
 * Components that offset what is due (what was already paid, a withholding, a recovery); every
 * other component of a line is a payable amount and counts in `totals.due` under its own name
 * (loonpremie, begeleidingspremie, vergoeding, begeleidingssubsidie, voorschot, the premiums of
 * granted dossiers). `totals.advances` is minus the sum of the offsets.
 */
export const OFFSET_COMPONENTS: readonly string[] = ['verrekening', 'inhouding', 'terugvordering'];
export const isDue = (component: string): boolean => !OFFSET_COMPONENTS.includes(component);

/** Lines of one run with the line each corrects (null for a first line). */
export interface StoredLine {
  line: SettlementLine;
  corrects: string | null;
}

/** Writes a batch of a run's lines in one statement (unnest of column arrays). */
export function insertLines(
  tx: Queryable,
  run: { id: string; article: string; year: number },
  out: readonly StoredLine[],
): Promise<unknown> {
  return tx.query(
    `INSERT INTO settlement_lines (run_id, line_key, kbo, worker, component, period, amount_cents, budget_article, budget_year, basis, corrects_line_id)
     SELECT $1::uuid, k, kb, w, c, p, a, $2::text, $3::int, b::jsonb, x
       FROM unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::bigint[], $10::text[], $11::uuid[])
            AS t(k, kb, w, c, p, a, b, x)`,
    [
      run.id,
      run.article,
      run.year,
      out.map((o) => o.line.key),
      out.map((o) => o.line.kbo),
      out.map((o) => o.line.worker),
      out.map((o) => o.line.component),
      out.map((o) => o.line.period),
      out.map((o) => o.line.amount),
      out.map((o) => JSON.stringify(o.line.basis)),
      out.map((o) => o.corrects),
    ],
  );
}

/** A line key's total over earlier runs of the period, with the last line that touched it. */
export interface SettledKeyRow {
  line_key: string;
  amount: string;
  last_id: string;
  kbo: string;
  worker: string | null;
  component: SettlementLine['component'];
  period: string;
}
/** SELECT … FROM lines JOIN runs for SettledKeyRow; the caller adds WHERE and GROUP BY l.line_key. */
export const SETTLED_KEY_SELECT = `SELECT l.line_key, SUM(l.amount_cents)::bigint AS amount,
       (array_agg(l.id ORDER BY r.created_at DESC, l.id))[1] AS last_id,
       min(l.kbo) AS kbo, min(l.worker) AS worker, min(l.component) AS component, min(l.period) AS period
  FROM settlement_lines l JOIN settlement_runs r ON r.id = l.run_id`;

export function settledKeyLine(
  r: SettledKeyRow,
  amount: Cents,
  basis: SettlementLine['basis'],
): SettlementLine {
  return {
    key: r.line_key,
    kbo: r.kbo,
    worker: r.worker,
    component: r.component,
    period: r.period,
    amount,
    basis,
  };
}

/** Who prepared a run: the user, or the system actor's label; four eyes compares against it. */
export const preparer = (actor: Actor): string => actor.userId ?? actor.label;
