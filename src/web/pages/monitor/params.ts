/**
 * The monitor's filters as they stand in the URL (`?jaar=&regio=&bron=&reeks=`), so that a view can
 * be shared. The years come from the reference data (the study's Tabel 39) or, for the registry,
 * are the years in which placements run (asked of the registry in SQL); the default is the latest.
 */
import type { Actor } from '../../../access/index.ts';
import { REFERENCE_REGIONS, type ReferenceRegion, TABEL_39, YEARS } from '../../../monitor/index.ts';
import { placementYears } from '../../../registry/index.ts';
import type { WebContext } from '../../context.ts';

export const BASE = '/monitor';
export const SOURCES = ['referentie', 'register'] as const;
export type SourceParam = (typeof SOURCES)[number];
export const SOURCE_LABEL: Record<SourceParam, string> = {
  referentie: 'Studie POM West-Vlaanderen (referentiecijfers)',
  register: 'Register van Trede',
};

export interface MonitorParams {
  year: number;
  region: ReferenceRegion;
  source: SourceParam;
  series: string;
  /** The years one may choose for this source, oldest first. */
  years: number[];
  /** The query string that reproduces this view (for links and downloads). */
  query: string;
}

/**
 * Reference years: as published. Registry years: those in which placements run, up to this year;
 * an empty registry has none, so it offers the range from the first reference year to this year
 * (each year then says that the registry holds no placements for it).
 */
export async function yearsFor(c: WebContext, actor: Actor, source: SourceParam, thisYear: number) {
  if (source === 'referentie') return [...YEARS].sort((a, b) => a - b);
  const placed = await placementYears(c.var.deps.db, actor, thisYear);
  if (placed.length > 0) return placed;
  const first = Math.min(...YEARS);
  const last = Math.max(thisYear, ...YEARS);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

export async function monitorParams(c: WebContext, actor: Actor): Promise<MonitorParams> {
  const bron = c.req.query('bron');
  const source: SourceParam = bron === 'register' ? 'register' : 'referentie';
  const thisYear = (c.var.deps.now?.() ?? new Date()).getUTCFullYear();
  const years = await yearsFor(c, actor, source, thisYear);
  const latest = years.at(-1) as number;
  const asked = Number(c.req.query('jaar'));
  const year = years.includes(asked) ? asked : latest;
  const regio = c.req.query('regio') ?? '';
  const region = (REFERENCE_REGIONS as readonly string[]).includes(regio)
    ? (regio as ReferenceRegion)
    : 'west-vlaanderen';
  const reeks = c.req.query('reeks') ?? '';
  const series = TABEL_39.rows.some((r) => r.id === reeks) ? reeks : 'trede-5';
  const q = new URLSearchParams({ jaar: String(year), regio: region });
  if (source === 'register') q.set('bron', source);
  return { year, region, source, series, years, query: q.toString() };
}
