/**
 * Which budget article pays a measure in a budget year (budget-articles.yaml, from the BBT seeds),
 * so that every settlement line carries its article and the budget can total per article.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { NotFoundError } from '../domain/index.ts';

export const budgetArticleSchema = z.object({
  measure: z.string(),
  valid_from: z.number().int(),
  article: z.string().regex(/^JB0-[19][A-Z0-9]{6}-[A-Z]{2}$/),
  source: z.string(),
  note: z.string().optional(),
});
export type BudgetArticle = z.infer<typeof budgetArticleSchema>;

let table: BudgetArticle[] | undefined;

export function budgetArticles(): BudgetArticle[] {
  table ??= z
    .array(budgetArticleSchema)
    .parse(parse(readFileSync(new URL('./budget-articles.yaml', import.meta.url), 'utf8')));
  return table;
}

/** The article of `measure` in budget year `year`: the latest entry with valid_from ≤ year. */
export function budgetArticleFor(measure: string, year: number): BudgetArticle {
  const hit = budgetArticles()
    .filter((a) => a.measure === measure && a.valid_from <= year)
    .sort((a, b) => b.valid_from - a.valid_from)[0];
  if (!hit)
    throw new NotFoundError(
      'Begrotingsartikel voor maatregel en jaar',
      `${measure} ${year}`,
      'budget_article_not_found',
    );
  return hit;
}
