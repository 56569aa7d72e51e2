/**
 * Time series 2014-2019 per measure, subtotal and rung, West-Vlaanderen against Flanders: every
 * value computed from the leaves (subtotals) or taken from the leaf, with the WVL share in Flanders
 * and growth rates computed at output (half away from zero, one decimal).
 */
import { growth, percent } from '../domain/index.ts';
import { type Ladder, referenceLadder } from './ladder.ts';
import { REFERENCE_REGIONS, type ReferenceRegion, TABEL_39 } from './reference.ts';

export interface SeriesRow {
  id: string;
  label: string;
  code: string;
  kind: 'measure' | 'aggregate';
  rung: number | null;
  depth: number;
  source: string;
  years: number[];
  values: Record<ReferenceRegion, (number | null)[]>;
  exact: Record<ReferenceRegion, (number | null)[]>;
  /** Share of West-Vlaanderen in Flanders, in %, one decimal. */
  share: (number | null)[];
  growth: { period: string; region: ReferenceRegion; value: number | null }[];
}

let cache: Promise<Map<string, Ladder>> | undefined;

async function ladders(): Promise<Map<string, Ladder>> {
  cache ??= (async () => {
    const out = new Map<string, Ladder>();
    for (const r of REFERENCE_REGIONS)
      for (const y of TABEL_39.years) out.set(`${r}:${y}`, await referenceLadder(y, r));
    return out;
  })();
  return cache;
}

function depthOf(id: string): number {
  let d = 0;
  let cur = TABEL_39.rows.find((r) => r.id === id)?.parent ?? null;
  while (cur && cur !== 'totaal') {
    d++;
    cur = TABEL_39.rows.find((r) => r.id === cur)?.parent ?? null;
  }
  return d;
}

/** Tabel 39 recomputed: every row, both regions, all years. */
export async function computedTable(): Promise<SeriesRow[]> {
  const all = await ladders();
  const years = [...TABEL_39.years];
  return TABEL_39.rows.map((row) => {
    const pick = (region: ReferenceRegion, exact: boolean) =>
      years.map((y) => {
        const l = all.get(`${region}:${y}`) as Ladder;
        if (row.kind === 'aggregate') {
          const s = l.subtotals.find((x) => x.id === row.id);
          return (exact ? s?.exact : s?.value) ?? null;
        }
        const m = l.measures.find((x) => x.measure === row.id);
        return m?.value ?? null;
      });
    const values = {
      'west-vlaanderen': pick('west-vlaanderen', false),
      vlaanderen: pick('vlaanderen', false),
    };
    const exact = { 'west-vlaanderen': pick('west-vlaanderen', true), vlaanderen: pick('vlaanderen', true) };
    const share = years.map((_, i) => {
      const w = exact['west-vlaanderen'][i] ?? null;
      const v = exact.vlaanderen[i] ?? null;
      return w === null || v === null ? null : percent(w, v);
    });
    const g: SeriesRow['growth'] = [];
    for (const [a, b] of [
      [0, years.length - 1],
      [years.length - 2, years.length - 1],
    ] as const)
      for (const region of REFERENCE_REGIONS)
        g.push({
          period: `${years[a]}-${years[b]}`,
          region,
          value: growth(exact[region][a] ?? null, exact[region][b] ?? null),
        });
    return {
      id: row.id,
      label: row.label,
      code: row.code,
      kind: row.kind,
      rung: row.rung,
      depth: depthOf(row.id),
      source: row.source,
      years,
      values,
      exact,
      share,
      growth: g,
    };
  });
}
