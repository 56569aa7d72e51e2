/**
 * Settlement runs in the database: prepare (compute with the pure core, compare with what earlier
 * runs of the period settled, store only the differences), approve with four eyes, payment file,
 * confirm; the totals per budget article for the budget module. Lines are never changed: a later
 * change of inputs gives a correction run of delta lines that refer to the lines they correct.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { type Actor, assertCan, organisationScope } from '../access/index.ts';
import { defineCommand } from '../commands/index.ts';
import type { Queryable } from '../db/index.ts';
import {
  type Cents,
  ConflictError,
  ForbiddenError,
  money,
  NotFoundError,
  ValidationError,
} from '../domain/index.ts';
import { budgetArticleFor } from '../rules/index.ts';
import { AssumptionSet, type AssumptionTable, defaultAssumptions } from './assumptions.ts';
import { deltas, offsetLines, PACKAGES, premiumLines, type SettlementLine, type WorkerMonth } from './cmw.ts';
import { cmwParams, rulesetInfo } from './params.ts';
import { parsePeriod } from './period.ts';
import { settlementPlan } from './plan.ts';
import { markRecoveriesSettled, recoveryLines } from './recoveries.ts';
import { RUN_ACTIONS, type RunAction, type RunState } from './states.ts';

const euroAmount = z.union([z.number(), z.string()]).transform((v, ctx) => {
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

export const prepareRunInput = z.object({
  measure: z.literal('collectief-maatwerk'),
  period: z.string(),
  wages: z.array(workerMonthSchema),
  /** What was already paid for the period per organisation (the monthly advances). */
  advances_paid: z.array(z.object({ kbo: z.string().regex(/^\d{10}$/), amount: euroAmount })).default([]),
  dry_run: z.boolean().default(false),
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
  lines: RunLineView[];
}

async function assumptionTable(db: Queryable): Promise<AssumptionTable> {
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
    const value = def.type === 'method' ? r.value : Number(r.value);
    def.values = [...def.values.filter((v) => v.valid_from !== r.valid_from), { ...r, value }];
  }
  return table;
}

const isPremium = (c: string) => c === 'loonpremie' || c === 'begeleidingspremie';

function totals(lines: { component: string; amount: number }[]) {
  let due = 0;
  let advances = 0;
  for (const l of lines) {
    if (isPremium(l.component)) due += l.amount;
    else advances -= l.amount;
  }
  return { due: due as Cents, advances: advances as Cents, balance: (due - advances) as Cents };
}

