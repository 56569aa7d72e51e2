/**
 * Recoveries on the receipts article. A recovery that settlement offsets in a run is a negative line
 * on the measure's expenditure article (it lowers what was paid); one that becomes a claim
 * (vordering) is a receipt, on the receipts article that data/receipts.yaml gives the measure for
 * the year it was registered (Brussels calendar day). Open recoveries wait for the next run.
 */
import { z } from 'zod';
import type { Actor } from '../access/index.ts';
import { type Queryable, readYamlData } from '../db/index.ts';
import { brusselsDay, money } from '../domain/index.ts';
import { listRecoveries } from '../settlement/index.ts';

const mappingSchema = z.array(
  z.object({
    article: z.string(),
    from_year: z.number().int(),
    measures: z.array(z.string()),
    source: z.string().regex(/^seeds\/\S+:L\d+(-\d+)?$/),
  }),
);
let cache: z.infer<typeof mappingSchema> | undefined;
const mapping = () =>
  (cache ??= mappingSchema.parse(readYamlData(new URL('./data/receipts.yaml', import.meta.url))));

/** The receipts article of a measure in a year: the latest mapping from that year or before. */
export function receiptsArticle(measure: string, year: number): { article: string; source: string } | null {
  const hit = mapping()
    .filter((m) => m.from_year <= year && m.measures.includes(measure))
    .sort((a, b) => b.from_year - a.from_year)[0];
  return hit ? { article: hit.article, source: hit.source } : null;
}

export const receiptRowSchema = z
  .object({
    measure: z.string(),
    article: z
      .string()
      .nullable()
      .meta({ description: 'ontvangstenartikel; null als de bronnen er geen geven' }),
    claimed: z.number().meta({ description: 'vorderingen (ontvangst), euro' }),
    offset: z
      .number()
      .meta({ description: 'verrekend in een afrekening (negatieve lijn op het uitgavenartikel), euro' }),
    open: z.number().meta({ description: 'wacht op de volgende afrekening, euro' }),
    source: z.string().nullable(),
  })
  .meta({ id: 'BudgetReceiptRow' });
export type ReceiptRow = z.infer<typeof receiptRowSchema>;

export async function recoveryReceipts(db: Queryable, actor: Actor, year: number): Promise<ReceiptRow[]> {
  const rows = new Map<string, { claimed: number; offset: number; open: number }>();
  for (const r of await listRecoveries(db, actor)) {
    if (Number(brusselsDay(new Date(r.registeredAt)).slice(0, 4)) !== year) continue;
    const t = rows.get(r.measure) ?? { claimed: 0, offset: 0, open: 0 };
    const cents = Math.round(r.amount * 100);
    if (r.status === 'vordering') t.claimed += cents;
    else if (r.status === 'verrekend') t.offset += cents;
    else t.open += cents;
    rows.set(r.measure, t);
  }
  return [...rows]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([measure, t]) => {
      const art = receiptsArticle(measure, year);
      const euros = (c: number) => money.toEuros(money.cents(c));
      return {
        measure,
        article: art?.article ?? null,
        claimed: euros(t.claimed),
        offset: euros(t.offset),
        open: euros(t.open),
        source: art?.source ?? null,
      };
    });
}
