/**
 * The consistency check: recomputes every published subtotal, share and growth rate of Tabel 39
 * (and the figures the text states about it) and reports each published figure that does not follow
 * from its parts, with its seed lines. Nothing is corrected: the findings are the output.
 */
import { z } from 'zod';
import { readYamlData } from '../db/index.ts';
import { growth, percent, roundHalfAway } from '../domain/index.ts';
import { type ContextFinding, contextReport } from './context.ts';
import { type Ladder, monitorMeasures, referenceLadder } from './ladder.ts';
import {
  ARBEIDSZORG,
  REFERENCE_REGIONS,
  type ReferenceRegion,
  TABEL_39,
  type TableRow,
} from './reference.ts';
import { checkRegions, type RegionalFinding, TABEL_40 } from './regions.ts';
import { type Nature, type SeedFinding, seedFindings } from './seed-findings.ts';

export type FindingKind = 'subtotal' | 'sum-of-rungs' | 'share' | 'growth' | 'text' | 'derivation';

export interface Finding {
  kind: FindingKind;
  /** What the difference is: a rounding, a calculation error, another definition or a contradiction. */
  nature: Nature;
  row: string;
  label: string;
  region: ReferenceRegion | null;
  /** A year (2018) or a period (2018-2019). */
  period: string;
  published: number;
  computed: number | null;
  /** The unrounded computed value (e.g. 45,424.6). */
  exact: number | null;
  message: string;
  source: string;
}

export interface CheckReport {
  table: string;
  source: string;
  checked: { subtotals: number; shares: number; growth: number; text: number; derivations: number };
  findings: Finding[];
  /** Tabel 40 (its year by region): subtotals per region and the regions' sums against West-Vlaanderen. */
  regions: {
    table: string;
    year: number;
    checked: number;
    findings: (RegionalFinding & { nature: Nature })[];
  };
  /** Jobseekers (annex Tabel 2 / Table 1) and the ratios to wage earners. */
  context: { checked: number; findings: (ContextFinding & { nature: Nature })[] };
  /** Sums and contradictions outside Tabel 39's arithmetic, each with its nature (seed-findings.ts). */
  seedFindings: SeedFinding[];
}

const claimSchema = z.object({
  claims: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['value', 'difference']),
      row: z.string(),
      region: z.enum(REFERENCE_REGIONS),
      year: z.number().int().optional(),
      from: z.number().int().optional(),
      to: z.number().int().optional(),
      value: z.number(),
      text: z.string(),
      source: z.string(),
      /** Set when the text uses another definition of the figure: what it counts (not an error). */
      definition: z.string().optional(),
    }),
  ),
});
export const TEXT_CLAIMS = claimSchema.parse(
  readYamlData(new URL('./data/text-claims.yaml', import.meta.url)),
).claims;

const nl = (n: number | null, d = 0) =>
  n === null
    ? '—'
    : n.toLocaleString('nl-BE', { minimumFractionDigits: d, maximumFractionDigits: Math.max(d, 1) });

function pub(row: TableRow, region: ReferenceRegion, year: number): number | null {
  const c = row[region][TABEL_39.years.indexOf(year)];
  return typeof c === 'number' ? c : null;
}

