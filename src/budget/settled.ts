/**
 * From settlement to budget: what the settlement runs of a year committed (approved) and paid per
 * budget article, the accrual between the two, and the forecast of BU for the year from the
 * quarters settled so far (method in `forecastFromSettlement`, shown with every figure).
 */
import type { Actor } from '../access/index.ts';
import type { Queryable } from '../db/index.ts';
import { articleTotals } from '../settlement/index.ts';
import { type ArticleForecast, forecastFromSettlement } from './impact.ts';

export async function settledForecast(
  db: Queryable,
  actor: Actor,
  filter: { year: number; quartersSettled: number },
): Promise<ArticleForecast[]> {
  return forecastFromSettlement(
    await articleTotals(db, actor, { year: filter.year }),
    filter.quartersSettled,
  );
}
