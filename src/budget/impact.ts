/**
 * Reform impact on a budget article over a population given as columns (the rules engine's batch
 * engine, baseline and reform side by side), and the budget side of the settlement link.
 */
import { ValidationError } from '../domain/index.ts';
import { type Column, type ParameterOverride, simulatePopulation } from '../rules/index.ts';

export interface ImpactInput {
  measure: string;
  article: string;
  /** Date the parameters are read at (JJJJ-MM-DD). */
  date: string;
  columns: Record<string, Column>;
  n: number;
  overrides: readonly ParameterOverride[];
  /**
   * Payments per person in the budget year. ASSUMPTION (not in the seeds): a monthly premium is
   * paid for every month of the year (12); pass fewer for part-year populations.
   */
  periods: number;
}

export interface Impact {
  measure: string;
  article: string;
  persons: number;
  eligible: { baseline: number; reform: number };
  baselineCents: number;
  reformCents: number;
  differenceCents: number;
  assumption: string;
}

export async function reformImpact(input: ImpactInput): Promise<Impact> {
  const { baseline, reform } = await simulatePopulation(
    input.measure,
    input.date,
    input.columns,
    input.n,
    input.overrides,
  );
  const r = reform ?? baseline;
  const baselineCents = baseline.total * input.periods;
  const reformCents = r.total * input.periods;
  return {
    measure: input.measure,
    article: input.article,
    persons: input.n,
    eligible: { baseline: baseline.eligibleCount, reform: r.eligibleCount },
    baselineCents,
    reformCents,
    differenceCents: reformCents - baselineCents,
    assumption: `aanname: ${input.periods} betalingen per persoon in het begrotingsjaar (niet in de bronnen)`,
  };
}

/** What settlement will export per article (src/settlement/index.ts `articleTotals`, branch settlement). */
export interface SettlementArticleTotal {
  article: string;
  measure: string;
  committedCents: number;
  paidCents: number;
}

export interface ArticleForecast {
  article: string;
  committedCents: number;
  paidCents: number;
  /** Committed but not yet paid: quarters settled after year end go to the 'overlopende rekening'. */
  accrualCents: number;
  forecastCents: number;
  method: string;
}

/**
 * Forecast of BU per article from the runs so far. Method (written down, shown with the figure):
 * the committed amount of the quarters settled so far, plus for each quarter still to come the
 * average committed amount per settled quarter; the VCO charges a quarter to the year it concerns
 * (001:L8583-8587), so committed-not-paid is the accrual, not a saving.
 */
export function forecastFromSettlement(
  totals: SettlementArticleTotal[],
  quartersSettled: number,
): ArticleForecast[] {
  if (!Number.isInteger(quartersSettled) || quartersSettled < 0 || quartersSettled > 4) {
    throw ValidationError.field('quarters', 'het aantal afgerekende kwartalen is 0 tot 4');
  }
  const byArticle = new Map<string, { committed: number; paid: number }>();
  for (const t of totals) {
    const a = byArticle.get(t.article) ?? { committed: 0, paid: 0 };
    a.committed += t.committedCents;
    a.paid += t.paidCents;
    byArticle.set(t.article, a);
  }
  return [...byArticle].map(([article, a]) => {
    const remaining = 4 - quartersSettled;
    // Integer cents: the average per quarter rounded half away from zero (amounts are ≥ 0).
    const perQuarter = quartersSettled === 0 ? 0 : Math.round(a.committed / quartersSettled);
    return {
      article,
      committedCents: a.committed,
      paidCents: a.paid,
      accrualCents: a.committed - a.paid,
      forecastCents: a.committed + remaining * perQuarter,
      method: `vastgelegd over ${quartersSettled} afgerekende kwartalen + ${remaining} × gemiddelde per kwartaal`,
    };
  });
}