export const prepareRun = defineCommand({
  name: 'settlement/prepare-run',
  summary: 'Een afrekening berekenen en, als er iets verandert, als run bewaren.',
  input: prepareRunInput,
  authorize: ({ actor }) => assertCan(actor, 'settlement:prepare'),
  async run({ tx, actor, now }, input) {
    const plan = settlementPlan(input.measure);
    const period = parsePeriod(input.period);
    if (period.kind === 'voorschot') {
      throw ValidationError.field(
        'period',
        'voorschotruns zijn nog niet aan de databank gekoppeld; gebruik een kwartaal of jaar',
      );
    }
    const months = new Set(period.months);
    const outside = input.wages.findIndex((w) => !months.has(w.month));
    if (outside >= 0)
      throw ValidationError.field(`wages.${outside}.month`, `valt buiten de periode ${input.period}`);
    const { params, used } = await cmwParams(period.start);
    const assumptions = new AssumptionSet(await assumptionTable(tx));
    const paid = new Map<string, Cents>();
    for (const a of input.advances_paid) paid.set(a.kbo, money.cents((paid.get(a.kbo) ?? 0) + a.amount));
    const current: SettlementLine[] = [
      ...premiumLines(input.wages as WorkerMonth[], params, assumptions),
      ...offsetLines(input.period, paid),
    ];
    // Recoveries (recoveries.ts): open recoveries of the run's organisations as negative lines.
    current.push(
      ...(await recoveryLines(tx, input.measure, input.period, [...new Set(current.map((l) => l.kbo))])),
    );
    const article = budgetArticleFor(plan.measure, period.year);
    const ruleset = await rulesetInfo();
    const inputsHash = createHash('sha256').update(JSON.stringify(input)).digest('hex');

    // What earlier runs of this measure and period settled, per key (the last line id per key).
    const { rows: prev } = await tx.query<{ line_key: string; amount: number; last_id: string }>(
      `SELECT l.line_key, SUM(l.amount_cents)::bigint AS amount, (array_agg(l.id ORDER BY r.created_at DESC, l.id))[1] AS last_id
         FROM settlement_lines l JOIN settlement_runs r ON r.id = l.run_id
        WHERE r.measure_id = $1 AND r.period = $2 GROUP BY l.line_key`,
      [input.measure, input.period],
    );
    const settled = new Map<string, { amount: Cents; line: SettlementLine; id: string }>();
    const currentByKey = new Map(current.map((l) => [l.key, l]));
    for (const p of prev) {
      const [kbo = '', worker = '', component = 'verrekening', per = input.period] = p.line_key.split('|');
      const line = currentByKey.get(p.line_key) ?? {
        key: p.line_key,
        kbo,
        worker: worker || null,
        component: component as SettlementLine['component'],
        period: per,
        amount: money.ZERO,
        basis: {},
      };
      settled.set(p.line_key, { amount: money.cents(Number(p.amount)), line, id: p.last_id });
    }
    const correction = prev.length > 0;
    const out = correction
      ? deltas(settled, current).map((d) => ({ line: d.line, corrects: settled.get(d.key)?.id ?? null }))
      : current.map((line) => ({ line, corrects: null as string | null }));
    const t = totals(out.map((o) => o.line));
    const view: RunView = {
      id: null,
      measure: input.measure,
      period: input.period,
      kind: period.kind,
      correction,
      status: out.length === 0 ? 'ongewijzigd' : input.dry_run ? 'proefberekening' : 'draft',
      ruleset,
      inputs_hash: inputsHash,
      assumptions: assumptions.list(),
      totals: {
        due: money.toEuros(t.due),
        advances: money.toEuros(t.advances),
        balance: money.toEuros(t.balance),
      },
      lines: out.map((o) => ({
        id: null,
        key: o.line.key,
        kbo: o.line.kbo,
        worker: o.line.worker,
        component: o.line.component,
        period: o.line.period,
        amount: money.toEuros(o.line.amount),
        budget_article: article.article,
        basis: o.line.basis,
        corrects: o.corrects,
      })),
    };
    if (input.dry_run || out.length === 0) {
      return {
        result: view,
        audit: {
          entityType: 'settlement_run',
          entityId: 'dry-run',
          data: { period: input.period, unchanged: out.length === 0 },
        },
      };
    }
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO settlement_runs (measure_id, period, kind, correction, status, ruleset_version, ruleset_hash, inputs_hash,
         assumptions, parameters, due_cents, advances_cents, balance_cents, prepared_by, created_at)
       VALUES ($1,$2,$3,$4,'draft',$5,$6,$7,$8,$9,$10,$11,$12,$13,$14) RETURNING id`,
      [
        input.measure,
        input.period,
        period.kind,
        correction,
        ruleset.version,
        ruleset.hash,
        inputsHash,
        JSON.stringify(view.assumptions),
        JSON.stringify(used),
        t.due,
        t.advances,
        t.balance,
        preparer(actor),
        now,
      ],
    );
    const runId = rows[0]!.id;
    for (const o of out) {
      await tx.query(
        `INSERT INTO settlement_lines (run_id, line_key, kbo, worker, component, period, amount_cents, budget_article, budget_year, basis, corrects_line_id)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)`,
        [
          runId,
          o.line.key,
          o.line.kbo,
          o.line.worker,
          o.line.component,
          o.line.period,
          o.line.amount,
          article.article,
          period.year,
          JSON.stringify(o.line.basis),
          o.corrects,
        ],
      );
    }
    await markRecoveriesSettled(
      tx,
      runId,
      out.map((o) => o.line),
    ); // recoveries.ts
    view.id = runId;
    return {
      result: view,
      audit: {
        entityType: 'settlement_run',
        entityId: runId,
        data: { period: input.period, correction, lines: out.length },
      },
    };
  },
});

const preparer = (actor: Actor) => actor.userId ?? actor.label;

export const runActionInput = z.object({ run: z.uuid() });

function runActionCommand(action: RunAction) {
  const def = RUN_ACTIONS[action];
  return defineCommand({
    name: `settlement/${action}`,
    summary: `${def.label} van een afrekeningsrun.`,
    input: runActionInput,
    authorize: ({ actor }) => assertCan(actor, def.permission),
    async run({ tx, actor, now }, input) {
      const { rows } = await tx.query<{ status: RunState; prepared_by: string }>(
        'SELECT status, prepared_by FROM settlement_runs WHERE id = $1 FOR UPDATE',
        [input.run],
      );
      const run = rows[0];
      if (!run) throw new NotFoundError('Afrekeningsrun', input.run);
      if (!(def.from as readonly string[]).includes(run.status)) {
        throw new ConflictError('run_wrong_state', `${def.label} kan niet vanuit de status '${run.status}'.`);
      }
      if (def.fourEyes && run.prepared_by === preparer(actor)) {
        throw new ForbiddenError('Vier ogen: wie de run voorbereidde mag hem niet goedkeuren.', 'four_eyes');
      }
      if (action === 'approve') {
        await tx.query(
          'UPDATE settlement_runs SET status = $2, approved_by = $3, approved_at = $4 WHERE id = $1',
          [input.run, def.to, preparer(actor), now],
        );
      } else if (action === 'confirm') {
        await tx.query('UPDATE settlement_runs SET status = $2, paid_at = $3 WHERE id = $1', [
          input.run,
          def.to,
          now,
        ]);
      } else {
        await tx.query('UPDATE settlement_runs SET status = $2 WHERE id = $1', [input.run, def.to]);
      }
      return {
        result: { id: input.run, status: def.to },
        audit: { entityType: 'settlement_run', entityId: input.run, data: { from: run.status, to: def.to } },
      };
    },
  });
}
export const approveRun = runActionCommand('approve');
export const markPaymentFile = runActionCommand('payment-file');
export const confirmRun = runActionCommand('confirm');
export const SETTLEMENT_COMMANDS = [prepareRun, approveRun, markPaymentFile, confirmRun] as const;

/** Committed (approved or later) and paid amounts per budget article and measure for the budget. */
export async function articleTotals(
  db: Queryable,
  actor: Actor,
  filter: { year: number },
): Promise<{ article: string; measure: string; committedCents: number; paidCents: number }[]> {
  assertCan(actor, 'settlement:read');
  if (organisationScope(actor)) throw new ForbiddenError('Totalen per begrotingsartikel zijn intern.');
  const { rows } = await db.query<{ article: string; measure: string; committed: number; paid: number }>(
    `SELECT l.budget_article AS article, r.measure_id AS measure,
            SUM(l.amount_cents) FILTER (WHERE r.status <> 'draft')::bigint AS committed,
            SUM(l.amount_cents) FILTER (WHERE r.status = 'betaald')::bigint AS paid
       FROM settlement_lines l JOIN settlement_runs r ON r.id = l.run_id
      WHERE l.budget_year = $1 GROUP BY 1, 2 ORDER BY 1, 2`,
    [filter.year],
  );
  return rows.map((r) => ({
    article: r.article,
    measure: r.measure,
    committedCents: Number(r.committed ?? 0),
    paidCents: Number(r.paid ?? 0),
  }));
}
