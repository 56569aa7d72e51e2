/**
 * The monitor's read operations, each checking `monitor:read` itself (API, web and CLI reach the
 * same functions). The open-data variants need no login and suppress small registry cells.
 */
import { type Actor, assertCan, openDataActor } from '../access/index.ts';
import type { Db } from '../db/index.ts';
import { ValidationError } from '../domain/index.ts';
import { type CheckReport, checkReference } from './check.ts';
import { getArea } from './geography.ts';
import { type Ladder, referenceLadder } from './ladder.ts';
import { ladderFromPlacements, type PlacementFact, suppressSmallCells } from './placements.ts';
import { isReferenceRegion, TABEL_39 } from './reference.ts';
import { regionalLadder, TABEL_40 } from './regions.ts';
import { registryLadder } from './registry-ladder.ts';
import { computedTable, type SeriesRow } from './series.ts';
import type { Series } from './views.ts';

export type LadderSource = 'reference' | 'registry';

export interface LadderQuery {
  year: number;
  region: string;
  source?: LadderSource;
  /** Where registry placements come from (the adapters pass the registry's `listPlacementFacts`). */
  placements?: () => Promise<PlacementFact[]>;
  /**
   * The database to count the registry in, directly through the registry's queries (aggregated in
   * SQL and cached per registry version); preferred over `placements`.
   */
  db?: Db;
}

function assertRegion(region: string): void {
  if (!getArea(region) || getArea(region)?.level === 'arrondissement')
    throw ValidationError.field('region', `onbekende regio '${region}'`);
}

async function ladderFor(q: LadderQuery, actor: Actor): Promise<Ladder> {
  assertRegion(q.region);
  if ((q.source ?? 'reference') === 'registry') {
    if (q.db) return registryLadder(q.db, actor, q.year, q.region);
    if (!q.placements)
      throw ValidationError.field('source', 'de registerbron is nog niet gekoppeld aan de monitor');
    return ladderFromPlacements(await q.placements(), { year: q.year, region: q.region });
  }
  if (isReferenceRegion(q.region)) {
    if (!TABEL_39.years.includes(q.year))
      throw ValidationError.field('year', `referentiecijfers bestaan voor ${TABEL_39.years.join(', ')}`);
    return referenceLadder(q.year, q.region);
  }
  if (!TABEL_40.regions.includes(q.region))
    throw ValidationError.field(
      'region',
      `geen referentiecijfers voor '${q.region}'; enkel voor Vlaanderen, West-Vlaanderen en de West-Vlaamse regio's`,
    );
  if (q.year !== TABEL_40.year)
    throw ValidationError.field('year', `referentiecijfers per regio bestaan enkel voor ${TABEL_40.year}`);
  return regionalLadder(q.region);
}

export async function getLadder(actor: Actor, q: LadderQuery): Promise<Ladder> {
  assertCan(actor, 'monitor:read');
  return ladderFor(q, actor);
}

/** Open data (no login): reference figures as published; registry cells under 5 persons suppressed. */
export async function openLadder(q: LadderQuery): Promise<Ladder> {
  // Open data reads the registry through the read-only open-data actor (pseudonymised facts only).
  return suppressSmallCells(await ladderFor(q, openDataActor('api')));
}

export type { Series };

async function seriesFor(measure: string, region: string): Promise<Series> {
  if (!isReferenceRegion(region))
    throw ValidationError.field('region', 'tijdreeksen bestaan voor west-vlaanderen en vlaanderen');
  const rows = await computedTable();
  const row = rows.find((r) => r.id === measure);
  if (!row) throw ValidationError.field('measure', `geen reeks voor '${measure}'`);
  return {
    measure: row.id,
    label: row.label,
    rung: row.rung,
    region,
    compareWith: 'vlaanderen',
    source: row.source,
    points: row.years.map((year, i) => ({
      year,
      value: row.values[region][i] ?? null,
      vlaanderen: row.values.vlaanderen[i] ?? null,
      share: row.share[i] ?? null,
    })),
    growth: row.growth.filter((g) => g.region === region),
  };
}

export async function getSeries(actor: Actor, q: { measure: string; region: string }): Promise<Series> {
  assertCan(actor, 'monitor:read');
  return seriesFor(q.measure, q.region);
}

export function openSeries(q: { measure: string; region: string }): Promise<Series> {
  return seriesFor(q.measure, q.region);
}

export async function getCheck(actor: Actor): Promise<CheckReport> {
  assertCan(actor, 'monitor:read');
  return checkReference();
}

export async function getTable(actor: Actor): Promise<SeriesRow[]> {
  assertCan(actor, 'monitor:read');
  return computedTable();
}
