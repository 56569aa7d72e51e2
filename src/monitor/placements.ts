/**
 * The ladder from registry placements: the same computation as the reference ladder, with the
 * leaves counted from placement facts. Persons are counted per measure on the counting basis of
 * the measure's catalogue entry (`monitor.counting`), weighted by `monitor.weight` (SINE 40 %), and
 * placed in a region by the NIS code of the place of work.
 */

import { z } from 'zod';
import { readYamlData } from '../db/index.ts';
import { ValidationError } from '../domain/index.ts';
import type { MeasureCounts, PlacementFact } from '../registry/index.ts';
import { nisInRegion } from './geography.ts';
import {
  computeLadder,
  type Ladder,
  type LeafInput,
  type MonitorMeasure,
  monitorMeasures,
  type Rung,
} from './ladder.ts';
import { TABEL_39 } from './reference.ts';
import { applySuppression } from './suppression.ts';

export type { PlacementFact };

const countingSchema = z.object({
  snapshot: z.object({ label: z.string(), month_day: z.string(), source: z.string() }),
  'annual-average': z.object({ label: z.string(), source: z.string() }),
  started: z.object({ label: z.string(), source: z.string() }),
  'school-year': z.object({ label: z.string(), month_day: z.string(), source: z.string() }),
  suppression: z.object({ label: z.string(), min_persons: z.number().int(), source: z.string() }),
  not_modelled: z.array(z.object({ rule: z.string(), source: z.string() })),
});
export const COUNTING_RULES = countingSchema.parse(
  readYamlData(new URL('./data/counting.yaml', import.meta.url)),
);

const DAY = 86_400_000;
const ms = (d: string) => Date.parse(`${d}T00:00:00Z`);

function activeOn(f: PlacementFact, date: string): boolean {
  return f.start <= date && (f.end === null || f.end >= date);
}

/** Groups in one pass, appending (a measure can have 100,000 placements: no copying per item). */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Days of `year` covered by the union of a person's placements (both ends inclusive). */
function daysInYear(facts: PlacementFact[], year: number): number {
  const y0 = ms(`${year}-01-01`);
  const y1 = ms(`${year}-12-31`);
  const spans = facts
    .map((f) => [Math.max(ms(f.start), y0), Math.min(f.end === null ? y1 : ms(f.end), y1)] as const)
    .filter(([a, b]) => a <= b)
    .sort((a, b) => a[0] - b[0]);
  let days = 0;
  let curA = -1;
  let curB = -2;
  for (const [a, b] of spans) {
    if (a > curB + DAY) {
      if (curB >= curA && curA >= 0) days += (curB - curA) / DAY + 1;
      curA = a;
      curB = b;
    } else curB = Math.max(curB, b);
  }
  if (curA >= 0) days += (curB - curA) / DAY + 1;
  return days;
}

/** Persons of one measure counted on its basis for `year` (fractional for a yearly average). */
export function countPersons(
  facts: PlacementFact[],
  basis: MonitorMeasure['counting'],
  year: number,
): number {
  const byPerson = groupBy(facts, (f) => f.person);
  const persons = [...byPerson.values()];
  switch (basis) {
    case 'snapshot': {
      const d = `${year}-${COUNTING_RULES.snapshot.month_day}`;
      return persons.filter((fs) => fs.some((f) => activeOn(f, d))).length;
    }
    case 'school-year': {
      const d = `${year}-${COUNTING_RULES['school-year'].month_day}`;
      return persons.filter((fs) => fs.some((f) => activeOn(f, d))).length;
    }
    case 'started':
      return persons.filter((fs) => fs.some((f) => f.start.startsWith(`${year}-`))).length;
    case 'annual-average': {
      const len = (ms(`${year + 1}-01-01`) - ms(`${year}-01-01`)) / DAY;
      return persons.reduce((sum, fs) => sum + daysInYear(fs, year), 0) / len;
    }
    case 'not-counted':
      return 0;
  }
}

/**
 * The ladder of `year` in `region` from placement facts. Measures of Tabel 39 keep their place in
 * the study's subtotals; other counted measures go straight under their rung. A measure without a
 * catalogue `monitor` entry, or one that is not counted or sits outside treden 3-5, is listed in
 * `notes` and not counted.
 */
