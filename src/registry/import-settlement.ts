/**
 * The registry data a settlement run reads, by import (all-or-nothing like import.ts, each bad row
 * reported as `line N, column C: why`, idempotent):
 *
 * - `contingenten` (kbo, maatregel, kwartaal, vte[, reden]): the contingent in VTE per quarter,
 *   appended to the append-only `contingents` table only where it differs from the current value.
 * - `pakketten` (insz, kbo, maatregel, pakket, vanaf): the werkondersteuningspakket of a placement
 *   from a date (seeds/004_694cfc149f605398.txt:L1740-1744).
 * - `loonmaanden` (insz, kbo, maatregel, maand, referteloon, vte): the monthly referteloon and the
 *   contract fraction of a placement.
 */
import type { Queryable } from '../db/index.ts';
import { isIsoDate, parseInsz } from '../domain/index.ts';
import { SUPPORT_PACKAGES } from '../rules/index.ts';
import {
  IMPORT_COLUMNS,
  type ImportInput,
  type ImportIssue,
  ImportRejectedError,
  type ImportReport,
} from './import.ts';
import { checkedRows, type Err, euroCents, kbo } from './import-fields.ts';
import { measureIds } from './measures.ts';

type Kind = 'contingenten' | 'pakketten' | 'loonmaanden';

interface ContingentRow {
  kind: 'contingenten';
  kbo: string;
  measure: string;
  quarter: string;
  hundredths: number;
  reason: string | null;
}
interface PackageRow {
  kind: 'pakketten';
  insz: string;
  kbo: string;
  measure: string;
  package: string;
  from: string;
}
interface WageMonthRow {
  kind: 'loonmaanden';
  insz: string;
  kbo: string;
  measure: string;
  month: string;
  cents: number;
  fte: number;
}
type Row = ContingentRow | PackageRow | WageMonthRow;

const QUARTER = /^(\d{4})-Q([1-4])$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

function inszOf(v: string, err: Err): string | null {
  const r = parseInsz(v);
  if (!r.ok) {
    err('insz', `ongeldig INSZ '${v}': ${r.reason}`);
    return null;
  }
  return r.value.insz;
}
function measureOf(v: string, err: Err, measures: Set<string>): string | null {
  if (!measures.has(v)) {
    err(
      'maatregel',
      `onbekende maatregel '${v}'; gebruik een id uit de regelcatalogus (npx trede rules list)`,
    );
    return null;
  }
  return v;
}
/** A decimal with at most `decimals` decimals as an integer of 10^-decimals units, or null. */
function fixed(v: string, decimals: number): number | null {
  const m = new RegExp(`^(\\d+)(?:\\.(\\d{1,${decimals}}))?$`).exec(v);
  if (!m) return null;
  return Number(m[1]) * 10 ** decimals + Number((m[2] ?? '').padEnd(decimals, '0'));
}

function validate(kind: Kind, v: Record<string, string>, err: Err, measures: Set<string>): Row | null {
  if (kind === 'contingenten') {
    const org = kbo(v['kbo'] ?? '', err);
    const measure = measureOf(v['maatregel'] ?? '', err, measures);
    const quarter = v['kwartaal'] ?? '';
    if (!QUARTER.test(quarter))
      err('kwartaal', `'${quarter}' is geen kwartaal; schrijf JJJJ-Qn, bv. 2024-Q1`);
    const hundredths = fixed(v['vte'] ?? '', 2);
    if (hundredths === null)
      err(
        'vte',
        `'${v['vte'] ?? ''}' is geen aantal VTE (punt als decimaalteken, hoogstens 2 decimalen, niet negatief)`,
      );
    const reason = (v['reden'] ?? '').trim() || null;
    if (reason && reason.length > 500) err('reden', 'de reden is langer dan 500 tekens');
    if (!org || !measure || !QUARTER.test(quarter) || hundredths === null) return null;
    return { kind, kbo: org, measure, quarter, hundredths, reason };
  }
  const insz = inszOf(v['insz'] ?? '', err);
  const org = kbo(v['kbo'] ?? '', err);
  const measure = measureOf(v['maatregel'] ?? '', err, measures);
  if (kind === 'pakketten') {
    const pkg = v['pakket'] ?? '';
    const pkgOk = (SUPPORT_PACKAGES as readonly string[]).includes(pkg);
    if (!pkgOk) err('pakket', `onbekend pakket '${pkg}'; kies uit: ${SUPPORT_PACKAGES.join(', ')}`);
    const from = v['vanaf'] ?? '';
    if (!isIsoDate(from)) err('vanaf', `'${from}' is geen geldige datum; gebruik JJJJ-MM-DD, bv. 2024-01-01`);
    if (!insz || !org || !measure || !pkgOk || !isIsoDate(from)) return null;
    return { kind, insz, kbo: org, measure, package: pkg, from };
  }
  const month = v['maand'] ?? '';
  if (!MONTH.test(month)) err('maand', `'${month}' is geen maand; schrijf JJJJ-MM, bv. 2024-01`);
  const cents = euroCents(v['referteloon'] ?? '');
  if (cents === null)
    err(
      'referteloon',
      `'${v['referteloon'] ?? ''}' is geen bedrag in euro (punt als decimaalteken, hoogstens 2 decimalen)`,
    );
  const fteUnits = fixed(v['vte'] ?? '', 4);
  if (fteUnits === null) err('vte', `'${v['vte'] ?? ''}' is geen VTE-breuk (bv. 0.5, hoogstens 4 decimalen)`);
  else if (fteUnits === 0 || fteUnits > 10_000) err('vte', 'VTE moet groter zijn dan 0 en hoogstens 1');
  if (!insz || !org || !measure || !MONTH.test(month) || cents === null || !fteUnits || fteUnits > 10_000)
    return null;
  return { kind, insz, kbo: org, measure, month, cents, fte: fteUnits / 10_000 };
}

