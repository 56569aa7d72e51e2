/**
 * The yearly VSI report per domain (dossiers, Pro Justitia, proposed recoveries). For 2021 and
 * 2022 the figures are the seed's table (reference data, reproduced with its check); the
 * anti-discrimination figures and the fines' lead time against the 8-month norm come beside it.
 * Aggregates only: an analist may read it, a werkgever may not.
 */
import { type Actor, assertCan } from '../access/index.ts';
import { NotFoundError } from '../domain/index.ts';
import {
  type AdFinding,
  ANTI_DISCRIMINATION,
  checkAntiDiscrimination,
  checkVsiTable,
  VSI_SOURCE,
  VSI_TABLE,
  VSI_YEARS,
  type VsiCheck,
} from './reference.ts';

export interface VsiReportRow {
  domain: string;
  dossiers: number | null;
  pj: number | null;
  /** Whole euro, as printed. */
  recoveriesEur: number | null;
  source: string;
}

export interface VsiReport {
  year: number;
  basis: 'referentiegegevens';
  source: string;
  total: VsiReportRow;
  domains: VsiReportRow[];
  check: VsiCheck;
  antiDiscrimination: {
    figures: { metric: string; value: number; source: string }[];
    notAvailable: { metric: string; source: string }[];
    findings: AdFinding[];
  };
  fineLeadTime: {
    normMonths: number;
    normShare: number;
    realisedShare: number | null;
    met: boolean | null;
    source: string;
  };
}

export function vsiReport(actor: Actor, year: number): VsiReport {
  assertCan(actor, 'inspection:report');
  if (!(VSI_YEARS as readonly number[]).includes(year))
    throw new NotFoundError('VSI-jaartabel', String(year));
  const key = year === 2021 ? 'y2021' : 'y2022';
  const row = (r: (typeof VSI_TABLE)[number]): VsiReportRow => ({
    domain: r.domain,
    dossiers: r.dossiers[key],
    pj: r.pj[key],
    recoveriesEur: r.recoveries[key],
    source: r.source,
  });
  const ad = ANTI_DISCRIMINATION;
  const lead = ad.fine_lead_time;
  const realised = lead.realised.find((r) => r.year === year);
  return {
    year,
    basis: 'referentiegegevens',
    source: VSI_SOURCE,
    total: row(VSI_TABLE.find((r) => r.total)!),
    domains: VSI_TABLE.filter((r) => !r.total).map(row),
    check: checkVsiTable(),
    antiDiscrimination: {
      figures: ad.figures
        .filter((f) => f.year === year)
        .map((f) => ({ metric: f.metric, value: f.value, source: f.source })),
      notAvailable: ad.not_available
        .filter((f) => f.year === year)
        .map((f) => ({ metric: f.metric, source: f.source })),
      findings: checkAntiDiscrimination().filter((f) => f.year === year),
    },
    fineLeadTime: {
      normMonths: lead.norm_months,
      normShare: lead.norm_share,
      realisedShare: realised?.share ?? null,
      met: realised ? realised.share >= lead.norm_share : null,
      source: realised ? `${lead.source}; ${realised.source}` : lead.source,
    },
  };
}
