/**
 * Settlement runs in the database: prepare (compute with the pure core, compare with what earlier
 * runs of the period settled, store only the differences), approve with four eyes, payment file,
 * confirm; the totals per budget article for the budget module. Lines are never changed: a later
 * change of inputs gives a correction run of delta lines that refer to the lines they correct.
 */
import { z } from 'zod';
import { type Actor, assertCan, organisationScope } from '../access/index.ts';
import { defineCommand } from '../commands/index.ts';
import type { Queryable } from '../db/index.ts';
import type { Cents } from '../domain/index.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../domain/index.ts';
import { assertPaid, prepareMeasureRun } from './measure-runs.ts';
import { type Period, parsePeriod } from './period.ts';
import { SETTLED_MEASURES } from './plan.ts';
import { registryWorkerMonths } from './registry-input.ts';
import { paidAdvances } from './run-store.ts';
import { groupedWages, streamRunCommand } from './run-stream.ts';
import { euroAmount, preparer, workerMonthSchema } from './runs-shared.ts';
import { RUN_ACTIONS, type RunAction, type RunState } from './states.ts';

export {
  assumptionTable,
  type RunLineView,
  type RunView,
  workerMonthSchema,
} from './runs-shared.ts';

const kbo = z.string().regex(/^\d{10}$/);
export const prepareRunInput = z.object({
  measure: z.enum(SETTLED_MEASURES),
  period: z.string(),
  /** The wage data; when absent, read from the registry (wage months and support packages). */
  wages: z.array(workerMonthSchema).optional(),
  /**
   * What was already paid for the period per organisation (the monthly advances); when absent,
   * the advance lines of the period's months in runs confirmed paid (run-store.ts paidAdvances).
   */
  advances_paid: z.array(z.object({ kbo, amount: euroAmount })).optional(),
  /** LDE quarter: VTE target-group workers per organisation (two decimals). */
  lde_vte: z.array(z.object({ kbo, vte: z.number().min(0).max(100_000) })).optional(),
  /** AMA WSE month or year: the participants per month with their hours a week. */
  participants: z
    .array(
      z.object({
        kbo,
        worker: z.string().min(1),
        month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
        hours_per_week: z.number().min(0).max(60),
      }),
    )
    .optional(),
  dry_run: z.boolean().default(false),
});

/**
 * Prepare a run from wage data given inline: validated as a whole (errors name the row), then
 * settled as a stream (run-stream.ts) in the order per organisation and worker.
 */
export const prepareRun = defineCommand({
  name: 'settlement/prepare-run',
  summary: 'Een afrekening berekenen en, als er iets verandert, als run bewaren.',
  input: prepareRunInput,
  authorize: ({ actor }) => assertCan(actor, 'settlement:prepare'),
  async run(ctx, input) {
    const period = parsePeriod(input.period);
    if (period.kind === 'voorschot' || input.measure !== 'collectief-maatwerk') {
      // Advances of every measure, LDE and AMA WSE: few lines, computed whole (measure-runs.ts).
      if (input.wages)
        throw ValidationError.field(
          'wages',
          'loongegevens horen enkel bij een afrekening van collectief maatwerk',
        );
      const view = await prepareMeasureRun(ctx.tx, ctx.actor, ctx.now, { ...input, period });
      return {
        result: view,
        audit: {
          entityType: 'settlement_run',
          entityId: view.id ?? 'dry-run',
          data: {
            period: input.period,
            kind: period.kind,
            lines: view.line_count,
            unchanged: !view.line_count,
          },
        },
      };
    }
    const { wages: given, lde_vte: _l, participants: _p, ...rest } = input;
    const header = {
      ...rest,
      measure: input.measure,
      advances_paid: await advancesOf(ctx.tx, input.measure, period, rest.advances_paid),
    };
    const wages = given ?? (await registryWorkerMonths(ctx.tx, ctx.actor, input.measure, period));
    const months = new Set(period.months);
    const outside = wages.findIndex((w) => !months.has(w.month));
    if (outside >= 0)
      throw ValidationError.field(`wages.${outside}.month`, `valt buiten de periode ${input.period}`);
    const command = streamRunCommand(groupedWages(wages), { collect: true, parsed: true });
    return command.run(ctx, header);
  },
});

/** Advances given with the run, or else those paid in advance runs of the period's months. */
export async function advancesOf(
  tx: Queryable,
  measure: string,
  period: Period,
  given: { kbo: string; amount: Cents }[] | undefined,
) {
  if (given) return given;
  const { paid, pending } = await paidAdvances(tx, measure, period.months);
  assertPaid(pending);
  return [...paid].map(([kbo, amount]) => ({ kbo, amount }));
}

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
