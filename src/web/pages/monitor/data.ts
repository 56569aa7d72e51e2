/**
 * Everything the monitor page shows for one view (year, region, source), read through the monitor
 * module: the ladder of the year and of the year before (for the summary's change), the regions,
 * the series, the KPIs and the lead times measured in Trede.
 */

import type { Actor } from '../../../access/index.ts';
import { leadTimeReport } from '../../../dossiers/index.ts';
import {
  getKpis,
  getLadder,
  getSeries,
  getTable,
  type KpiReport,
  type Ladder,
  type LadderQuery,
  type Series,
  type SeriesRow,
  TABEL_40,
  TABEL_40_REGIONS,
} from '../../../monitor/index.ts';
import type { WebContext } from '../../context.ts';
import type { MonitorParams } from './params.ts';

export interface MonitorData {
  p: MonitorParams;
  ladder: Ladder;
  /** The same view one year earlier; null when that year is not available. */
  previous: Ladder | null;
  /** The West-Flemish regions in the chosen year; null when there are no figures for that year. */
  regional: Ladder[] | null;
  /** The year the regional figures exist for in the reference data (Tabel 40). */
  regionalYear: number;
  /** Tabel 39 recomputed (reference series); the series asked for. */
  table: SeriesRow[];
  series: Series;
  kpis: KpiReport;
  leadYear: number;
  leadTimes: Awaited<ReturnType<typeof leadTimeReport>>;
}

function query(c: WebContext, p: MonitorParams, year: number, region: string): LadderQuery {
  return p.source === 'register'
    ? { year, region, source: 'registry', db: c.var.deps.db }
    : { year, region, source: 'reference' };
}

/** The ladder of a view; for the registry every year counts, for the reference only the published ones. */
export function ladderOf(c: WebContext, actor: Actor, p: MonitorParams, year: number, region: string) {
  return getLadder(actor, query(c, p, year, region));
}

/** The regions of West-Vlaanderen in the chosen year (reference: only Tabel 40's year). */
export async function regionalLadders(
  c: WebContext,
  actor: Actor,
  p: MonitorParams,
): Promise<Ladder[] | null> {
  if (p.source === 'referentie' && p.year !== TABEL_40.year) return null;
  const out: Ladder[] = [];
  for (const r of TABEL_40_REGIONS) out.push(await ladderOf(c, actor, p, p.year, r));
  return out;
}

export async function loadMonitor(c: WebContext, actor: Actor, p: MonitorParams): Promise<MonitorData> {
  const ladder = await ladderOf(c, actor, p, p.year, p.region);
  const previous = p.years.includes(p.year - 1) ? await ladderOf(c, actor, p, p.year - 1, p.region) : null;
  const leadYear = (c.var.deps.now?.() ?? new Date()).getUTCFullYear();
  return {
    p,
    ladder,
    previous,
    regional: await regionalLadders(c, actor, p),
    regionalYear: TABEL_40.year,
    table: await getTable(actor),
    series: await getSeries(actor, { measure: p.series, region: p.region }),
    kpis: await getKpis(actor),
    leadYear,
    leadTimes: await leadTimeReport(c.var.deps.db, actor, { year: leadYear }),
  };
}
