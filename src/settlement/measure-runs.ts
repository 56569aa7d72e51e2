/**
 * The runs that are not a collectief maatwerk quarter or year: the monthly advance runs of every
 * measure, the LDE quarterly settlement and the AMA WSE annual settlement. Each computes its lines
 * with the pure core (cmw.ts advanceLines, lde-ama.ts) from the run's inputs and from what earlier
 * runs of the measure settled, and stores them with run-store.ts through the same lifecycle
 * (draft → goedgekeurd → betaalbestand aangemaakt → betaald) as every run.
 *
 * - Advance (period JJJJ-MM, kind voorschot), collectief maatwerk and LDE: sized by the named
 *   assumption `voorschot` (a third of the due of the previous calendar quarter's settlement, assumptions.yaml),
 *   less the automatic withholding of an open negative balance
 *   (seeds/001_4a57afe77d69f3a4.txt:L9592-9597 "inclusief inhouding of betaling"), suspended in
 *   the plan's `withholding_suspended_years` (2020: seeds/002_fa7ec9f147cf0c36.txt:L1233-1241).
 * - Advance, AMA WSE: one twelfth of 2.650 € per counted participant of the month (lde-ama.ts).
 * - LDE quarter: the vergoeding per organisation (lde-ama.ts) less the advances paid.
 * - AMA WSE year: the begeleidingssubsidie per participant less the advances paid.
 */
import type { Actor } from '../access/index.ts';
import type { Queryable } from '../db/index.ts';
import { type Cents, ConflictError, money, RuleViolationError, ValidationError } from '../domain/index.ts';
import { AssumptionSet } from './assumptions.ts';
import { advanceLines, offsetLines, type SettlementLine } from './cmw.ts';
import { type AmaParticipantMonth, amaAdvanceLines, amaYearLines, ldeQuarterLines } from './lde-ama.ts';
import { parameterValues, type ResolvedParameter } from './params.ts';
import { type Period, previousQuarter } from './period.ts';
import { settlementPlan } from './plan.ts';
import { paidAdvances, storeRun } from './run-store.ts';
import { assumptionTable, OFFSET_COMPONENTS } from './runs-shared.ts';

export interface MeasureRunInput {
  measure: string;
  period: Period;
  /** LDE: VTE target-group workers per organisation in the quarter. */
  lde_vte?: { kbo: string; vte: number }[] | undefined;
  /** AMA WSE: participants per organisation and month with their hours a week. */
  participants?: { kbo: string; worker: string; month: string; hours_per_week: number }[] | undefined;
  dry_run: boolean;
}

async function parameters(measure: string, date: string, names: string[]) {
  const values = await parameterValues(measure, date);
  const used: ResolvedParameter[] = names.map((n) => {
    const v = values.get(n);
    if (!v)
      throw new RuleViolationError(
        'parameter_missing',
        `Parameter '${n}' van ${measure} heeft geen waarde op ${date}.`,
      );
    return v;
  });
  return used;
}

/** Stops a settlement while an advance run of its months is approved but not confirmed paid. */
export function assertPaid(pending: string[]) {
  if (pending.length === 0) return;
  throw new ConflictError(
    'advance_not_confirmed',
    `Voorschotrun(s) van ${pending.join(', ')} zijn goedgekeurd maar nog niet als betaald bevestigd: bevestig de betaling (settlement confirm) en start de afrekening opnieuw.`,
  );
}

/** Due of the previous calendar quarter's settlement per organisation: the payable lines of its non-draft runs. */
async function quarterDue(tx: Queryable, measure: string, quarter: string): Promise<Map<string, Cents>> {
  const { rows } = await tx.query<{ kbo: string; amount: string }>(
    `SELECT l.kbo, SUM(l.amount_cents)::bigint AS amount
       FROM settlement_lines l JOIN settlement_runs r ON r.id = l.run_id
      WHERE r.measure_id = $1 AND r.kind = 'kwartaalafrekening' AND r.period = $2 AND r.status <> 'draft'
        AND NOT (l.component = ANY($3::text[]))
      GROUP BY l.kbo ORDER BY l.kbo`,
    [measure, quarter, OFFSET_COMPONENTS],
  );
  return new Map(rows.map((r) => [r.kbo, money.cents(Number(r.amount))]));
}

/**
 * Open withholding per organisation: the negative balances of its approved settlements (per
 * settled period), less what advances of other months already withheld.
 */
