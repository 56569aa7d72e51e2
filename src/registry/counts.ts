/**
 * What the monitor counts, aggregated in SQL for one year (issue 9 "Modules call their dependencies
 * directly", issue 16 "Availability"): per measure the placements, the persons active on given
 * dates, the persons who started in the year and the person-days in the year (the union of each
 * person's placements, so overlapping placements are not counted twice). Only placements that
 * overlap the year are read, through the index on (start_date, end_date); no row leaves the
 * database, only one line per measure.
 */
import type { Actor } from '../access/index.ts';
import type { Queryable } from '../db/index.ts';
import { assertCan } from './access.ts';

export interface PlacementCountsQuery {
  year: number;
  /** Organisations whose municipality (NIS) is one of these count… */
  nisCodes: readonly string[];
  /** …and, when set, organisations without a municipality. */
  includeUnassigned: boolean;
  /** Dates (within the year) on which to count active persons. */
  activeOn: readonly string[];
}

export interface MeasureCounts {
  measure: string;
  placements: number;
  /** Distinct persons with a placement active on each date of `activeOn`. */
  activeOn: Record<string, number>;
  /** Distinct persons with a placement starting in the year. */
  started: number;
  /** Sum over persons of the days of the year covered by the union of their placements. */
  personDays: number;
}

/**
 * The registry's version as the reader's snapshot sees it: it grows with every committed
 * transaction that wrote placements or organisations (migration 0085). Caches key on it.
 */
export async function registryVersion(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int8 AS n FROM registry_changes');
  return Number(rows[0]?.n ?? 0);
}

/** The distinct municipalities (NIS codes) of organisations that have placements. */
export async function placementNisCodes(db: Queryable, actor: Actor): Promise<string[]> {
  assertCan(actor, 'registry:read-pseudonymised');
  const { rows } = await db.query<{ nis_code: string }>(
    `SELECT DISTINCT o.nis_code FROM organisations o
      WHERE o.nis_code IS NOT NULL AND EXISTS (SELECT 1 FROM placements p WHERE p.organisation_id = o.id)
      ORDER BY 1`,
  );
  return rows.map((r) => r.nis_code);
}

const FILTERED = `
  f AS (
    SELECT p.measure, p.person_id, p.start_date AS s, p.end_date AS e
      FROM placements p JOIN organisations o ON o.id = p.organisation_id
     WHERE p.start_date <= $2::date AND (p.end_date IS NULL OR p.end_date >= $1::date)
       AND (o.nis_code = ANY($3::text[]) OR ($4::boolean AND o.nis_code IS NULL))
  )`;

export async function countPlacementsOfYear(
  db: Queryable,
  actor: Actor,
  q: PlacementCountsQuery,
): Promise<MeasureCounts[]> {
  assertCan(actor, 'registry:read-pseudonymised');
  const from = `${q.year}-01-01`;
  const to = `${q.year}-12-31`;
  // One pass: group the year's placements per measure and person, then per measure.
  const dates = [...q.activeOn];
  const flags = dates
    .map((_, i) => `bool_or(s <= $${5 + i}::date AND (e IS NULL OR e >= $${5 + i}::date)) AS a${i}`)
    .join(', ');
  const counts = dates.map((_, i) => `count(*) FILTER (WHERE a${i})::int8 AS a${i}`).join(', ');
  const { rows } = await db.query<Record<string, unknown> & { measure: string; days: string | null }>(
    `WITH ${FILTERED},
     per_person AS (
       SELECT measure, person_id, count(*) AS n, bool_or(s >= $1::date) AS started,
              range_agg(daterange(greatest(s, $1::date), least(coalesce(e, $2::date), $2::date), '[]')) AS spans
              ${flags ? `, ${flags}` : ''}
         FROM f GROUP BY measure, person_id
     ),
     days AS (
       SELECT measure, sum(upper(r) - lower(r)) AS days FROM per_person, unnest(spans) AS r GROUP BY measure
     )
     SELECT pp.measure, sum(n)::int8 AS placements, count(*) FILTER (WHERE started)::int8 AS started,
            max(d.days)::text AS days
            ${counts ? `, ${counts}` : ''}
       FROM per_person pp LEFT JOIN days d ON d.measure = pp.measure
      GROUP BY pp.measure ORDER BY pp.measure`,
    [from, to, [...q.nisCodes], q.includeUnassigned, ...dates],
  );
  return rows.map((r) => ({
    measure: r.measure,
    placements: Number(r.placements),
    started: Number(r.started),
    personDays: Number(r.days ?? 0),
    activeOn: Object.fromEntries(dates.map((d, i) => [d, Number(r[`a${i}`] ?? 0)])),
  }));
}

/**
 * The calendar years in which at least one placement runs, oldest first, up to `until` (open
 * placements run to it). Computed in SQL: one row per year leaves the database.
 */
export async function placementYears(db: Queryable, actor: Actor, until: number): Promise<number[]> {
  assertCan(actor, 'registry:read-pseudonymised');
  const { rows } = await db.query<{ y: number }>(
    `SELECT DISTINCT y::int AS y FROM placements p,
            generate_series(extract(year FROM p.start_date)::int,
                            least(coalesce(extract(year FROM p.end_date)::int, $1::int), $1::int)) AS y
      ORDER BY 1`,
    [until],
  );
  return rows.map((r) => Number(r.y));
}