function naturalKey(r: Row): string {
  if (r.kind === 'contingenten') return `${r.kbo}|${r.measure}|${r.quarter}`;
  if (r.kind === 'pakketten') return `${r.insz}|${r.kbo}|${r.measure}|${r.from}`;
  return `${r.insz}|${r.kbo}|${r.measure}|${r.month}`;
}
const duplicateColumn: Record<Kind, string> = {
  contingenten: 'kwartaal',
  pakketten: 'vanaf',
  loonmaanden: 'maand',
};

const monthEnd = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
};

export async function runSettlementDataImport(
  tx: Queryable,
  input: ImportInput,
  actorLabel: string,
): Promise<ImportReport> {
  const kind = input.kind as Kind;
  const spec = IMPORT_COLUMNS[kind];
  const measures = await measureIds();
  const issues: ImportIssue[] = [];
  const rows = await checkedRows<Row>(input.records, spec.required, issues, {
    check: (values, err) => validate(kind, values, err, measures),
    key: naturalKey,
    duplicate: (earlier) => ({
      column: duplicateColumn[kind],
      message: `dubbele rij: dezelfde gegevens staan al op regel ${earlier}`,
    }),
  });
  await resolve(tx, kind, rows, issues);
  if (issues.length) throw new ImportRejectedError(issues.sort((a, b) => a.line - b.line));
  const { inserted, updated } = await write(tx, kind, rows, actorLabel);
  return { kind, rows: rows.length, inserted, updated, unchanged: rows.length - inserted - updated };
}

/** Organisations (contingents) or placements (packages, wages) must be in the register. */
async function resolve(
  tx: Queryable,
  kind: Kind,
  rows: { line: number; row: Row; ref?: string }[],
  issues: ImportIssue[],
): Promise<void> {
  if (kind === 'contingenten') {
    const { rows: found } = await tx.query<{ id: string; kbo: string }>(
      'SELECT id, kbo FROM organisations WHERE kbo = ANY($1::text[])',
      [[...new Set(rows.map((r) => (r.row as ContingentRow).kbo))]],
    );
    const ids = new Map(found.map((o) => [o.kbo, o.id]));
    for (const r of rows) {
      r.ref = ids.get((r.row as ContingentRow).kbo);
      if (!r.ref)
        issues.push({
          line: r.line,
          column: 'kbo',
          value: (r.row as ContingentRow).kbo,
          message: 'geen organisatie met dit KBO-nummer in het register (importeer eerst de organisaties)',
        });
    }
    return;
  }
  const { rows: found } = await tx.query<{
    id: string;
    insz: string;
    kbo: string;
    measure: string;
    start_date: string;
    end_date: string | null;
  }>(
    `SELECT p.id, pe.insz, o.kbo, p.measure, p.start_date::text AS start_date, p.end_date::text AS end_date
       FROM placements p JOIN persons pe ON pe.id = p.person_id JOIN organisations o ON o.id = p.organisation_id
      WHERE pe.insz = ANY($1::text[])`,
    [[...new Set(rows.map((r) => (r.row as PackageRow | WageMonthRow).insz))]],
  );
  const byKey = new Map<string, typeof found>();
  for (const p of found) {
    const k = `${p.insz}|${p.kbo}|${p.measure}`;
    byKey.set(k, [...(byKey.get(k) ?? []), p]);
  }
  for (const r of rows) {
    const row = r.row as PackageRow | WageMonthRow;
    const candidates = byKey.get(`${row.insz}|${row.kbo}|${row.measure}`) ?? [];
    // A package applies from a day; a wage month to the placement that runs in that month.
    const [from, to] =
      row.kind === 'pakketten' ? [row.from, row.from] : [`${row.month}-01`, monthEnd(row.month)];
    const hit = candidates.filter((p) => p.start_date <= to && (p.end_date === null || p.end_date >= from));
    if (hit.length === 1) r.ref = hit[0]!.id;
    else
      issues.push({
        line: r.line,
        column: row.kind === 'pakketten' ? 'vanaf' : 'maand',
        value: row.kind === 'pakketten' ? row.from : row.month,
        message:
          candidates.length === 0
            ? 'geen plaatsing van deze persoon bij deze organisatie voor deze maatregel in het register'
            : hit.length === 0
              ? `de plaatsing van deze persoon bij deze organisatie loopt niet ${row.kind === 'pakketten' ? 'op deze datum' : 'in deze maand'}`
              : 'twee plaatsingen lopen in deze maand; splits de loongegevens per plaatsing',
      });
  }
}