async function openWithholding(tx: Queryable, measure: string, month: string): Promise<Map<string, Cents>> {
  const { rows: debts } = await tx.query<{ kbo: string; amount: string }>(
    `SELECT kbo, -SUM(amount)::bigint AS amount FROM (
       SELECT l.kbo, r.period, SUM(l.amount_cents) AS amount
         FROM settlement_lines l JOIN settlement_runs r ON r.id = l.run_id
        WHERE r.measure_id = $1 AND r.kind IN ('kwartaalafrekening', 'jaarafrekening') AND r.status <> 'draft'
        GROUP BY l.kbo, r.period HAVING SUM(l.amount_cents) < 0) d
      GROUP BY kbo`,
    [measure],
  );
  const { rows: withheld } = await tx.query<{ kbo: string; amount: string }>(
    `SELECT l.kbo, -SUM(l.amount_cents)::bigint AS amount
       FROM settlement_lines l JOIN settlement_runs r ON r.id = l.run_id
      WHERE r.measure_id = $1 AND r.kind = 'voorschot' AND l.component = 'inhouding' AND r.status <> 'draft'
        AND r.period <> $2
      GROUP BY l.kbo`,
    [measure, month],
  );
  const done = new Map(withheld.map((w) => [w.kbo, Number(w.amount)]));
  const out = new Map<string, Cents>();
  for (const d of debts) {
    const open = Number(d.amount) - (done.get(d.kbo) ?? 0);
    if (open > 0) out.set(d.kbo, money.cents(open));
  }
  return out;
}

function amaRows(input: MeasureRunInput): AmaParticipantMonth[] {
  if (!input.participants) {
    throw ValidationError.field(
      'participants',
      'geef de deelnemers mee: [{ kbo, worker, month, hours_per_week }] (AMA WSE)',
    );
  }
  const months = new Set(input.period.months);
  return input.participants.map((p, i) => {
    if (!months.has(p.month))
      throw ValidationError.field(`participants.${i}.month`, `valt buiten de periode ${input.period.text}`);
    return { kbo: p.kbo, worker: p.worker, month: p.month, hoursPerWeek: p.hours_per_week };
  });
}

export async function prepareMeasureRun(tx: Queryable, actor: Actor, now: Date, input: MeasureRunInput) {
  const { measure, period } = input;
  const plan = settlementPlan(measure);
  const assumptions = new AssumptionSet(await assumptionTable(tx));
  let lines: SettlementLine[];
  let used: ResolvedParameter[] = [];
  let inputs: unknown;
  if (period.kind === 'voorschot' && measure === 'ama-wse') {
    used = await parameters(measure, period.start, ['subsidie_per_jaar', 'min_uren_per_week']);
    const rows = amaRows(input);
    const p = { perYear: money.euros(used[0]!.value as number), minHoursPerWeek: used[1]!.value as number };
    lines = amaAdvanceLines(period.text, rows, p, assumptions);
    inputs = rows;
  } else if (period.kind === 'voorschot') {
    if (!plan.advance) throw ValidationError.field('period', `${measure} kent geen voorschotten`);
    const month = period.text;
    const quarter = previousQuarter(month);
    const lastQuarterDue = await quarterDue(tx, measure, quarter);
    const open = await openWithholding(tx, measure, month);
    const withholdingSuspended = plan.advance.withholding_suspended_years.includes(period.year);
    lines = advanceLines({ month, lastQuarterDue, openWithholding: open, withholdingSuspended }, assumptions);
    inputs = { quarter, lastQuarterDue: [...lastQuarterDue], open: [...open], withholdingSuspended };
  } else if (measure === 'lde' && period.kind === 'kwartaalafrekening') {
    if (!input.lde_vte)
      throw ValidationError.field('lde_vte', 'geef de VTE per organisatie mee: [{ kbo, vte }] (LDE)');
    used = await parameters(measure, period.start, ['max_vergoeding_per_vte']);
    const rows = input.lde_vte.map((r) => ({
      kbo: r.kbo,
      quarter: period.text,
      vte: Math.round(r.vte * 100),
    }));
    const { paid, pending } = await paidAdvances(tx, measure, period.months);
    assertPaid(pending);
    lines = [
      ...ldeQuarterLines(rows, money.euros(used[0]!.value as number), assumptions),
      ...offsetLines(period.text, paid),
    ];
    inputs = { rows, paid: [...paid] };
  } else if (measure === 'ama-wse' && period.kind === 'jaarafrekening') {
    used = await parameters(measure, period.start, ['subsidie_per_jaar', 'min_uren_per_week']);
    const rows = amaRows(input);
    const p = { perYear: money.euros(used[0]!.value as number), minHoursPerWeek: used[1]!.value as number };
    const { paid, pending } = await paidAdvances(tx, measure, period.months);
    assertPaid(pending);
    lines = amaYearLines(period.year, rows, paid, p, assumptions);
    inputs = { rows, paid: [...paid] };
  } else {
    throw ValidationError.field(
      'period',
      measure === 'lde'
        ? 'LDE wordt per maand (voorschot, JJJJ-MM) en per kwartaal (JJJJ-Qn) afgerekend'
        : 'AMA WSE wordt per maand (voorschot, JJJJ-MM) en per jaar (JJJJ) afgerekend',
    );
  }
  return storeRun(tx, actor, now, {
    measure,
    period,
    lines,
    assumptions,
    parameters: used,
    inputs,
    dryRun: input.dry_run,
  });
}
