/**
 * The participation ladder, computed from its leaves (never copied): trede 5 = doelgroepkortingen +
 * SINE at its catalogue weight (40 %) + collective placement; trede 4; trede 3 (arbeidszorg outside
 * AMA derived as the study does); the study's subtotals; rounded only at output.
 */

import { roundHalfAway } from '../domain/index.ts';
import { type COUNTING, catalogue } from '../rules/index.ts';
import { getArea } from './geography.ts';
import {
  ARBEIDSZORG,
  publishedCell,
  type RawCell,
  type ReferenceRegion,
  TABEL_39,
  type TableRow,
} from './reference.ts';
import type { Ladder, LadderMeasure, LadderSubtotal } from './views.ts';

export type { Ladder, LadderMeasure, LadderSubtotal };

export type Rung = 3 | 4 | 5;
export const RUNGS: readonly Rung[] = [5, 4, 3];
export type CellState = 'value' | 'no-value' | 'not-available' | 'suppressed';
export type LadderBasis = 'reference' | 'registry';

/** How the monitor counts one measure: from its catalogue entry `monitor` in src/rules. */
export interface MonitorMeasure {
  id: string;
  name: string;
  rung: Rung | null;
  counting: (typeof COUNTING)[number];
  weight: number;
  source: string;
}

/** One leaf of the ladder before aggregation. */
export interface LeafInput {
  measure: string;
  code: string | null;
  label: string;
  rung: Rung;
  /** The aggregate row it belongs to (Tabel 39 structure), or null for the rung directly. */
  parent: string | null;
  /** Persons (unweighted; may be fractional for a yearly average); null when state is not 'value'. */
  value: number | null;
  state: CellState;
  weight: number;
  source: string;
  /** How the value was obtained when it is not a copied published figure. */
  derivation?: string;
}

let monitorCatalogue: Promise<Map<string, MonitorMeasure>> | undefined;

/** Counting basis, weight and rung of every catalogue measure that has a `monitor` entry. */
export function monitorMeasures(): Promise<Map<string, MonitorMeasure>> {
  monitorCatalogue ??= catalogue().then(
    (c) =>
      new Map(
        c.measures
          .filter((m) => m.meta.monitor)
          .map((m) => {
            const mon = m.meta.monitor as NonNullable<typeof m.meta.monitor>;
            const rung = (m.meta.rungs.find((r) => r >= 3 && r <= 5) ?? null) as Rung | null;
            const src = Array.isArray(mon.source) ? mon.source.join(', ') : String(mon.source);
            return [
              m.id,
              { id: m.id, name: m.meta.name, rung, counting: mon.counting, weight: mon.weight, source: src },
            ];
          }),
      ),
  );
  return monitorCatalogue;
}

const AGGREGATES = TABEL_39.rows.filter((r) => r.kind === 'aggregate');
const PARENT = new Map(TABEL_39.rows.map((r) => [r.id, r.parent]));

function ancestorsOf(parent: string | null, rung: Rung): string[] {
  const out: string[] = [];
  let cur: string | null = parent ?? `trede-${rung}`;
  while (cur) {
    out.push(cur);
    cur = PARENT.get(cur) ?? (cur === 'totaal' ? null : 'totaal');
  }
  return out;
}

