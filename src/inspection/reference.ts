/**
 * The VSI's consolidated table 2021-2022 per domain (seeds/001_4a57afe77d69f3a4.txt:L9839-9919)
 * and the anti-discrimination figures, loaded from ./data with the seed line of every row. The
 * check recomputes the TOTAAL row from the domains and every printed trend from its two years,
 * and reports each figure that does not follow; nothing is corrected. Blank cells stay `null`
 * (no figure printed), never 0.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { readYamlData } from '../db/index.ts';
import { growth } from '../domain/index.ts';

export const VSI_SOURCE = 'seeds/001_4a57afe77d69f3a4.txt:L9839-9919';
export const VSI_YEARS = [2021, 2022] as const;
export const VSI_METRICS = ['dossiers', 'pj', 'recoveries'] as const;
export type VsiMetric = (typeof VSI_METRICS)[number];

const num = z
  .string()
  .transform((s) => (s.trim() === '' ? null : Number(s)))
  .refine((v) => v === null || Number.isFinite(v), 'geen getal');

const rowSchema = z.object({
  source: z.string().regex(/^seeds\/\d{3}_[0-9a-f]+\.txt:L\d+(-\d+)?$/),
  domain: z.string().min(1),
  dossiers_2021: num,
  dossiers_2022: num,
  dossiers_trend: num,
  pj_2021: num,
  pj_2022: num,
  pj_trend: num,
  recoveries_2021_eur: num,
  recoveries_2022_eur: num,
  recoveries_trend: num,
});

export interface VsiCell {
  y2021: number | null;
  y2022: number | null;
  /** Printed trend in whole percent; null when none is printed. */
  trend: number | null;
}
export interface VsiRow {
  domain: string;
  source: string;
  total: boolean;
  dossiers: VsiCell;
  pj: VsiCell;
  /** Proposed recoveries in whole euro, as printed. */
  recoveries: VsiCell;
}

function loadVsi(): VsiRow[] {
  const text = readFileSync(new URL('./data/vsi-2021-2022.csv', import.meta.url), 'utf8');
  const records = parse(text, { columns: true, skip_empty_lines: true }) as unknown[];
  return records.map((r, i) => {
    const p = rowSchema.safeParse(r);
    if (!p.success) throw new Error(`vsi-2021-2022.csv regel ${i + 2}: ${p.error.issues[0]?.message}`);
    const d = p.data;
    return {
      domain: d.domain,
      source: d.source,
      total: d.domain === 'TOTAAL',
      dossiers: { y2021: d.dossiers_2021, y2022: d.dossiers_2022, trend: d.dossiers_trend },
      pj: { y2021: d.pj_2021, y2022: d.pj_2022, trend: d.pj_trend },
      recoveries: { y2021: d.recoveries_2021_eur, y2022: d.recoveries_2022_eur, trend: d.recoveries_trend },
    };
  });
}

export const VSI_TABLE: readonly VsiRow[] = loadVsi();

export interface VsiFinding {
  kind: 'total' | 'trend';
  domain: string;
  metric: VsiMetric;
  period: string;
  published: number;
  computed: number | null;
  message: string;
  source: string;
}

export interface VsiCheck {
  source: string;
  checked: { totals: number; trends: number };
  /** Σ of the domain rows per metric and year (what the TOTAAL row should say). */
  computedTotals: Record<VsiMetric, { y2021: number; y2022: number }>;
  findings: VsiFinding[];
}

/** Recomputes the TOTAAL row and every printed trend (rounded half away from zero to whole %). */
export function checkVsiTable(rows: readonly VsiRow[] = VSI_TABLE): VsiCheck {
  const total = rows.find((r) => r.total);
  const domains = rows.filter((r) => !r.total);
  const findings: VsiFinding[] = [];
  const checked = { totals: 0, trends: 0 };
  const computedTotals = {} as VsiCheck['computedTotals'];
  for (const metric of VSI_METRICS) {
    const sum = (y: 'y2021' | 'y2022') => domains.reduce((s, r) => s + (r[metric][y] ?? 0), 0);
    computedTotals[metric] = { y2021: sum('y2021'), y2022: sum('y2022') };
    for (const y of ['y2021', 'y2022'] as const) {
      const published = total?.[metric][y];
      if (published == null) continue;
      checked.totals++;
      const computed = computedTotals[metric][y];
      if (computed !== published)
        findings.push({
          kind: 'total',
          domain: 'TOTAAL',
          metric,
          period: y.slice(1),
          published,
          computed,
          message: `TOTAAL ${metric} ${y.slice(1)}: gedrukt ${published}, som van de domeinen ${computed}`,
          source: total!.source,
        });
    }
    for (const r of rows) {
      const c = r[metric];
      if (c.trend === null) continue;
      checked.trends++;
      // A blank cell beside a printed trend reads as 0 (Meerwaardeneconomie 5 → blank: −100%, L9886).
      const computed = growth(c.y2021 ?? 0, c.y2022 ?? 0, 0);
      if (computed !== c.trend)
        findings.push({
          kind: 'trend',
          domain: r.domain,
          metric,
          period: '2021-2022',
          published: c.trend,
          computed,
          message: `${r.domain} ${metric}: trend gedrukt ${c.trend}%, berekend ${computed ?? 'n.v.t.'}%`,
          source: r.source,
        });
    }
  }
  return { source: VSI_SOURCE, checked, computedTotals, findings };
}

