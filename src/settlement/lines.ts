/** Premium lines for readers outside settlement (the inspection's risk lists): who was paid for which month. */
import { type Actor, assertCan, can } from '../access/index.ts';
import type { Queryable } from '../db/index.ts';
import { paymentCalendar } from './calendar.ts';
import { settlementPlan } from './plan.ts';

export interface PaidPremiumLine {
  id: string;
  runId: string;
  measure: string;
  kbo: string;
  /** The worker's pseudonym as the wage data gave it. */
  worker: string;
  component: string;
  /** YYYY-MM (loonpremie) or YYYY-Qn (begeleidingspremie). */
  period: string;
  amountCents: number;
}

/** Premium lines of runs that are approved or later (drafts commit nothing). */
export async function premiumLinesPaid(db: Queryable, actor: Actor): Promise<PaidPremiumLine[]> {
  if (!can(actor, 'inspection:handle')) assertCan(actor, 'settlement:prepare');
  const { rows } = await db.query<{
    id: string;
    run_id: string;
    measure_id: string;
    kbo: string;
    worker: string;
    component: string;
    period: string;
    amount_cents: string;
  }>(
    `SELECT l.id, l.run_id, r.measure_id, l.kbo, l.worker, l.component, l.period, l.amount_cents
       FROM settlement_lines l JOIN settlement_runs r ON r.id = l.run_id
      WHERE r.status <> 'draft' AND l.worker IS NOT NULL AND l.component IN ('loonpremie', 'begeleidingspremie')
      ORDER BY l.kbo, l.worker, l.period, l.id`,
  );
  return rows.map((r) => ({
    id: r.id,
    runId: r.run_id,
    measure: r.measure_id,
    kbo: r.kbo,
    worker: r.worker,
    component: r.component,
    period: r.period,
    amountCents: Number(r.amount_cents),
  }));
}

export interface UnsettledAdvance {
  measure: string;
  kbo: string;
  /** The settlement period the advances belong to: YYYY-Qn, or YYYY for a yearly settlement. */
  period: string;
  /** When that settlement was due by the payment calendar. */
  due: string;
  advanceCents: number;
  lineIds: string[];
}

/**
 * Advances (approved or later) of an organisation whose settlement was due by `asOf` on the
 * payment calendar and has no approved run for that organisation: the inspection's knipperlicht
 * "voorschotten zonder afrekening".
 */
export async function advancesWithoutSettlement(
  db: Queryable,
  actor: Actor,
  asOf: string,
): Promise<UnsettledAdvance[]> {
  if (!can(actor, 'inspection:handle')) assertCan(actor, 'settlement:prepare');
  const { rows } = await db.query<{
    id: string;
    measure_id: string;
    kbo: string;
    period: string;
    amount_cents: string;
  }>(
    `SELECT l.id, r.measure_id, l.kbo, r.period, l.amount_cents
       FROM settlement_lines l JOIN settlement_runs r ON r.id = l.run_id
      WHERE r.kind = 'voorschot' AND r.status <> 'draft' AND l.component = 'voorschot'
      ORDER BY r.measure_id, l.kbo, r.period, l.id`,
  );
  const { rows: settled } = await db.query<{ measure_id: string; kbo: string; period: string }>(
    `SELECT DISTINCT r.measure_id, l.kbo, r.period
       FROM settlement_lines l JOIN settlement_runs r ON r.id = l.run_id
      WHERE r.kind IN ('kwartaalafrekening', 'jaarafrekening') AND r.status <> 'draft'`,
  );
  const done = new Set(settled.map((s) => `${s.measure_id}|${s.kbo}|${s.period}`));
  const groups = new Map<string, UnsettledAdvance>();
  for (const r of rows) {
    const plan = settlementPlan(r.measure_id);
    const [year, month] = r.period.split('-').map(Number) as [number, number];
    const kind = plan.settlement.quarter ? 'kwartaalafrekening' : 'jaarafrekening';
    const period = kind === 'kwartaalafrekening' ? `${year}-Q${Math.ceil(month / 3)}` : String(year);
    const key = `${r.measure_id}|${r.kbo}|${period}`;
    if (done.has(key)) continue;
    const due = paymentCalendar(plan, year).find((e) => e.kind === kind && e.period === period)?.due;
    if (!due || due > asOf) continue;
    const g = groups.get(key) ?? {
      measure: r.measure_id,
      kbo: r.kbo,
      period,
      due,
      advanceCents: 0,
      lineIds: [],
    };
    g.advanceCents += Number(r.amount_cents);
    g.lineIds.push(r.id);
    groups.set(key, g);
  }
  return [...groups.values()];
}