export async function ladderFromPlacements(
  facts: PlacementFact[],
  options: { year: number; region: string },
  measures?: Map<string, MonitorMeasure>,
): Promise<Ladder> {
  const { year, region } = options;
  if (!Number.isInteger(year)) throw ValidationError.field('year', 'geef een jaartal');
  const inRegion = facts.filter((f) => nisInRegion(f.nisCode, region));
  const byMeasure = groupBy(inRegion, (f) => f.measure);
  return ladderFromMeasureCounts(
    [...byMeasure].map(([id, fs]) => ({
      measure: id,
      placements: fs.length,
      count: (basis) => countPersons(fs, basis, year),
    })),
    options,
    measures,
  );
}

/** The reference dates on which `year` is counted for the snapshot bases. */
export function countingDates(year: number): { snapshot: string; 'school-year': string } {
  return {
    snapshot: `${year}-${COUNTING_RULES.snapshot.month_day}`,
    'school-year': `${year}-${COUNTING_RULES['school-year'].month_day}`,
  };
}

/** Persons of one measure on its basis from the registry's counts of the year (aggregated in SQL). */
export function personsFromCounts(c: MeasureCounts, basis: MonitorMeasure['counting'], year: number): number {
  const dates = countingDates(year);
  switch (basis) {
    case 'snapshot':
      return c.activeOn[dates.snapshot] ?? 0;
    case 'school-year':
      return c.activeOn[dates['school-year']] ?? 0;
    case 'started':
      return c.started;
    case 'annual-average':
      return c.personDays / ((ms(`${year + 1}-01-01`) - ms(`${year}-01-01`)) / DAY);
    case 'not-counted':
      return 0;
  }
}

/** One measure's placements in the region, and how to count its persons on a basis. */
export interface MeasureTally {
  measure: string;
  placements: number;
  count: (basis: MonitorMeasure['counting']) => number;
}

/**
 * The ladder from per-measure tallies (from placement facts, or from the registry's SQL counts):
 * the part both paths share.
 */
export async function ladderFromMeasureCounts(
  tallies: MeasureTally[],
  options: { year: number; region: string },
  measures?: Map<string, MonitorMeasure>,
): Promise<Ladder> {
  const { year, region } = options;
  const catalogue = measures ?? (await monitorMeasures());
  const notes: string[] = [];
  const leaves: LeafInput[] = [];
  for (const t of [...tallies].sort((a, b) => a.measure.localeCompare(b.measure))) {
    const id = t.measure;
    const m = catalogue.get(id);
    if (!m || m.counting === 'not-counted' || m.rung === null) {
      notes.push(
        `${id}: ${t.placements} plaatsing(en) niet geteld (${!m ? 'geen monitor-fiche in de catalogus' : m.counting === 'not-counted' ? 'niet meegeteld op de ladder' : 'geen trede 3-5'}).`,
      );
      continue;
    }
    const row = TABEL_39.rows.find((r) => r.id === id && r.kind === 'measure');
    leaves.push({
      measure: id,
      code: row?.code ?? null,
      label: row?.label ?? m.name,
      rung: (row?.rung ?? m.rung) as Rung,
      parent: row?.parent ?? null,
      value: t.count(m.counting),
      state: 'value',
      weight: m.weight,
      source: m.source,
      derivation: `${COUNTING_RULES[m.counting].label} (${COUNTING_RULES[m.counting].source})`,
    });
  }
  return computeLadder(leaves, { year, region, basis: 'registry', source: 'register: plaatsingen', notes });
}

/**
 * Open data: registry cells under the minimum number of persons are suppressed — measures,
 * subtotals, rungs and the total — with secondary suppression so that no hidden cell can be
 * recovered by subtraction (the method is written in suppression.ts).
 */
export function suppressSmallCells(ladder: Ladder): Ladder {
  if (ladder.basis !== 'registry') return ladder;
  return applySuppression(ladder, COUNTING_RULES.suppression.min_persons);
}