async function write(
  tx: Queryable,
  kind: Kind,
  rows: { line: number; row: Row; ref?: string }[],
  actorLabel: string,
): Promise<{ inserted: number; updated: number }> {
  let inserted = 0;
  let updated = 0;
  if (kind === 'contingenten') {
    // Append-only history: add a row only where the value differs from the current one.
    const { rows: current } = await tx.query<{ key: string; fte: string }>(
      `SELECT DISTINCT ON (organisation_id, measure, quarter)
              organisation_id::text || '|' || measure || '|' || quarter AS key, fte::text AS fte
         FROM contingents WHERE organisation_id = ANY($1::uuid[])
        ORDER BY organisation_id, measure, quarter, id DESC`,
      [[...new Set(rows.map((r) => r.ref!))]],
    );
    const now = new Map(current.map((c) => [c.key, Math.round(Number(c.fte) * 100)]));
    const changed = rows.filter((r) => {
      const c = r.row as ContingentRow;
      const prev = now.get(`${r.ref}|${c.measure}|${c.quarter}`);
      if (prev === undefined) inserted++;
      else if (prev !== c.hundredths) updated++;
      return prev !== c.hundredths;
    });
    if (changed.length)
      await tx.query(
        `INSERT INTO contingents (organisation_id, measure, quarter, fte, reason, recorded_by)
         SELECT o, m, q, f / 100.0, r, $6 FROM unnest($1::uuid[], $2::text[], $3::text[], $4::bigint[], $5::text[]) AS x(o, m, q, f, r)`,
        [
          changed.map((r) => r.ref),
          changed.map((r) => (r.row as ContingentRow).measure),
          changed.map((r) => (r.row as ContingentRow).quarter),
          changed.map((r) => (r.row as ContingentRow).hundredths),
          changed.map((r) => (r.row as ContingentRow).reason ?? 'import'),
          actorLabel,
        ],
      );
    return { inserted, updated };
  }
  const { rows: out } =
    kind === 'pakketten'
      ? await tx.query<{ inserted: boolean }>(
          `INSERT INTO support_packages (placement_id, package, valid_from)
           SELECT * FROM unnest($1::uuid[], $2::text[], $3::date[])
           ON CONFLICT (placement_id, valid_from) DO UPDATE SET package = EXCLUDED.package, updated_at = now()
           WHERE support_packages.package IS DISTINCT FROM EXCLUDED.package
           RETURNING (xmax = 0) AS inserted`,
          [
            rows.map((r) => r.ref),
            rows.map((r) => (r.row as PackageRow).package),
            rows.map((r) => (r.row as PackageRow).from),
          ],
        )
      : await tx.query<{ inserted: boolean }>(
          `INSERT INTO wage_months (placement_id, month, reference_wage_cents, fte)
           SELECT * FROM unnest($1::uuid[], $2::text[], $3::bigint[], $4::numeric[])
           ON CONFLICT (placement_id, month) DO UPDATE SET reference_wage_cents = EXCLUDED.reference_wage_cents,
             fte = EXCLUDED.fte, updated_at = now()
           WHERE (wage_months.reference_wage_cents, wage_months.fte) IS DISTINCT FROM
                 (EXCLUDED.reference_wage_cents, EXCLUDED.fte)
           RETURNING (xmax = 0) AS inserted`,
          [
            rows.map((r) => r.ref),
            rows.map((r) => (r.row as WageMonthRow).month),
            rows.map((r) => (r.row as WageMonthRow).cents),
            rows.map((r) => (r.row as WageMonthRow).fte),
          ],
        );
  for (const x of out) x.inserted ? inserted++ : updated++;
  return { inserted, updated };
}
