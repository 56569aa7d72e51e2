/**
 * The budget page's tables as data, once, for both downloads: CSV (`;`, nl-BE decimal comma) and
 * XLSX (numbers stay numbers, with a number format that a Dutch (Belgian) Excel shows with
 * thousands dots and a decimal comma). Amounts in euro, exact.
 */

import type { CellKind, DownloadTable } from '../domain/index.ts';
import { accrualsByArticle } from './accruals.ts';
import { check } from './check.ts';
import { execution } from './core.ts';
import { budgetData } from './data.ts';
import { showBudget } from './show.ts';
import { waterfall } from './waterfall.ts';

export type { CellKind, DownloadTable };

export const DOWNLOAD_TABLES = ['begroting', 'uitvoering', 'waterval', 'controle', 'overlopend'] as const;
export type DownloadName = (typeof DOWNLOAD_TABLES)[number];

export function downloadTable(name: DownloadName, q: { year: number; article: string }): DownloadTable {
  const data = budgetData();
  switch (name) {
    case 'begroting':
      return {
        name: `begroting-${q.year}`,
        title: `Begroting ${q.year}: programma → ISE → artikel`,
        columns: [
          { header: 'niveau', kind: 'text' },
          { header: 'code', kind: 'text' },
          { header: 'naam', kind: 'text' },
          { header: 'krediet', kind: 'text' },
          { header: 'stadium', kind: 'text' },
          { header: 'bedrag (euro)', kind: 'euro' },
          { header: 'bron', kind: 'text' },
        ],
        rows: showBudget(data, { year: q.year }).rows.map((x) => [
          x.level,
          x.code,
          x.name,
          x.credit,
          x.stage,
          x.amount,
          x.source,
        ]),
      };
    case 'uitvoering':
      return {
        name: `uitvoering-${q.year}`,
        title: `Uitvoeringsgraad ${q.year} (BU / BA-JR)`,
        columns: [
          { header: 'niveau', kind: 'text' },
          { header: 'code', kind: 'text' },
          { header: 'krediet', kind: 'text' },
          { header: 'BA-JR (euro)', kind: 'euro' },
          { header: 'BU (euro)', kind: 'euro' },
          { header: '%', kind: 'percent' },
          { header: 'onderbenutting (euro)', kind: 'euro' },
        ],
        rows: execution(data, q.year).map((x) => [
          x.level,
          x.code,
          x.credit,
          x.baJrEuro,
          x.buEuro,
          x.ratePercent,
          x.underuseEuro,
        ]),
      };
    case 'waterval':
      return {
        name: `waterval-${q.year}-${q.article}`,
        title: `Waterval ${q.article} ${q.year} (VAK): BA → bewegingen → BA-JR → BU`,
        columns: [
          { header: 'stap', kind: 'text' },
          { header: 'soort', kind: 'text' },
          { header: 'bedrag (euro)', kind: 'euro-cents' },
          { header: 'bron', kind: 'text' },
        ],
        rows: waterfall(data, q.year, q.article, 'VAK').map((s) => [
          s.label,
          s.kind === 'stage' ? 'stadium' : 'beweging',
          s.amountCents / 100,
          s.source,
        ]),
      };
    case 'overlopend':
      return {
        name: `overlopend-${q.year}`,
        title: `Overlopende rekening en afrekeningen vorig jaar in de BU ${q.year}`,
        columns: [
          { header: 'artikel', kind: 'text' },
          { header: 'krediet', kind: 'text' },
          { header: 'soort', kind: 'text' },
          { header: 'onderdeel', kind: 'text' },
          { header: 'bedrag (euro)', kind: 'euro' },
          { header: 'opmerking', kind: 'text' },
          { header: 'bron', kind: 'text' },
        ],
        rows: accrualsByArticle(data, q.year).flatMap((a) =>
          a.rows.map((r) => [a.article, a.credit, r.kind, r.component, r.amountEuro, r.note, r.source]),
        ),
      };
    case 'controle':
      return {
        name: 'controle',
        title: 'Controle: gedrukte totalen en tekstcijfers die niet kloppen',
        columns: [
          { header: 'soort', kind: 'text' },
          { header: 'waar', kind: 'text' },
          { header: 'gedrukt', kind: 'number' },
          { header: 'berekend', kind: 'number' },
          { header: 'verschil', kind: 'number' },
          { header: 'eenheid', kind: 'text' },
          { header: 'bronnen', kind: 'text' },
        ],
        rows: check(data).map((x) => [
          x.kind,
          x.where,
          x.printed,
          x.computed,
          x.difference,
          x.unit,
          x.sources.join(' '),
        ]),
      };
  }
}
