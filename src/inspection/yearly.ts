/**
 * The yearly inspection report computed from Trede's own inspection dossiers: the VSI table per
 * domain (dossiers opened in the year, Pro Justitia, proposed recoveries), the anti-discrimination
 * figures of that domain and the administrative fines' lead time against the decree's term. For
 * 2021 and 2022 the seed's figures come beside it as reference data (report.ts), so the two can be
 * read side by side. Aggregates only: an analist may read it, a werkgever may not.
 */
import { type Actor, assertCan } from '../access/index.ts';
import type { Queryable } from '../db/index.ts';
import { addMonths, type IsoDate, ValidationError } from '../domain/index.ts';
import { DOMAINS } from './inspections.ts';
import { ANTI_DISCRIMINATION, VSI_YEARS } from './reference.ts';
import { type VsiReport, vsiReport } from './report.ts';

/** The VSI table's domain for the anti-discrimination controls (seeds/001_4a57afe77d69f3a4.txt:L9900). */
export const ANTI_DISCRIMINATION_DOMAIN = 'bestrijding antidiscriminatie';

export interface ComputedRow {
  domain: string;
  dossiers: number;
  pj: number;
  recoveriesCents: number;
}

export interface FineLeadTime {
  normMonths: number;
  normShare: number;
  /** Fines imposed in the year (closing outcome administratieve-geldboete). */
  fines: number;
  /** Of which the parket's decision day is known, so the term can be measured. */
  measured: number;
  withinNorm: number;
  /** withinNorm ÷ measured × 100, one decimal; null without measured fines. */
  share: number | null;
  met: boolean | null;
  /** Fine dossiers whose parket decision day is not recorded. */
  unmeasured: string[];
  source: string;
}

export interface InspectionYearReport {
  year: number;
  computed: {
    basis: 'inspectiedossiers';
    total: ComputedRow;
    domains: ComputedRow[];
    antiDiscrimination: { metric: string; value: number }[];
    fineLeadTime: FineLeadTime;
  };
  /** The seed's table and figures for 2021 and 2022; null for other years. */
  reference: VsiReport | null;
}

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

export async function inspectionReport(
  db: Queryable,
  actor: Actor,
  year: number,
): Promise<InspectionYearReport> {
  assertCan(actor, 'inspection:report');
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR)
    throw ValidationError.field('year', `een jaar tussen ${MIN_YEAR} en ${MAX_YEAR}`);
  const from = `${year}-01-01`;
  const to = `${year + 1}-01-01`;
  const { rows } = await db.query<{ domain: string; dossiers: number; pj: number; rec: string | number }>(
    `SELECT domain, count(*)::int AS dossiers,
       count(*) FILTER (WHERE outcome = 'pro-justitia')::int AS pj,
       COALESCE(sum(recovery_cents) FILTER (WHERE outcome = 'terugvordering-voorgesteld'), 0) AS rec
     FROM inspection_dossiers WHERE opened_on >= $1::date AND opened_on < $2::date GROUP BY domain`,
    [from, to],
  );
  const byDomain = new Map(rows.map((r) => [r.domain, r]));
  const domains: ComputedRow[] = DOMAINS.map((d) => {
    const r = byDomain.get(d);
    return { domain: d, dossiers: r?.dossiers ?? 0, pj: r?.pj ?? 0, recoveriesCents: Number(r?.rec ?? 0) };
  });
  const total: ComputedRow = {
    domain: 'TOTAAL',
    dossiers: domains.reduce((s, d) => s + d.dossiers, 0),
    pj: domains.reduce((s, d) => s + d.pj, 0),
    recoveriesCents: domains.reduce((s, d) => s + d.recoveriesCents, 0),
  };
  return {
    year,
    computed: {
      basis: 'inspectiedossiers',
      total,
      domains,
      antiDiscrimination: await antiDiscrimination(db, from, to),
      fineLeadTime: await fineLeadTime(db, year),
    },
    reference: (VSI_YEARS as readonly number[]).includes(year) ? vsiReport(actor, year) : null,
  };
}

/** The metrics the seed prints for anti-discrimination (seeds/000_3bfdbb028fdab786.txt:L4203-4206). */
async function antiDiscrimination(db: Queryable, from: string, to: string) {
  const { rows } = await db.query<{ controles: number; klachten: number; w: number; wt: number; pj: number }>(
    `SELECT count(*)::int AS controles,
       count(*) FILTER (WHERE origin = 'klacht')::int AS klachten,
       count(*) FILTER (WHERE outcome = 'waarschuwing')::int AS w,
       count(*) FILTER (WHERE outcome = 'waarschuwing-met-termijn')::int AS wt,
       count(*) FILTER (WHERE outcome = 'pro-justitia')::int AS pj
     FROM inspection_dossiers WHERE domain = $1 AND opened_on >= $2::date AND opened_on < $3::date`,
    [ANTI_DISCRIMINATION_DOMAIN, from, to],
  );
  const r = rows[0] ?? { controles: 0, klachten: 0, w: 0, wt: 0, pj: 0 };
  return [
    { metric: 'controles', value: r.controles },
    { metric: 'klachten', value: r.klachten },
    { metric: 'waarschuwingen', value: r.w },
    { metric: 'waarschuwingen-met-termijn', value: r.wt },
    { metric: 'waarschuwingen-totaal', value: r.w + r.wt },
    { metric: 'pj', value: r.pj },
  ];
}

/**
 * Fines imposed in the year, each measured from the parket's decision not to prosecute to the
 * closing day; within the norm when imposed no later than normMonths calendar months after it
 * (seeds/001_4a57afe77d69f3a4.txt:L9376-9379).
 */
async function fineLeadTime(db: Queryable, year: number): Promise<FineLeadTime> {
  const lead = ANTI_DISCRIMINATION.fine_lead_time;
  const { rows } = await db.query<{ reference: string; data: Record<string, unknown> }>(
    `SELECT d.reference, e.data FROM inspection_events e JOIN inspection_dossiers d ON d.id = e.inspection_id
     WHERE e.action = 'afsluiten' AND e.data->>'outcome' = 'administratieve-geldboete'
       AND e.data->>'fineImposedOn' >= $1 AND e.data->>'fineImposedOn' < $2 ORDER BY d.reference`,
    [`${year}-01-01`, `${year + 1}-01-01`],
  );
  let measured = 0;
  let withinNorm = 0;
  const unmeasured: string[] = [];
  for (const r of rows) {
    const decision = r.data['prosecutorDecisionOn'];
    const imposed = String(r.data['fineImposedOn']);
    if (typeof decision !== 'string') {
      unmeasured.push(r.reference);
      continue;
    }
    measured++;
    if (imposed <= addMonths(decision as IsoDate, lead.norm_months)) withinNorm++;
  }
  const share = measured ? Math.round((withinNorm / measured) * 1000) / 10 : null;
  return {
    normMonths: lead.norm_months,
    normShare: lead.norm_share,
    fines: rows.length,
    measured,
    withinNorm,
    share,
    met: share === null ? null : share >= lead.norm_share,
    unmeasured,
    source: lead.source,
  };
}
