/**
 * The ladder from the registry, as the API, web app, CLI and open data ask for it: the registry
 * counts the year in SQL (`countPlacementsOfYear`, one line per measure), and the ladder built from
 * those counts is cached per registry version (issue 16 "Availability"). The version is read in
 * the same snapshot as the counts, so a cached ladder is never older than the version it is filed
 * under; identical requests arriving together share one computation.
 */
import { type Actor, assertCan } from '../access/index.ts';
import type { Db } from '../db/index.ts';
import { countPlacementsOfYear, placementNisCodes, registryVersion } from '../registry/index.ts';
import { nisInRegion } from './geography.ts';
import type { Ladder } from './ladder.ts';
import { countingDates, ladderFromMeasureCounts, personsFromCounts } from './placements.ts';

/** Ladders kept per database: one registry version at a time, at most this many (year, region) pairs. */
export const LADDER_CACHE_ENTRIES = 64;

interface Cache {
  version: number;
  ladders: Map<string, Promise<Ladder>>;
}
const caches = new WeakMap<Db, Cache>();

async function compute(
  db: Db,
  actor: Actor,
  year: number,
  region: string,
): Promise<{ version: number; ladder: Ladder }> {
  return db.transaction(async (tx) => {
    // One snapshot for the version and the counts (PGlite runs transactions one at a time anyway).
    if (db.kind === 'postgres') await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const version = await registryVersion(tx);
    const nisCodes = (await placementNisCodes(tx, actor)).filter((n) => nisInRegion(n, region));
    const dates = countingDates(year);
    const counts = await countPlacementsOfYear(tx, actor, {
      year,
      nisCodes,
      includeUnassigned: nisInRegion(null, region),
      activeOn: [dates.snapshot, dates['school-year']],
    });
    const ladder = await ladderFromMeasureCounts(
      counts.map((c) => ({
        measure: c.measure,
        placements: c.placements,
        count: (basis) => personsFromCounts(c, basis, year),
      })),
      { year, region },
    );
    return { version, ladder };
  });
}

/**
 * The registry ladder of `year` in `region`. `actor` must be allowed to read pseudonymised
 * registry data.
 */
export async function registryLadder(db: Db, actor: Actor, year: number, region: string): Promise<Ladder> {
  // The registry checks this on every computation; a cached answer needs the same check.
  assertCan(actor, 'registry:read-pseudonymised');
  const key = `${year}|${region}`;
  const seen = await registryVersion(db);
  let cache = caches.get(db);
  if (!cache || cache.version !== seen) {
    cache = { version: seen, ladders: new Map() };
    caches.set(db, cache);
  }
  const hit = cache.ladders.get(key);
  if (hit) return hit;
  const pending = compute(db, actor, year, region).then(({ version, ladder }) => {
    // Filed under the version it was computed at; dropped if the registry moved on meanwhile.
    if (version !== cache.version) cache.ladders.delete(key);
    return ladder;
  });
  if (cache.ladders.size >= LADDER_CACHE_ENTRIES) cache.ladders.clear();
  cache.ladders.set(key, pending);
  pending.catch(() => cache.ladders.delete(key));
  return pending;
}