export async function checkReference(): Promise<CheckReport> {
  await monitorMeasures();
  const ladders = new Map<string, Ladder>();
  for (const region of REFERENCE_REGIONS)
    for (const year of TABEL_39.years) ladders.set(`${region}:${year}`, await referenceLadder(year, region));
  const findings: Omit<Finding, 'nature'>[] = [];
  const checked = { subtotals: 0, shares: 0, growth: 0, text: 0, derivations: 0 };
  const line = (row: TableRow) => row.source;

  for (const row of TABEL_39.rows) {
    for (const region of REFERENCE_REGIONS) {
      for (const year of TABEL_39.years) {
        const p = pub(row, region, year);
        const ladder = ladders.get(`${region}:${year}`) as Ladder;
        if (row.kind === 'aggregate' && p !== null) {
          checked.subtotals++;
          const s = ladder.subtotals.find((x) => x.id === row.id);
          if (s && s.value !== p)
            findings.push({
              kind: 'subtotal',
              row: row.id,
              label: row.label,
              region,
              period: String(year),
              published: p,
              computed: s.value,
              exact: s.exact,
              message: `Gepubliceerd ${nl(p)}, maar de delen geven ${nl(s.exact, 1)} (afgerond ${nl(s.value)}).`,
              source: line(row),
            });
        }
        if (row.id === 'arbeidszorg' && year < ARBEIDSZORG.derived_from && p !== null) {
          checked.derivations++;
          const reg = ARBEIDSZORG.registered[region][TABEL_39.years.indexOf(year)];
          if (typeof reg === 'number' && reg !== p)
            findings.push({
              kind: 'derivation',
              row: row.id,
              label: row.label,
              region,
              period: String(year),
              published: p,
              computed: reg,
              exact: reg,
              message: `Tabel 39 telt ${nl(p)} in arbeidszorg, Tabel 37 registreert ${nl(reg)}; de studie zegt niet hoe het verschil ontstaat (vóór AMA en AAZ).`,
              source: `${line(row)}; ${ARBEIDSZORG.registered.source}`,
            });
        }
      }
    }
    // Sum of the published rungs against the published total.
    if (row.id === 'totaal') {
      for (const region of REFERENCE_REGIONS)
        for (const year of TABEL_39.years) {
          const parts = ['trede-5', 'trede-4', 'trede-3'].map((id) =>
            pub(TABEL_39.rows.find((r) => r.id === id) as TableRow, region, year),
          );
          const total = pub(row, region, year);
          if (total === null || parts.some((x) => x === null)) continue;
          checked.subtotals++;
          const sum = (parts as number[]).reduce((a, b) => a + b, 0);
          if (sum !== total)
            findings.push({
              kind: 'sum-of-rungs',
              row: 'totaal',
              label: 'Trede 3 + trede 4 + trede 5 (gepubliceerde trede-totalen)',
              region,
              period: String(year),
              published: total,
              computed: sum,
              exact: sum,
              message: `De gepubliceerde treden (${parts.map((x) => nl(x)).join(' + ')}) tellen op tot ${nl(sum)}, niet tot het gepubliceerde totaal ${nl(total)}.`,
              source: line(row),
            });
        }
    }
    for (const [y, share] of Object.entries(row.published_share)) {
      const year = Number(y);
      checked.shares++;
      const w = pub(row, 'west-vlaanderen', year);
      const v = pub(row, 'vlaanderen', year);
      const c = w === null || v === null ? null : percent(w, v);
      if (c !== share)
        findings.push({
          kind: 'share',
          row: row.id,
          label: row.label,
          region: null,
          period: y,
          published: share,
          computed: c,
          exact: w === null || v === null ? null : roundHalfAway((w / v) * 100, 3),
          message: `Aandeel West-Vlaanderen gepubliceerd ${nl(share, 1)} %, maar ${nl(w)} / ${nl(v)} = ${nl(c, 1)} %.`,
          source: line(row),
        });
    }
    for (const g of row.published_growth) {
      checked.growth++;
      const [from, to] = g.period.split('-').map(Number) as [number, number];
      const o = pub(row, g.region, from);
      const n = pub(row, g.region, to);
      const c = growth(o, n);
      if (c !== g.value)
        findings.push({
          kind: 'growth',
          row: row.id,
          label: row.label,
          region: g.region,
          period: g.period,
          published: g.value,
          computed: c,
          exact: o === null || n === null || o === 0 ? null : roundHalfAway((n / o - 1) * 100, 3),
          message: `Evolutie gepubliceerd ${g.value > 0 ? '+' : ''}${nl(g.value, 1)} %, maar ${nl(o)} → ${nl(n)} is ${c !== null && c > 0 ? '+' : ''}${nl(c, 1)} %.`,
          source: line(row),
        });
    }
  }

  for (const claim of TEXT_CLAIMS) {
    checked.text++;
    const row = TABEL_39.rows.find((r) => r.id === claim.row) as TableRow;
    let published: number | null;
    let exact: number | null;
    let period: string;
    if (claim.kind === 'value') {
      const year = claim.year as number;
      period = String(year);
      published = pub(row, claim.region, year);
      const l = ladders.get(`${claim.region}:${year}`) as Ladder;
      const s = l.subtotals.find((x) => x.id === row.id);
      const m = l.measures.find((x) => x.measure === row.id);
      exact = s ? s.exact : m ? m.counted : null;
    } else {
      const from = claim.from as number;
      const to = claim.to as number;
      period = `${from}-${to}`;
      const a = pub(row, claim.region, from);
      const b = pub(row, claim.region, to);
      published = a === null || b === null ? null : b - a;
      const ea = (ladders.get(`${claim.region}:${from}`) as Ladder).subtotals.find(
        (x) => x.id === row.id,
      )?.exact;
      const eb = (ladders.get(`${claim.region}:${to}`) as Ladder).subtotals.find(
        (x) => x.id === row.id,
      )?.exact;
      exact = ea == null || eb == null ? null : roundHalfAway(eb - ea, 3);
    }
    const computed = exact === null ? null : roundHalfAway(exact);
    if (claim.value !== published || claim.value !== computed)
      findings.push({
        kind: 'text',
        row: row.id,
        label: row.label,
        region: claim.region,
        period,
        published: claim.value,
        computed,
        exact,
        message: claim.definition
          ? `Andere definitie, geen fout: ${claim.definition}`
          : `De tekst zegt ${nl(claim.value)} ("${claim.text}"); de tabel geeft ${nl(published)}, de berekening uit de delen ${nl(exact, 1)}.`,
        source: `${claim.source}; ${row.source}`,
      });
  }
  const regions = await checkRegions();
  const ctx = await contextReport();
  return {
    table: TABEL_39.table,
    source: TABEL_39.source,
    checked,
    findings: findings.map((f) => ({ ...f, nature: natureOf(f) })),
    regions: {
      table: 'tabel-40',
      year: TABEL_40.year,
      checked: regions.checked,
      findings: regions.findings.map((f) => ({ ...f, nature: natureOf(f) })),
    },
    context: { checked: ctx.checked, findings: ctx.findings.map((f) => ({ ...f, nature: natureOf(f) })) },
    seedFindings: seedFindings(),
  };
}

/**
 * The nature of a finding. A text that uses another definition is `definitie`; two places that give
 * different values (the text against a table, one table against another, the regions against
 * their region) are a `tegenspraak`, unless the text follows from the unrounded parts; a sum within one table is an `afronding` when rounding its
 * parts can explain it (less than one person, or 0,1 percentage point, from the exact value) and a
 * `rekenfout` otherwise.
 */
function natureOf(f: {
  kind: string;
  published: number;
  computed: number | null;
  exact?: number | null;
  message: string;
}): Nature {
  if (f.kind === 'text') {
    if (f.message.startsWith('Andere definitie')) return 'definitie';
    // The text follows from the unrounded parts, only the table's rounded figure differs.
    return f.computed === f.published ? 'afronding' : 'tegenspraak';
  }
  if (f.kind === 'derivation' || f.kind === 'regions-sum' || f.kind === 'arrondissements-region') {
    return 'tegenspraak';
  }
  const exact = f.exact ?? f.computed;
  if (exact === null) return 'rekenfout';
  const tolerance = f.kind === 'share' || f.kind === 'growth' || f.kind === 'ratio' ? 0.1 : 1;
  return Math.abs(f.published - exact) < tolerance + 1e-9 ? 'afronding' : 'rekenfout';
}