/** Aggregates the leaves into the study's subtotals, the rungs and the total. Pure. */
export function computeLadder(
  leaves: LeafInput[],
  meta: {
    year: number;
    region: string;
    basis: LadderBasis;
    source: string;
    notes?: string[];
    published?: (id: string) => number | null;
  },
): Ladder {
  const sums = new Map<string, number | null>();
  for (const agg of AGGREGATES) sums.set(agg.id, null);
  for (const leaf of leaves) {
    if (leaf.state !== 'value' || leaf.value === null) continue;
    for (const id of ancestorsOf(leaf.parent, leaf.rung)) {
      const agg = AGGREGATES.find((a) => a.id === id);
      const w = agg?.sine_weight === 'full' ? 1 : leaf.weight;
      sums.set(id, (sums.get(id) ?? 0) + leaf.value * w);
    }
  }
  const out = (x: number | null | undefined) => (x === null || x === undefined ? null : roundHalfAway(x));
  const exact = (x: number | null | undefined) =>
    x === null || x === undefined ? null : roundHalfAway(x, 3);
  const subtotals: LadderSubtotal[] = AGGREGATES.map((a) => ({
    id: a.id,
    label: a.label,
    code: a.code,
    rung: a.rung,
    parent: a.parent,
    value: out(sums.get(a.id)),
    exact: exact(sums.get(a.id)),
    published: meta.published ? meta.published(a.id) : null,
    source: a.source,
  }));
  return {
    year: meta.year,
    region: meta.region,
    regionName: getArea(meta.region)?.name ?? meta.region,
    basis: meta.basis,
    total: out(sums.get('totaal')),
    totalExact: exact(sums.get('totaal')),
    rungs: RUNGS.map((rung) => ({
      rung,
      total: out(sums.get(`trede-${rung}`)),
      exact: exact(sums.get(`trede-${rung}`)),
    })),
    subtotals,
    measures: leaves.map((l) => ({
      measure: l.measure,
      code: l.code,
      label: l.label,
      rung: l.rung,
      value: l.value === null ? null : roundHalfAway(l.value),
      state: l.state,
      weight: l.weight,
      counted: l.value === null ? null : exact(l.value * l.weight),
      source: l.source,
      derivation: l.derivation ?? null,
    })),
    source: meta.source,
    notes: meta.notes ?? [],
  };
}

function stateOf(c: RawCell | undefined): { value: number | null; state: CellState } {
  if (c === 'nb') return { value: null, state: 'not-available' };
  if (c === null || c === undefined) return { value: null, state: 'no-value' };
  return { value: c, state: 'value' };
}

function cellAt(
  row: { 'west-vlaanderen': RawCell[]; vlaanderen: RawCell[] },
  region: ReferenceRegion,
  year: number,
) {
  const i = TABEL_39.years.indexOf(year);
  return i < 0 ? undefined : row[region][i];
}

/** The leaves of Tabel 39 for a year and region; arbeidszorg outside AMA derived from 2018 on. */
export function referenceLeaves(
  year: number,
  region: ReferenceRegion,
  measures: Map<string, MonitorMeasure>,
): LeafInput[] {
  const rows = TABEL_39.rows.filter((r) => r.kind === 'measure');
  const leaf = (r: TableRow): LeafInput => {
    const m = measures.get(r.id);
    if (!m)
      throw new Error(
        `maatregel ${r.id} (${TABEL_39.table}) ontbreekt in de catalogus of heeft geen monitor-fiche`,
      );
    return {
      measure: r.id,
      code: r.code,
      label: r.label,
      rung: r.rung as Rung,
      parent: r.parent,
      ...stateOf(cellAt(r, region, year)),
      weight: m.weight,
      source: r.source,
    };
  };
  const leaves = rows.map(leaf);
  if (year >= ARBEIDSZORG.derived_from) {
    const az = leaves.find((l) => l.measure === 'arbeidszorg');
    const reg = stateOf(cellAt(ARBEIDSZORG.registered, region, year));
    const ama = leaves.find((l) => l.measure === 'ama');
    const aaz = leaves.find((l) => l.measure === 'aaz');
    if (az && reg.state === 'value' && ama?.state === 'value' && aaz?.state === 'value') {
      az.value = (reg.value as number) - (ama.value as number) - (aaz.value as number);
      az.state = 'value';
      az.source = `${ARBEIDSZORG.registered.source}; ${ARBEIDSZORG.formula_source}`;
      az.derivation = `${reg.value} geregistreerd (Tabel 37) − ${ama.value} AMA − ${aaz.value} AAZ`;
    }
  }
  return leaves;
}

export async function referenceLadder(year: number, region: ReferenceRegion): Promise<Ladder> {
  const measures = await monitorMeasures();
  return computeLadder(referenceLeaves(year, region, measures), {
    year,
    region,
    basis: 'reference',
    source: TABEL_39.source,
    notes: [TABEL_39.note_sine],
    published: (id) => {
      const c = publishedCell(TABEL_39.rows.find((r) => r.id === id) as TableRow, region, year);
      return typeof c === 'number' ? c : null;
    },
  });
}