// ---- anti-discrimination ----------------------------------------------------------------------

const adSchema = z.object({
  figures: z.array(
    z.object({
      id: z.string(),
      metric: z.string(),
      year: z.number().int(),
      value: z.number(),
      source: z.string(),
    }),
  ),
  not_available: z.array(
    z.object({
      metric: z.string(),
      year: z.number().int(),
      trend: z.number().optional(),
      source: z.string(),
    }),
  ),
  published_growth: z.array(
    z.object({ metric: z.string(), from: z.number(), to: z.number(), value: z.number(), source: z.string() }),
  ),
  fine_lead_time: z.object({
    norm_months: z.number().int(),
    norm_share: z.number(),
    source: z.string(),
    realised: z.array(z.object({ year: z.number().int(), share: z.number(), source: z.string() })),
  }),
});
export type AntiDiscrimination = z.infer<typeof adSchema>;

export const ANTI_DISCRIMINATION: AntiDiscrimination = adSchema.parse(
  readYamlData(new URL('./data/anti-discriminatie.yaml', import.meta.url)),
);

export interface AdFinding {
  metric: string;
  year: number;
  values: { value: number; source: string }[];
  message: string;
}

/**
 * Sources that give different values for the same metric and year, and printed growth rates that
 * do not follow from the figures of their own source.
 */
export function checkAntiDiscrimination(data: AntiDiscrimination = ANTI_DISCRIMINATION): AdFinding[] {
  const out: AdFinding[] = [];
  const groups = new Map<string, { value: number; source: string }[]>();
  for (const f of data.figures) {
    const k = `${f.metric}|${f.year}`;
    groups.set(k, [...(groups.get(k) ?? []), { value: f.value, source: f.source }]);
  }
  for (const [k, values] of groups) {
    if (new Set(values.map((v) => v.value)).size < 2) continue;
    const [metric, year] = k.split('|') as [string, string];
    out.push({
      metric,
      year: Number(year),
      values,
      message: `${metric} ${year}: ${values.map((v) => `${v.value} (${v.source})`).join(' vs ')}`,
    });
  }
  // The BBT's 13 warnings + 3 with a term must equal the 16 "waarschuwingen/PV's" of the annex.
  const w = data.figures.filter((f) => f.year === 2021 && f.metric.startsWith('waarschuwingen'));
  const parts = w.filter((f) => f.metric !== 'waarschuwingen-totaal');
  const whole = w.find((f) => f.metric === 'waarschuwingen-totaal');
  const sum = parts.reduce((s, f) => s + f.value, 0);
  if (whole && sum !== whole.value)
    out.push({
      metric: 'waarschuwingen-totaal',
      year: 2021,
      values: [...parts, whole].map((f) => ({ value: f.value, source: f.source })),
      message: `waarschuwingen 2021: ${sum} als som, ${whole.value} gedrukt`,
    });
  for (const g of data.published_growth) {
    // The figures printed in the same place as the growth rate; compared at the printed precision.
    const from = data.figures.find(
      (f) => f.metric === g.metric && f.year === g.from && f.source === g.source,
    );
    const to = data.figures.find((f) => f.metric === g.metric && f.year === g.to && f.source === g.source);
    if (!from || !to) continue;
    const decimals = Number.isInteger(g.value) ? 0 : 1;
    const computed = growth(from.value, to.value, decimals);
    if (computed !== g.value)
      out.push({
        metric: g.metric,
        year: g.to,
        values: [
          { value: g.value, source: g.source },
          { value: computed ?? Number.NaN, source: 'berekend' },
        ],
        message: `groei ${g.metric} ${g.from}-${g.to}: gedrukt ${g.value}%, berekend ${computed}% (${g.source})`,
      });
  }
  return out;
}
