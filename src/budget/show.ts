/** The rows of `budget show` (CLI, API, open data): computed totals and the printed article rows. */
import { z } from 'zod';
import { computeTotals, ISE_PROGRAMME, programmeOf } from './core.ts';
import type { BudgetData } from './data.ts';

export const budgetRowSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(['domein', 'programma', 'ise', 'artikel']),
  credit: z.enum(['VAK', 'VEK', 'AO', 'TO', 'LO']),
  /** As printed: '2e BA', '2e BA-JR', 'BA', 'BA-JR', 'BU', 'Uitvoering'. */
  stage: z.string(),
  /** Integer euros (the seeds print keuro). */
  amount: z.number().int(),
  /** Seed line of an article row; for a computed total the rows it sums and the printed total's line. */
  source: z.string(),
});
export const budgetShowSchema = z.object({ year: z.number().int(), rows: z.array(budgetRowSchema) });
export type BudgetRow = z.infer<typeof budgetRowSchema>;

export const budgetFilterSchema = z.object({
  year: z.coerce.number().int(),
  programme: z.string().optional(),
  ise: z.string().optional(),
  article: z.string().optional(),
});
export type BudgetFilter = z.infer<typeof budgetFilterSchema>;

const LEVEL_ORDER = { domein: 0, programma: 1, ise: 2, artikel: 3 } as const;

export function showBudget(data: BudgetData, filter: BudgetFilter): z.infer<typeof budgetShowSchema> {
  const { year } = filter;
  const printed = new Map(
    data.bbt
      .filter(
        (r) =>
          r.year === year && (r.kind === 'programme' || (r.kind === 'ise' && r.row_or_parent === 'Totaal')),
      )
      .map((r) => [`${r.code}|${r.credit}|${r.stage}`, r.source]),
  );
  const totals: BudgetRow[] = computeTotals(data, year).map((t) => {
    const line = printed.get(`${t.code}|${t.credit}|${t.stage}`);
    return {
      code: t.code,
      name: t.name,
      level: t.level,
      credit: t.credit,
      stage: t.stage,
      amount: t.amountEuro,
      source: `berekend uit ${t.sources.length} regels${line ? `; gedrukt ${line}` : ''}`,
    };
  });
  const articles: (BudgetRow & { ise: string })[] = data.bbt
    .filter((r) => r.year === year && (r.kind === 'article' || r.kind === 'receipt'))
    .map((r) => ({
      code: r.code,
      name: r.name,
      level: 'artikel',
      credit: r.credit,
      stage: r.stage,
      amount: r.amountEuro,
      source: r.source,
      ise: r.kind === 'article' ? r.row_or_parent : '',
    }));
  const programmeOfIse = (ise: string) => ISE_PROGRAMME[ise];
  let rows: BudgetRow[];
  if (filter.article) rows = articles.filter((a) => a.code === filter.article);
  else if (filter.ise)
    rows = [
      ...totals.filter((t) => t.level === 'ise' && t.code === filter.ise),
      ...articles.filter((a) => a.ise === filter.ise),
    ];
  else if (filter.programme) {
    const p = filter.programme;
    rows = [
      ...totals.filter(
        (t) =>
          (t.level === 'programma' && t.code === p) || (t.level === 'ise' && programmeOfIse(t.code) === p),
      ),
      ...articles.filter((a) => programmeOf(a.code) === p),
    ];
  } else rows = [...totals, ...articles];
  rows = rows.map(({ code, name, level, credit, stage, amount, source }) => ({
    code,
    name,
    level,
    credit,
    stage,
    amount,
    source,
  }));
  rows.sort(
    (a, b) =>
      LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] ||
      a.code.localeCompare(b.code) ||
      a.credit.localeCompare(b.credit),
  );
  return { year, rows };
}
