/**
 * Budget's year-end view: per budget article and measure, what the runs
 * of budget year Y committed, what of it was paid by 31 December of Y (Brussels calendar day), and
 * so the accrual for the quarters settled or paid after year end (a Q4 settlement paid in Y+1);
 * plus what runs paid in Y for earlier budget years (prior-year settlements).
 */
import { type Actor, assertCan, organisationScope } from '../access/index.ts';
import type { Queryable } from '../db/index.ts';
import { ForbiddenError } from '../domain/index.ts';

export interface ArticleYearEnd {
  article: string;
  measure: string;
  committedCents: number;
  paidInYearCents: number;
  /** Committed for year Y, not paid by its year end: the 'overlopende rekening'. */
  accrualCents: number;
  /** Paid in Y on lines of earlier budget years. */
  priorYearsPaidCents: number;
}

export async function articleYearEnd(
  db: Queryable,
  actor: Actor,
  filter: { year: number },
): Promise<ArticleYearEnd[]> {
  assertCan(actor, 'settlement:read');
  if (organisationScope(actor)) throw new ForbiddenError('Totalen per begrotingsartikel zijn intern.');
  const { rows } = await db.query<{
    article: string;
    measure: string;
    committed: string | number | null;
    paid_in_year: string | number | null;
    prior: string | number | null;
  }>(
    `WITH l AS (
       SELECT l.budget_article, l.budget_year, l.amount_cents, r.measure_id, r.status,
              EXTRACT(YEAR FROM (r.paid_at AT TIME ZONE 'Europe/Brussels'))::int AS paid_year
         FROM settlement_lines l JOIN settlement_runs r ON r.id = l.run_id
        WHERE r.status <> 'draft' AND l.budget_year <= $1)
     SELECT budget_article AS article, measure_id AS measure,
            SUM(amount_cents) FILTER (WHERE budget_year = $1)::bigint AS committed,
            SUM(amount_cents) FILTER (WHERE budget_year = $1 AND status = 'betaald' AND paid_year <= $1)::bigint AS paid_in_year,
            SUM(amount_cents) FILTER (WHERE budget_year < $1 AND status = 'betaald' AND paid_year = $1)::bigint AS prior
       FROM l GROUP BY 1, 2
     HAVING SUM(amount_cents) FILTER (WHERE budget_year = $1) IS NOT NULL
         OR SUM(amount_cents) FILTER (WHERE budget_year < $1 AND status = 'betaald' AND paid_year = $1) IS NOT NULL
     ORDER BY 1, 2`,
    [filter.year],
  );
  return rows.map((r) => {
    const committed = Number(r.committed ?? 0);
    const paid = Number(r.paid_in_year ?? 0);
    return {
      article: r.article,
      measure: r.measure,
      committedCents: committed,
      paidInYearCents: paid,
      accrualCents: committed - paid,
      priorYearsPaidCents: Number(r.prior ?? 0),
    };
  });
}
