/**
 * Premium runs: once a month, the instalments of granted dossiers that are due by the end of the
 * month and that no earlier premium run paid (premiums.ts) become the lines of one run of kind
 * `premies`. Re-running a month adds nothing (the line key is dossier + instalment); a dossier
 * granted later gets its overdue instalments in the next run. The run then follows the same
 * approve → payment file → confirm path as every run.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { type Actor, assertCan } from '../access/index.ts';
import { defineCommand } from '../commands/index.ts';
import { type Cents, daysInMonth, type IsoDate, money } from '../domain/index.ts';
import { listGrantedDossiers } from '../dossiers/index.ts';
import { budgetArticleFor } from '../rules/index.ts';
import { assumptionTableOf } from './assumption-store.ts';
import { AssumptionSet } from './assumptions.ts';
import { rulesetInfo } from './params.ts';
import { dueInstalments, type Instalment, premiumSchedule } from './premiums.ts';
import { preparer } from './runs-shared.ts';

export const PREMIUM_MEASURE = 'premies';
/** Budget article of a measure and year, or this marker when the seeds give none for the measure. */
export const NO_ARTICLE = 'geen-artikel-in-de-bronnen';

function articleOf(measure: string, year: number): string {
  try {
    return budgetArticleFor(measure, year).article;
  } catch {
    return NO_ARTICLE;
  }
}

export const preparePremiumRunInput = z.object({
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'een premierun loopt per maand: JJJJ-MM'),
  dry_run: z.boolean().default(false),
});

export interface PremiumRunView {
  id: string | null;
  measure: typeof PREMIUM_MEASURE;
  period: string;
  kind: 'premies';
  status: 'draft' | 'ongewijzigd' | 'proefberekening';
  ruleset: { version: string; hash: string };
  inputs_hash: string;
  assumptions: unknown[];
  totals: { due: number; advances: number; balance: number };
  lines: (Omit<Instalment, 'amount'> & { amount: number; budget_article: string })[];
}

export const preparePremiumRun = defineCommand({
  name: 'settlement/prepare-premium-run',
  summary: 'De vervallen schijven en premies van toegekende dossiers in een maandelijkse run zetten.',
  input: preparePremiumRunInput,
  authorize: ({ actor }) => assertCan(actor, 'settlement:prepare'),
  async run({ tx, actor, now }, input) {
    // One premium run at a time: two concurrent runs must not both pay an instalment.
    await tx.query("SELECT pg_advisory_xact_lock(hashtext('settlement-premies'))");
    const [y, m] = input.period.split('-').map(Number) as [number, number];
    const until = `${input.period}-${String(daysInMonth(y, m)).padStart(2, '0')}` as IsoDate;
    const assumptions = new AssumptionSet(await assumptionTableOf(tx));
    const dossiers = await listGrantedDossiers(tx, actor, { grantedUpTo: until });
    const all: Instalment[] = [];
    for (const d of dossiers) all.push(...(await premiumSchedule(d, assumptions)));
    const { rows: paid } = await tx.query<{ line_key: string }>(
      `SELECT DISTINCT l.line_key FROM settlement_lines l JOIN settlement_runs r ON r.id = l.run_id
        WHERE r.measure_id = $1`,
      [PREMIUM_MEASURE],
    );
    const due = dueInstalments(all, new Set(paid.map((p) => p.line_key)), until);
    const total = money.cents(due.reduce((s, i) => s + i.amount, 0));
    const ruleset = await rulesetInfo();
    const inputsHash = createHash('sha256')
      .update(JSON.stringify(due.map((i) => [i.key, i.amount, i.due])))
      .digest('hex');
    const lines = due.map((i) => ({
      ...i,
      amount: money.toEuros(i.amount),
      budget_article: articleOf(i.measure, Number(i.due.slice(0, 4))),
    }));
    const view: PremiumRunView = {
      id: null,
      measure: PREMIUM_MEASURE,
      period: input.period,
      kind: 'premies',
      status: due.length === 0 ? 'ongewijzigd' : input.dry_run ? 'proefberekening' : 'draft',
      ruleset,
      inputs_hash: inputsHash,
      assumptions: assumptions.list(),
      totals: { due: money.toEuros(total), advances: 0, balance: money.toEuros(total) },
      lines,
    };
    if (input.dry_run || due.length === 0) {
      return {
        result: view,
        audit: {
          entityType: 'settlement_run',
          entityId: 'dry-run',
          data: { period: input.period, premies: due.length },
        },
      };
    }
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO settlement_runs (measure_id, period, kind, correction, status, ruleset_version, ruleset_hash, inputs_hash,
         assumptions, parameters, due_cents, advances_cents, balance_cents, prepared_by, created_at)
       VALUES ($1,$2,'premies',false,'draft',$3,$4,$5,$6,'[]'::jsonb,$7,0,$7,$8,$9) RETURNING id`,
      [
        PREMIUM_MEASURE,
        input.period,
        ruleset.version,
        ruleset.hash,
        inputsHash,
        JSON.stringify(view.assumptions),
        total as Cents,
        preparer(actor),
        now,
      ],
    );
    const runId = rows[0]!.id;
    await tx.query(
      `INSERT INTO settlement_lines (run_id, line_key, kbo, worker, component, period, amount_cents, budget_article, budget_year, basis)
       SELECT $1, k, b, w, c, p, a, ar, y, j FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
         $7::bigint[], $8::text[], $9::int[], $10::jsonb[]) AS x(k, b, w, c, p, a, ar, y, j)`,
      [
        runId,
        due.map((i) => i.key),
        due.map((i) => i.kbo),
        due.map((i) => i.worker),
        due.map((i) => i.component),
        due.map((i) => i.due.slice(0, 7)),
        due.map((i) => i.amount),
        lines.map((l) => l.budget_article),
        due.map((i) => Number(i.due.slice(0, 4))),
        due.map((i) =>
          JSON.stringify({
            ...i.basis,
            dossier: i.reference,
            maatregel: i.measure,
            schijf: i.seq,
            bron: i.source,
          }),
        ),
      ],
    );
    view.id = runId;
    return {
      result: view,
      audit: {
        entityType: 'settlement_run',
        entityId: runId,
        data: { period: input.period, premies: due.length },
      },
    };
  },
});
