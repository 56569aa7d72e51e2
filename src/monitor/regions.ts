/**
 * The 2019 ladder by West-Flemish region (annex Tabel 40): the same computation from the regional
 * leaves, plus the check that every region column and the regions' sum follow from their parts.
 */
import { z } from 'zod';
import { readYamlData } from '../db/index.ts';
import { regionArrondissements } from './geography.ts';
import { computeLadder, type Ladder, type LeafInput, monitorMeasures, type Rung } from './ladder.ts';
import { TABEL_39 } from './reference.ts';

const schema = z.object({
  table: z.string(),
  title: z.string(),
  source: z.string(),
  year: z.number().int(),
  regions: z.array(z.string()),
  rows: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['measure', 'aggregate']),
      source: z.string(),
      values: z.array(z.number().nullable()),
    }),
  ),
});

export const TABEL_40 = schema.parse(readYamlData(new URL('./data/tabel-40.yaml', import.meta.url)));
const arrSchema = z.object({
  year: z.number().int(),
  tables: z.array(
    z.object({
      measure: z.string(),
      table: z.string(),
      'west-vlaanderen': z.object({ value: z.number(), source: z.string() }),
      arrondissements: z.array(
        z.object({ nis: z.string(), name: z.string(), value: z.number(), source: z.string() }),
      ),
    }),
  ),
});
/** Measure tables by arrondissement, 2019 (where the extraction kept the rows intact). */
export const ARRONDISSEMENTS_2019 = arrSchema.parse(
  readYamlData(new URL('./data/arrondissementen-2019.yaml', import.meta.url)),
);

export const TABEL_40_REGIONS = TABEL_40.regions.filter((r) => r !== 'west-vlaanderen');

function col(region: string): number {
  const i = TABEL_40.regions.indexOf(region);
  if (i < 0) throw new Error(`regio ${region} niet in ${TABEL_40.table}`);
  return i;
}

export async function regionalLadder(region: string): Promise<Ladder> {
  const measures = await monitorMeasures();
  const i = col(region);
  const leaves: LeafInput[] = TABEL_40.rows
    .filter((r) => r.kind === 'measure')
    .map((r) => {
      const t39 = TABEL_39.rows.find((x) => x.id === r.id);
      const m = measures.get(r.id);
      if (!t39 || !m) throw new Error(`${TABEL_40.table}: onbekende maatregel ${r.id}`);
      const v = r.values[i] ?? null;
      return {
        measure: r.id,
        code: null,
        label:
          r.id === 'collectief-maatwerk'
            ? 'Collectief maatwerk - maatwerkbedrijven en maatwerkafdelingen'
            : t39.label,
        rung: t39.rung as Rung,
        parent: t39.parent,
        value: v,
        state: v === null ? 'no-value' : 'value',
        weight: m.weight,
        source: r.source,
      };
    });
  return computeLadder(leaves, {
    year: TABEL_40.year,
    region,
    basis: 'reference',
    source: TABEL_40.source,
    notes: [TABEL_39.note_sine],
    published: (id) => TABEL_40.rows.find((r) => r.id === id && r.kind === 'aggregate')?.values[i] ?? null,
  });
}

export interface RegionalFinding {
  kind: 'subtotal' | 'regions-sum' | 'arrondissements-sum' | 'arrondissements-region';
  row: string;
  region: string;
  published: number;
  computed: number | null;
  exact: number | null;
  message: string;
  source: string;
}

/** Each region's subtotals from its leaves, and each row's regions against the West-Vlaanderen column. */
export async function checkRegions(): Promise<{ checked: number; findings: RegionalFinding[] }> {
  const findings: RegionalFinding[] = [];
  let checked = 0;
  for (const region of TABEL_40.regions) {
    const l = await regionalLadder(region);
    for (const s of l.subtotals) {
      if (s.published === null) continue;
      checked++;
      if (s.value !== s.published)
        findings.push({
          kind: 'subtotal',
          row: s.id,
          region,
          published: s.published,
          computed: s.value,
          exact: s.exact,
          message: `Gepubliceerd ${s.published.toLocaleString('nl-BE')}, maar de delen geven ${s.exact?.toLocaleString('nl-BE')}.`,
          source: TABEL_40.rows.find((r) => r.id === s.id)?.source ?? TABEL_40.source,
        });
    }
  }
  const wvl = col('west-vlaanderen');
  for (const row of TABEL_40.rows) {
    const total = row.values[wvl];
    if (total === null || total === undefined) continue;
    checked++;
    const sum = TABEL_40_REGIONS.reduce((a, r) => a + (row.values[col(r)] ?? 0), 0);
    if (sum !== total)
      findings.push({
        kind: 'regions-sum',
        row: row.id,
        region: 'west-vlaanderen',
        published: total,
        computed: sum,
        exact: sum,
        message: `De regio's tellen op tot ${sum.toLocaleString('nl-BE')}, West-Vlaanderen is ${total.toLocaleString('nl-BE')} (een rij waarvan de regio's niet optellen tot West-Vlaanderen, zoals wijk-werken: 170 + 173 + 268 + 206 + 295 = 1.112 tegenover 1.113, seeds/004_694cfc149f605398.txt:L6583).`,
        source: row.source,
      });
  }
  // Arrondissement tables: their sum against West-Vlaanderen, and each region (the sum of its
  // arrondissements, geography.yaml) against Tabel 40.
  for (const t of ARRONDISSEMENTS_2019.tables) {
    checked++;
    const sum = t.arrondissements.reduce((a, x) => a + x.value, 0);
    if (sum !== t['west-vlaanderen'].value)
      findings.push({
        kind: 'arrondissements-sum',
        row: t.measure,
        region: 'west-vlaanderen',
        published: t['west-vlaanderen'].value,
        computed: sum,
        exact: sum,
        message: `${t.table}: de arrondissementen tellen op tot ${sum.toLocaleString('nl-BE')}, West-Vlaanderen is ${t['west-vlaanderen'].value.toLocaleString('nl-BE')}.`,
        source: t['west-vlaanderen'].source,
      });
    const t40 = TABEL_40.rows.find((r) => r.id === t.measure && r.kind === 'measure');
    if (!t40) continue;
    for (const region of TABEL_40_REGIONS) {
      const arrs = regionArrondissements(region);
      if (!arrs.length) continue;
      const published = t40.values[col(region)];
      if (published === null || published === undefined) continue;
      checked++;
      const v = t.arrondissements.filter((a) => arrs.includes(a.nis)).reduce((a, x) => a + x.value, 0);
      if (v !== published)
        findings.push({
          kind: 'arrondissements-region',
          row: t.measure,
          region,
          published,
          computed: v,
          exact: v,
          message: `${TABEL_40.table} geeft ${published.toLocaleString('nl-BE')}, de arrondissementen van ${t.table} geven ${v.toLocaleString('nl-BE')}.`,
          source: `${t40.source}; ${t.arrondissements.map((a) => a.source.split(':')[1]).join(',')}`,
        });
    }
  }
  return { checked, findings };
}
