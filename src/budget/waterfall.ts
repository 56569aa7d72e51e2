/** Waterfall of one article: BA, each printed movement, BA-JR, BU (euro cents, movements may carry cents). */
import { stagesOf } from './core.ts';
import type { BudgetData } from './data.ts';

export interface WaterfallStep {
  label: string;
  kind: 'stage' | 'movement';
  amountCents: number;
  source: string;
}

export function waterfall(
  data: BudgetData,
  year: number,
  article: string,
  credit: 'VAK' | 'VEK',
): WaterfallStep[] {
  const s = stagesOf(year);
  const row = (stage: string) =>
    data.bbt.find((r) => r.year === year && r.code === article && r.credit === credit && r.stage === stage);
  const ba = row(s.ba);
  const jr = row(s.baJr);
  const bu = row(s.bu);
  if (!ba || !jr || !bu) return [];
  const moves = data.movements.filter(
    (m) => m.year === year && m.article === article && (m.credit === credit || m.credit === 'VAK/VEK'),
  );
  return [
    { label: s.ba, kind: 'stage', amountCents: ba.amountEuro * 100, source: ba.source },
    ...moves.map((m) => ({
      label: m.kind,
      kind: 'movement' as const,
      amountCents: m.amountCents,
      source: m.source,
    })),
    { label: s.baJr, kind: 'stage', amountCents: jr.amountEuro * 100, source: jr.source },
    { label: s.bu, kind: 'stage', amountCents: bu.amountEuro * 100, source: bu.source },
  ];
}

/** CSV with `;` and nl-BE decimals, as the other downloads of Trede. */
export { toCsv } from '../domain/index.ts';
