/**
 * The monitor's reference data: the study's published tables, loaded once from the YAML files in
 * ./data (each value with the seed line it comes from). Three states are kept apart: a number
 * (0 included), `null` = no value (the measure did not exist) and "nb" = not available.
 */
import { z } from 'zod';
import { readYamlData } from '../db/index.ts';

export const REFERENCE_REGIONS = ['west-vlaanderen', 'vlaanderen'] as const;
export type ReferenceRegion = (typeof REFERENCE_REGIONS)[number];

const cell = z.union([z.number(), z.null(), z.literal('nb')]);
export type RawCell = z.infer<typeof cell>;

const rowSchema = z.object({
  id: z.string(),
  kind: z.enum(['measure', 'aggregate']),
  code: z.string(),
  label: z.string(),
  rung: z.union([z.literal(3), z.literal(4), z.literal(5)]).nullable(),
  parent: z.string().nullable(),
  sine_weight: z.literal('full').optional(),
  source: z.string(),
  'west-vlaanderen': z.array(cell),
  vlaanderen: z.array(cell),
  published_share: z.record(z.string(), z.number()),
  published_growth: z.array(
    z.object({ period: z.string(), region: z.enum(REFERENCE_REGIONS), value: z.number() }),
  ),
});
export type TableRow = z.infer<typeof rowSchema>;

const tableSchema = z.object({
  table: z.string(),
  title: z.string(),
  source: z.string(),
  note_sine: z.string(),
  years: z.array(z.number().int()),
  rows: z.array(rowSchema),
});
export type ReferenceTable = z.infer<typeof tableSchema>;

const azSchema = z.object({
  formula: z.string(),
  formula_source: z.string(),
  derived_from: z.number().int(),
  registered: z.object({
    source: z.string(),
    label: z.string(),
    'west-vlaanderen': z.array(cell),
    vlaanderen: z.array(cell),
  }),
});
export type ArbeidszorgData = z.infer<typeof azSchema>;

function load<T>(file: string, schema: z.ZodType<T>): T {
  return schema.parse(readYamlData(new URL(`./data/${file}`, import.meta.url)));
}

export const TABEL_39: ReferenceTable = load('tabel-39.yaml', tableSchema);
export const ARBEIDSZORG: ArbeidszorgData = load('arbeidszorg.yaml', azSchema);

export const YEARS: readonly number[] = TABEL_39.years;
/** The study's period as written in texts, e.g. `2014-2019`. */
export const STUDY_PERIOD = `${Math.min(...YEARS)}-${Math.max(...YEARS)}`;

/** The study's two growth periods over a series of years: first to last, and the last year on the one before. */
export function growthPeriods(years: readonly number[]): [number, number][] {
  const last = years.at(-1) as number;
  return [
    [years[0] as number, last],
    [years.at(-2) as number, last],
  ];
}

export function isReferenceRegion(region: string): region is ReferenceRegion {
  return (REFERENCE_REGIONS as readonly string[]).includes(region);
}

/** The published cell of a row for a region and year (undefined when the year is outside the table). */
export function publishedCell(row: TableRow, region: ReferenceRegion, year: number): RawCell | undefined {
  const i = TABEL_39.years.indexOf(year);
  return i < 0 ? undefined : row[region][i];
}

export function rowById(id: string): TableRow {
  const row = TABEL_39.rows.find((r) => r.id === id);
  if (!row) throw new Error(`rij ${id} ontbreekt in ${TABEL_39.table}`);
  return row;
}
