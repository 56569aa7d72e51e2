/**
 * `budget check`: every printed total that differs from the sum of its parts and every
 * BA + movements ≠ BA-JR, each with the printed and computed value and the seed lines of both.
 * Nothing is corrected: the printed figure stays in the data, the finding says where it fails.
 */
import { z } from 'zod';
import { accrualFindings } from './accruals.ts';
import { claimFindings } from './claims.ts';
import { computeTotals, ISE_PROGRAMME, iseRowOf, stagesOf } from './core.ts';
import type { BbtRow, BudgetData, Stage } from './data.ts';

export const findingSchema = z.object({
  kind: z.enum([
    'programme-total',
    'domain-total',
    'ise-row',
    'ise-total',
    'programme-vs-ise',
    'movements',
    'text-claim',
    'accrual',
  ]),
  where: z.string(),
  printed: z.number(),
  computed: z.number(),
  /** printed − computed, in the unit. */
  difference: z.number(),
  /** aantal: a count printed in the text (claim B4). */
  unit: z.enum(['euro', 'percent', 'aantal']),
  sources: z.array(z.string()),
  note: z.string().optional(),
});
export type Finding = z.infer<typeof findingSchema>;

/** Receipt tables of 2021 print the realisation as 'Uitvoering' (000:L2075-2077): the programme's BU. */
function normStage(stage: Stage): Stage {
  return stage === 'Uitvoering' ? 'BU' : stage;
}

function finding(
  kind: Finding['kind'],
  where: string,
  printed: BbtRow,
  computed: number,
  sources: string[],
): Finding | null {
  if (printed.amountEuro === computed) return null;
  return {
    kind,
    where,
    printed: printed.amountEuro,
    computed,
    difference: (printed.amountEuro * 100 - Math.round(computed * 100)) / 100,
    unit: 'euro',
    sources: [printed.source, ...sources.filter((s) => s !== printed.source)],
  };
}

function sumRows(rows: BbtRow[]): { total: number; sources: string[] } {
  return {
    total: rows.reduce((s, r) => s + r.amountEuro, 0),
    sources: [...new Set(rows.map((r) => r.source))],
  };
}

export function checkYear(data: BudgetData, year: number): Finding[] {
  const rows = data.bbt.filter((r) => r.year === year);
  const articles = rows.filter((r) => r.kind === 'article' || r.kind === 'receipt');
  const out: (Finding | null)[] = [];
  const totals = computeTotals(data, year);
  const totalOf = (level: string, code: string, credit: string, stage: Stage) =>
    totals.filter(
      (t) =>
        t.level === level &&
        t.code === code &&
        t.credit === credit &&
        normStage(t.stage) === normStage(stage),
    );

  // Programme and domain rows against the articles.
  for (const p of rows.filter((r) => r.kind === 'programme')) {
    const level = p.code === 'TOTAAL' ? 'domein' : 'programma';
    const found = totalOf(level, p.code, p.credit, p.stage);
    if (found.length === 0) continue; // no article rows for this credit/stage (e.g. receipts BA-JR)
    const computed = found.reduce((s, t) => s + t.amountEuro, 0);
    out.push(
      finding(
        level === 'domein' ? 'domain-total' : 'programme-total',
        `${year} ${p.code} ${p.credit} ${p.stage} (Σ artikels)`,
        p,
        computed,
        found.flatMap((t) => t.sources),
      ),
    );
  }

  const iseRows = rows.filter((r) => r.kind === 'ise');
  for (const t of iseRows) {
    if (t.row_or_parent === 'Totaal') {
      // Totaal = ESR + IS + Overige (the three printed rows), and = Σ the ISE's articles.
      const parts = iseRows.filter(
        (r) =>
          r.code === t.code && r.credit === t.credit && r.stage === t.stage && r.row_or_parent !== 'Totaal',
      );
      const s = sumRows(parts);
      out.push(
        finding(
          'ise-total',
          `${year} ${t.code} Totaal ${t.credit} ${t.stage} (Σ rijen)`,
          t,
          s.total,
          s.sources,
        ),
      );
      const arts = sumRows(
        articles.filter((a) => a.row_or_parent === t.code && a.credit === t.credit && a.stage === t.stage),
      );
      out.push(
        finding(
          'ise-total',
          `${year} ${t.code} Totaal ${t.credit} ${t.stage} (Σ artikels)`,
          t,
          arts.total,
          arts.sources,
        ),
      );
    } else {
      const arts = sumRows(
        articles.filter(
          (a) =>
            a.row_or_parent === t.code &&
            a.credit === t.credit &&
            a.stage === t.stage &&
            iseRowOf(a.code) === t.row_or_parent,
        ),
      );
      out.push(
        finding(
          'ise-row',
          `${year} ${t.code} ${t.row_or_parent} ${t.credit} ${t.stage} (Σ artikels)`,
          t,
          arts.total,
          arts.sources,
        ),
      );
    }
  }

  // Programme VAK/VEK against the printed ISE Totaal rows (the way the document adds up).
  for (const p of rows.filter((r) => r.kind === 'programme' && (r.credit === 'VAK' || r.credit === 'VEK'))) {
    const ises = Object.entries(ISE_PROGRAMME)
      .filter(([, prog]) => prog === p.code)
      .map(([ise]) => ise);
    const parts = iseRows.filter(
      (r) =>
        ises.includes(r.code) && r.row_or_parent === 'Totaal' && r.credit === p.credit && r.stage === p.stage,
    );
    if (parts.length === 0) continue;
    const s = sumRows(parts);
    out.push(
      finding(
        'programme-vs-ise',
        `${year} ${p.code} ${p.credit} ${p.stage} (Σ ISE-Totaal)`,
        p,
        s.total,
        s.sources,
      ),
    );
  }

  // BA + Σ movements = BA-JR per article and credit, for every article with printed movements.
  const { ba, baJr } = stagesOf(year);
  const moves = data.movements.filter((m) => m.year === year);
  for (const article of new Set(moves.map((m) => m.article))) {
    for (const credit of ['VAK', 'VEK'] as const) {
      // The code-5 ORAFIN loading (VAK loaded = VEK, 000:L3002-3006) is no movement: left out, the
      // finding shows the 307 keuro it accounts for (note T5).
      const mine = moves.filter(
        (m) =>
          m.article === article &&
          (m.credit === credit || m.credit === 'VAK/VEK') &&
          !m.kind.startsWith('ORAFIN'),
      );
      const baRow = articles.find((a) => a.code === article && a.credit === credit && a.stage === ba);
      const jrRow = articles.find((a) => a.code === article && a.credit === credit && a.stage === baJr);
      if (!baRow || !jrRow || mine.length === 0) continue;
      // Summed in cents: two VIA items are printed in euro with cents.
      const computed = (baRow.amountEuro * 100 + mine.reduce((s, m) => s + m.amountCents, 0)) / 100;
      out.push(
        finding('movements', `${year} ${article} ${credit} BA-JR = BA + bewegingen`, jrRow, computed, [
          baRow.source,
          ...mine.map((m) => m.source),
        ]),
      );
    }
  }
  return out.filter((f): f is Finding => f !== null);
}

/** All findings of both budget years, of the accruals and of the text claims. */
export function check(data: BudgetData): Finding[] {
  const years = [...new Set(data.bbt.map((r) => r.year))].sort();
  return [...years.flatMap((y) => checkYear(data, y)), ...accrualFindings(data), ...claimFindings()];
}
