/** Premium lines for readers outside settlement (the inspection's risk lists): who was paid for which month. */
import { type Actor, assertCan, can } from '../access/index.ts';
import type { Queryable } from '../db/index.ts';

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
