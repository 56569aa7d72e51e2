/**
 * What a settlement run reads from the registry, pseudonymised (never the INSZ): the worker-months
 * of a measure (placement × month with the monthly wage data and the support package in force) and
 * the contingent facts of a year (the contingent per quarter and the VTE employed in it).
 */
import type { Actor } from '../access/index.ts';
import type { Queryable } from '../db/index.ts';
import { money, RuleViolationError } from '../domain/index.ts';
import { assertCanReadRegistry } from './access.ts';

export interface WorkerMonthFact {
  kbo: string;
  /** The person's stable pseudonym. */
  worker: string;
  month: string;
  package: string;
  wageCents: number;
  fte: number;
  /** Set when the placement starts or ends within the month. */
  from?: string;
  to?: string;
}

const monthEnd = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
};

/**
 * Every worker-month of `measure` in `months` that has wage data, with the support package in force
 * on the first day employed in the month. A worker-month with wages but no package stops the run:
 * the loonpremie percentage would be unknown.
 */
export async function listWorkerMonths(
  db: Queryable,
  actor: Actor,
  filter: { measure: string; months: string[] },
): Promise<WorkerMonthFact[]> {
  assertCanReadRegistry(actor);
  const { rows } = await db.query<{
    kbo: string;
    pseudonym: string;
    month: string;
    reference_wage_cents: string;
    fte: string;
    start_date: string;
    end_date: string | null;
    package: string | null;
  }>(
    `SELECT o.kbo, pe.pseudonym, w.month, w.reference_wage_cents::text, w.fte::text,
            p.start_date::text AS start_date, p.end_date::text AS end_date,
            (SELECT s.package FROM support_packages s WHERE s.placement_id = p.id
                AND s.valid_from <= GREATEST(p.start_date, (w.month || '-01')::date)
              ORDER BY s.valid_from DESC LIMIT 1) AS package
       FROM wage_months w JOIN placements p ON p.id = w.placement_id
       JOIN persons pe ON pe.id = p.person_id JOIN organisations o ON o.id = p.organisation_id
      WHERE p.measure = $1 AND w.month = ANY($2::text[])
      ORDER BY o.kbo, pe.pseudonym, w.month`,
    [filter.measure, filter.months],
  );
  const missing = rows.filter((r) => r.package === null);
  if (missing.length) {
    const first = missing[0]!;
    throw new RuleViolationError(
      'support_package_missing',
      `${missing.length} werknemer-maand(en) hebben loongegevens maar geen ondersteuningspakket, bv. werknemer ${first.pseudonym} bij ${first.kbo} in ${first.month}: importeer de pakketten (npx trede registry import pakketten <bestand>).`,
      { worker: first.pseudonym, kbo: first.kbo, month: first.month },
    );
  }
  return rows.map((r) => {
    const fact: WorkerMonthFact = {
      kbo: r.kbo,
      worker: r.pseudonym,
      month: r.month,
      package: r.package!,
      wageCents: Number(r.reference_wage_cents),
      fte: Number(r.fte),
    };
    if (r.start_date > `${r.month}-01`) fact.from = r.start_date;
    if (r.end_date !== null && r.end_date < monthEnd(r.month)) fact.to = r.end_date;
    return fact;
  });
}

export interface ContingentFact {
  kbo: string;
  quarters: {
    quarter: string;
    /** Current contingent of the quarter, hundredths of a VTE. */
    contingent: number;
    /** VTE employed in the measure in the quarter (placements, pro rata of the days), hundredths. */
    employed: number;
  }[];
}

const DAY = 86_400_000;
const days = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY) + 1;

function quarterBounds(year: number, q: number): [string, string] {
  const first = (q - 1) * 3 + 1;
  const start = `${year}-${String(first).padStart(2, '0')}-01`;
  return [start, monthEnd(`${year}-${String(first + 2).padStart(2, '0')}`)];
}

/**
 * The contingent facts of a fill year for every organisation with a contingent for `measure`:
 * employed VTE per quarter = Σ placement VTE × days in the quarter ÷ days of the quarter,
 * rounded once per organisation and quarter to 0,01 VTE.
 */
export async function listContingentFacts(
  db: Queryable,
  actor: Actor,
  filter: { measure: string; year: number },
): Promise<ContingentFact[]> {
  assertCanReadRegistry(actor);
  const quarters = [1, 2, 3, 4].map((q) => `${filter.year}-Q${q}`);
  const { rows: cont } = await db.query<{
    organisation_id: string;
    kbo: string;
    quarter: string;
    fte: string;
  }>(
    `SELECT DISTINCT ON (c.organisation_id, c.quarter) c.organisation_id, o.kbo, c.quarter, c.fte::text AS fte
       FROM contingents c JOIN organisations o ON o.id = c.organisation_id
      WHERE c.measure = $1 AND c.quarter = ANY($2::text[])
      ORDER BY c.organisation_id, c.quarter, c.id DESC`,
    [filter.measure, quarters],
  );
  const orgs = new Map<string, { kbo: string; contingent: number[]; units: number[] }>();
  for (const r of cont) {
    let o = orgs.get(r.organisation_id);
    if (!o) {
      o = { kbo: r.kbo, contingent: [0, 0, 0, 0], units: [0, 0, 0, 0] };
      orgs.set(r.organisation_id, o);
    }
    o.contingent[Number(r.quarter.slice(6)) - 1] = Math.round(Number(r.fte) * 100);
  }
  const { rows: pl } = await db.query<{
    organisation_id: string;
    start_date: string;
    end_date: string | null;
    fte: string;
  }>(
    `SELECT organisation_id, start_date::text AS start_date, end_date::text AS end_date, fte::text AS fte
       FROM placements WHERE measure = $1 AND organisation_id = ANY($2::uuid[])
        AND start_date <= $4::date AND (end_date IS NULL OR end_date >= $3::date)`,
    [filter.measure, [...orgs.keys()], `${filter.year}-01-01`, `${filter.year}-12-31`],
  );
  // VTE × days as integers (VTE has four decimals in the register).
  const lengths = [1, 2, 3, 4].map((q) => {
    const [s, e] = quarterBounds(filter.year, q);
    return days(s, e);
  });
  for (const p of pl) {
    const o = orgs.get(p.organisation_id)!;
    const fteUnits = Math.round(Number(p.fte) * 10_000);
    for (let q = 1; q <= 4; q += 1) {
      const [s, e] = quarterBounds(filter.year, q);
      const from = p.start_date > s ? p.start_date : s;
      const to = p.end_date !== null && p.end_date < e ? p.end_date : e;
      if (from <= to) o.units[q - 1]! += fteUnits * days(from, to);
    }
  }
  return [...orgs.values()]
    .sort((a, b) => (a.kbo < b.kbo ? -1 : 1))
    .map((o) => ({
      kbo: o.kbo,
      quarters: quarters.map((quarter, i) => ({
        quarter,
        contingent: o.contingent[i]!,
        employed: money.divRound(o.units[i]! * 100, 10_000 * lengths[i]!),
      })),
    }));
}
