/**
 * Jobseekers (nwwz) by target group 2014-2019 and labour-market context indicators, each with its
 * source, age band and date; growth and shares recomputed and checked against the published ones.
 */
import { z } from 'zod';
import { type Actor, assertCan } from '../access/index.ts';
import { readYamlData } from '../db/index.ts';
import { growth, percent } from '../domain/index.ts';
import { referenceLadder } from './ladder.ts';
import { growthPeriods, REFERENCE_REGIONS } from './reference.ts';

const load = <T>(file: string, schema: z.ZodType<T>): T =>
  schema.parse(readYamlData(new URL(`./data/${file}`, import.meta.url)));

const nwwzSchema = z.object({
  table: z.string(),
  title: z.string(),
  source: z.string(),
  source_organisation: z.string(),
  definitions: z.record(z.string(), z.object({ text: z.string(), source: z.string() })),
  years: z.array(z.number().int()),
  rows: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      source: z.string(),
      main_table_source: z.string(),
      'west-vlaanderen': z.array(z.number()),
      vlaanderen: z.array(z.number()),
      published_growth: z.record(z.enum(REFERENCE_REGIONS), z.record(z.string(), z.number())),
      published_share: z.record(z.string(), z.number()),
    }),
  ),
});

const contextSchema = z.object({
  indicators: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      region: z.string(),
      value: z.number(),
      unit: z.string(),
      age: z.string(),
      date: z.string(),
      origin: z.string(),
      source: z.string(),
    }),
  ),
  ratios: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      numerator: z.object({ ladder: z.string(), region: z.enum(REFERENCE_REGIONS), year: z.number().int() }),
      denominator: z.object({ indicator: z.string(), region: z.string(), date: z.string() }),
      published: z.number(),
      decimals: z.number().int(),
      note: z.string().optional(),
      source: z.string(),
    }),
  ),
});

export const NWWZ = load('nwwz.yaml', nwwzSchema);
export const CONTEXT = load('context.yaml', contextSchema);

export interface ContextFinding {
  kind: 'growth' | 'share' | 'ratio';
  row: string;
  region: string | null;
  period: string;
  published: number;
  computed: number | null;
  message: string;
  source: string;
}

export interface ContextReport {
  nwwz: {
    title: string;
    source: string;
    years: number[];
    rows: {
      id: string;
      label: string;
      values: Record<string, number[]>;
      share: (number | null)[];
      growth: { period: string; region: string; value: number | null }[];
      source: string;
    }[];
  };
  indicators: z.infer<typeof contextSchema>['indicators'];
  ratios: {
    id: string;
    label: string;
    value: number | null;
    published: number;
    note: string | null;
    source: string;
  }[];
  checked: number;
  findings: ContextFinding[];
}

export async function contextReport(): Promise<ContextReport> {
  const years = NWWZ.years;
  const findings: ContextFinding[] = [];
  let checked = 0;
  const rows = NWWZ.rows.map((r) => {
    const share = years.map((_, i) => percent(r['west-vlaanderen'][i] as number, r.vlaanderen[i] as number));
    const g: { period: string; region: string; value: number | null }[] = [];
    for (const region of REFERENCE_REGIONS)
      for (const [a, b] of growthPeriods(years)) {
        const value = growth(r[region][years.indexOf(a)] ?? null, r[region][years.indexOf(b)] ?? null);
        g.push({ period: `${a}-${b}`, region, value });
        const pub = r.published_growth[region]?.[`${a}-${b}`];
        if (pub === undefined) continue;
        checked++;
        if (pub !== value)
          findings.push({
            kind: 'growth',
            row: r.id,
            region,
            period: `${a}-${b}`,
            published: pub,
            computed: value,
            message: `Evolutie gepubliceerd ${pub} %, berekend ${value} %.`,
            source: r.source,
          });
      }
    for (const [y, pub] of Object.entries(r.published_share)) {
      checked++;
      const c = share[years.indexOf(Number(y))] ?? null;
      if (c !== pub)
        findings.push({
          kind: 'share',
          row: r.id,
          region: null,
          period: y,
          published: pub,
          computed: c,
          message: `Aandeel gepubliceerd ${pub} %, berekend ${c} %.`,
          source: r.source,
        });
    }
    return {
      id: r.id,
      label: r.label,
      values: { 'west-vlaanderen': r['west-vlaanderen'], vlaanderen: r.vlaanderen },
      share,
      growth: g,
      source: r.source,
    };
  });
  const ratios = [];
  for (const q of CONTEXT.ratios) {
    const l = await referenceLadder(q.numerator.year, q.numerator.region);
    const num =
      q.numerator.ladder === 'totaal'
        ? l.totalExact
        : (l.subtotals.find((s) => s.id === q.numerator.ladder)?.exact ?? null);
    const den = CONTEXT.indicators.find(
      (i) =>
        i.id === q.denominator.indicator &&
        i.region === q.denominator.region &&
        i.date === q.denominator.date,
    )?.value;
    const value = num === null || den === undefined ? null : percent(num, den, q.decimals);
    checked++;
    if (value !== q.published)
      findings.push({
        kind: 'ratio',
        row: q.id,
        region: q.numerator.region,
        period: String(q.numerator.year),
        published: q.published,
        computed: value,
        message: `Gepubliceerd ${q.published} %, berekend ${value} %.`,
        source: q.source,
      });
    ratios.push({
      id: q.id,
      label: q.label,
      value,
      published: q.published,
      note: q.note ?? null,
      source: q.source,
    });
  }
  return {
    nwwz: { title: NWWZ.title, source: NWWZ.source, years, rows },
    indicators: CONTEXT.indicators,
    ratios,
    checked,
    findings,
  };
}

export async function getContext(actor: Actor): Promise<ContextReport> {
  assertCan(actor, 'monitor:read');
  return contextReport();
}
