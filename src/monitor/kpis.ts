/**
 * KPI tiles: the ISE indicators of seeds/003 Bijlage XI (computed from their parts where the seed
 * gives them) and the department's lead-time norms with the legend's colours (seeds/001).
 */
import { z } from 'zod';
import { type Actor, assertCan } from '../access/index.ts';
import { readYamlData } from '../db/index.ts';
import { percent } from '../domain/index.ts';

const num = z.union([z.number(), z.enum(['nvt', 'nb'])]);
const schema = z.object({
  kpis: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      unit: z.literal('percent'),
      year: z.number().int(),
      value: z.number().optional(),
      numerator: z.object({ value: z.number(), label: z.string() }).optional(),
      denominator: z.object({ value: z.number(), label: z.string() }).optional(),
      published: z.number().optional(),
      source: z.string(),
      previous: z.object({ year: z.number().int(), value: z.number(), source: z.string() }).optional(),
      norm: z.object({
        kind: z.enum(['increase', 'stabilise', 'approach-100', 'none']),
        text: z.string(),
        source: z.string(),
      }),
      definition: z.string().optional(),
      definition_source: z.string().optional(),
      inconsistency: z.string().optional(),
    }),
  ),
  legend: z.object({
    source: z.string(),
    colours: z.array(z.object({ id: z.string(), text: z.string(), hex: z.string() })),
    threshold_below: z.number(),
  }),
  not_modelled: z.array(z.object({ rule: z.string(), source: z.string() })),
  norms_title: z.string(),
  norms_source: z.string(),
  norms: z.array(
    z.object({
      process: z.string(),
      norm: z.string(),
      target: z.number(),
      '2021': num,
      '2022': num,
      source: z.string(),
    }),
  ),
});

export const KPI_DATA = schema.parse(readYamlData(new URL('./data/kpis.yaml', import.meta.url)));

export type Colour =
  | 'donkergroen'
  | 'lichtgroen'
  | 'lichtoranje'
  | 'donkeroranje'
  | 'groen'
  | 'oranje'
  | 'grijs';

const pct = (v: number | null) =>
  v === null ? '–' : `${v.toLocaleString('nl-BE', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`;

/** The legend of seeds/001: above target, on target, less / more than 10 (pp) below target. */
export function normColour(value: number | 'nvt' | 'nb', target: number): Colour {
  if (typeof value !== 'number') return 'grijs';
  if (value > target) return 'donkergroen';
  if (value === target) return 'lichtgroen';
  return target - value <= KPI_DATA.legend.threshold_below ? 'lichtoranje' : 'donkeroranje';
}

export interface KpiTile {
  id: string;
  label: string;
  year: number;
  value: number | null;
  display: string;
  published: number | null;
  computedFrom: string | null;
  previous: { year: number; value: number } | null;
  norm: string;
  colour: Colour;
  source: string;
  note: string | null;
}

/** The two years of the lead-time boordtabel (seeds/001), the keys of its columns in kpis.yaml. */
export const NORM_YEARS = [2021, 2022] as const;

export interface KpiReport {
  kpis: KpiTile[];
  norms: {
    /** The years of the columns `y2021` and `y2022`. */
    years: typeof NORM_YEARS;
    title: string;
    source: string;
    legend: typeof KPI_DATA.legend;
    rows: {
      process: string;
      norm: string;
      target: number;
      y2021: number | string;
      y2022: number | string;
      colour2021: Colour;
      colour2022: Colour;
      source: string;
    }[];
  };
  notModelled: typeof KPI_DATA.not_modelled;
}

export function kpiReport(): KpiReport {
  const kpis = KPI_DATA.kpis.map((k): KpiTile => {
    const value =
      k.numerator && k.denominator ? percent(k.numerator.value, k.denominator.value) : (k.value ?? null);
    let colour: Colour = 'grijs';
    if (value !== null && k.previous) {
      if (k.norm.kind === 'increase') colour = value > k.previous.value ? 'groen' : 'oranje';
      if (k.norm.kind === 'stabilise') colour = value >= k.previous.value ? 'groen' : 'oranje';
    }
    return {
      id: k.id,
      label: k.label,
      year: k.year,
      value,
      display: pct(value),
      published: k.published ?? k.value ?? null,
      computedFrom:
        k.numerator && k.denominator
          ? `${k.numerator.value.toLocaleString('nl-BE')} ${k.numerator.label} / ${k.denominator.value.toLocaleString('nl-BE')} ${k.denominator.label}`
          : null,
      previous: k.previous ? { year: k.previous.year, value: k.previous.value } : null,
      norm: k.norm.text,
      colour,
      source: k.source,
      note: k.inconsistency ?? null,
    };
  });
  return {
    kpis,
    norms: {
      years: NORM_YEARS,
      title: KPI_DATA.norms_title,
      source: KPI_DATA.norms_source,
      legend: KPI_DATA.legend,
      rows: KPI_DATA.norms.map((n) => ({
        process: n.process,
        norm: n.norm,
        target: n.target,
        y2021: n['2021'],
        y2022: n['2022'],
        colour2021: normColour(n['2021'], n.target),
        colour2022: normColour(n['2022'], n.target),
        source: n.source,
      })),
    },
    notModelled: KPI_DATA.not_modelled,
  };
}

export async function getKpis(actor: Actor): Promise<KpiReport> {
  assertCan(actor, 'monitor:read');
  return kpiReport();
}
