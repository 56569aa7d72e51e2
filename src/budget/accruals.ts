/**
 * The accrual ('overlopende rekening') per article and the prior-year settlements inside BU, as the
 * seeds print them (data/accruals.csv), and from settlement the accrual of Trede's own runs: what
 * budget year Y committed but was not paid by 31 December (a Q4 settlement paid in Y+1).
 */
import type { Actor } from '../access/index.ts';
import type { Queryable } from '../db/index.ts';
import { articleYearEnd } from '../settlement/index.ts';
import type { Finding } from './check.ts';
import { stagesOf } from './core.ts';
import type { Accrual, BudgetData } from './data.ts';

export interface ArticleAccrual {
  article: string;
  name: string;
  year: number;
  credit: 'VAK' | 'VEK';
  /** BU of the article and credit (euro), null when the table has no row. */
  buEuro: number | null;
  buSource: string | null;
  /** Σ 'overlopende rekening' components (euro). */
  accrualEuro: number;
  /** Σ prior-year settlements inside BU (euro; negative when the prior year was over-accrued). */
  priorYearEuro: number;
  rows: Accrual[];
}

const onCredit = (a: Accrual, credit: 'VAK' | 'VEK') => a.credit === credit || a.credit === 'VAK/VEK';

export function accrualsByArticle(data: BudgetData, year: number): ArticleAccrual[] {
  const bu = stagesOf(year).bu;
  const mine = data.accruals.filter((a) => a.year === year);
  const out: ArticleAccrual[] = [];
  for (const article of [...new Set(mine.map((a) => a.article))].sort()) {
    for (const credit of ['VAK', 'VEK'] as const) {
      const rows = mine.filter((a) => a.article === article && onCredit(a, credit));
      if (rows.length === 0) continue;
      const buRow = data.bbt.find(
        (r) => r.year === year && r.code === article && r.credit === credit && r.stage === bu,
      );
      const sum = (kind: Accrual['kind']) =>
        rows.filter((r) => r.kind === kind).reduce((s, r) => s + r.amountEuro, 0);
      out.push({
        article,
        name: buRow?.name ?? '',
        year,
        credit,
        buEuro: buRow?.amountEuro ?? null,
        buSource: buRow?.source ?? null,
        accrualEuro: sum('overlopende rekening'),
        priorYearEuro: sum('afrekening vorig jaar'),
        rows,
      });
    }
  }
  return out;
}

/**
 * An accrual is a part of BU: where the printed accrual is larger than the article's BU, the
 * check says so (it can only hold if reversing the prior year's accrual lowered BU, which the
 * seeds do not print).
 */
export function accrualFindings(data: BudgetData): Finding[] {
  const years = [...new Set(data.accruals.map((a) => a.year))].sort();
  return years.flatMap((year) =>
    accrualsByArticle(data, year)
      .filter((a) => a.buEuro !== null && a.accrualEuro > a.buEuro)
      .map(
        (a): Finding => ({
          kind: 'accrual',
          where: `${year} ${a.article} ${a.credit} overlopende rekening ≤ BU`,
          printed: a.accrualEuro,
          computed: a.buEuro ?? 0,
          difference: a.accrualEuro - (a.buEuro ?? 0),
          unit: 'euro',
          sources: [
            ...new Set([
              ...a.rows.filter((r) => r.kind === 'overlopende rekening').map((r) => r.source),
              a.buSource ?? '',
            ]),
          ].filter(Boolean),
          note: 'de overlopende rekening is groter dan de BU waarvan ze een deel is',
        }),
      ),
  );
}

export interface SettledYearEnd {
  article: string;
  committedCents: number;
  paidInYearCents: number;
  /** Committed for the year, paid after its year end or not yet: the 'overlopende rekening'. */
  accrualCents: number;
  priorYearsPaidCents: number;
  measures: string[];
}

/** Per article: settlement's runs of `year` committed, paid by year end, and the accrual. */
export async function settledYearEnd(
  db: Queryable,
  actor: Actor,
  filter: { year: number },
): Promise<SettledYearEnd[]> {
  const byArticle = new Map<string, SettledYearEnd>();
  for (const t of await articleYearEnd(db, actor, filter)) {
    const a = byArticle.get(t.article) ?? {
      article: t.article,
      committedCents: 0,
      paidInYearCents: 0,
      accrualCents: 0,
      priorYearsPaidCents: 0,
      measures: [],
    };
    a.committedCents += t.committedCents;
    a.paidInYearCents += t.paidInYearCents;
    a.accrualCents += t.accrualCents;
    a.priorYearsPaidCents += t.priorYearsPaidCents;
    a.measures.push(t.measure);
    byArticle.set(t.article, a);
  }
  return [...byArticle.values()];
}
