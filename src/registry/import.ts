/**
 * Bulk import of organisations, persons and placements from CSV or XLSX.
 *
 * - Streamed: records are read one at a time (csv-parse, exceljs' streaming reader), never the
 *   whole file as one string; only the validated rows are kept.
 * - Every bad row is reported as `line N, column C: why` (line numbers as in the file, the header
 *   being line 1) and then nothing is written.
 * - All-or-nothing: the writes run in the one transaction of the `registry/import` command; the
 *   placement rules (overlap, FTE ≤ 1) are checked after the writes and roll everything back.
 * - Idempotent: upserts on natural keys (kbo; insz; placement = insz + kbo + maatregel + start)
 *   that leave identical rows untouched, so a re-import changes nothing.
 */
import { z } from 'zod';
import { defineCommand } from '../commands/index.ts';
import type { Queryable } from '../db/index.ts';
import { parseInsz } from '../domain/index.ts';
import { assertCan } from './access.ts';
import { ibanProblem, normaliseBic, normaliseIban } from './bank-account.ts';
import { type ImportIssue, type ImportRecord, ImportRejectedError } from './import-readers.ts';
import { measureIds } from './measures.ts';
import { ORGANISATION_TYPES } from './organisations.ts';
import { pseudonymFor, pseudonymKey } from './persons.ts';
import { lockPersons, placementViolations } from './placements.ts';

export const IMPORT_KINDS = [
  'organisaties',
  'personen',
  'plaatsingen',
  'indicaties',
  'lonen',
  // Settlement data (import-settlement.ts): contingents, support packages, monthly wages.
  'contingenten',
  'pakketten',
  'loonmaanden',
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** Required columns per kind (exact header names); more columns are allowed. */
export const IMPORT_COLUMNS: Record<ImportKind, { required: string[]; optional: string[] }> = {
  organisaties: {
    required: ['kbo', 'naam', 'type', 'nis_code'],
    optional: ['rechtsvorm', 'straat', 'postcode', 'gemeente', 'iban', 'bic'],
  },
  personen: { required: ['insz', 'voornaam', 'achternaam'], optional: [] },
  plaatsingen: {
    required: ['insz', 'kbo', 'maatregel', 'start', 'einde', 'vte', 'uren_per_week'],
    optional: [],
  },
  indicaties: {
    required: ['insz', 'datum'],
    optional: ['trede', 'doelgroep', 'productiviteitsverlies', 'begeleidingsnood', 'ticket', 'geldig_tot'],
  },
  lonen: {
    required: ['insz', 'kbo', 'maatregel', 'start', 'kwartaal', 'brutoloon', 'dagen', 'vte'],
    optional: [],
  },
  contingenten: { required: ['kbo', 'maatregel', 'kwartaal', 'vte'], optional: ['reden'] },
  pakketten: { required: ['insz', 'kbo', 'maatregel', 'pakket', 'vanaf'], optional: [] },
  loonmaanden: { required: ['insz', 'kbo', 'maatregel', 'maand', 'referteloon', 'vte'], optional: [] },
};

export {
  csvRecords,
  formatFromName,
  formatIssue,
  type ImportFormat,
  type ImportIssue,
  type ImportRecord,
  ImportRejectedError,
  recordsOf,
  xlsxRecords,
} from './import-readers.ts';

// ---- validation -------------------------------------------------------------------------------

import { type IndicationRow, validateIndication, validateWage, type WageRow } from './import-details.ts';
import { checkedRows, date, decimal, type Err, kbo } from './import-fields.ts';

interface OrgRow {
  kbo: string;
  name: string;
  type: string;
  nisCode: string | null;
  legalForm: string | null;
  street: string | null;
  postalCode: string | null;
  municipality: string | null;
  iban: string | null;
  bic: string | null;
}
interface PersonRow {
  insz: string;
  firstName: string | null;
  lastName: string | null;
  birthDate: string | null;
  sex: string | null;
}
interface PlacementRow {
  insz: string;
  kbo: string;
  measure: string;
  start: string;
  end: string | null;
  fte: number;
  hours: number | null;
}

const blank = (v: string | undefined) => (v === undefined || v === '' ? null : v);

function validateOrganisation(v: Record<string, string>, err: Err): OrgRow | null {
  const k = kbo(v['kbo'] ?? '', err);
  const name = v['naam'] ?? '';
  if (!name) err('naam', 'vul de naam in');
  else if (name.length > 300) err('naam', 'de naam is langer dan 300 tekens');
  const type = v['type'] ?? '';
  if (!Object.hasOwn(ORGANISATION_TYPES, type))
    err('type', `onbekend type '${type}'; kies uit: ${Object.keys(ORGANISATION_TYPES).join(', ')}`);
  const nis = blank(v['nis_code']);
  if (nis !== null && !/^\d{5}$/.test(nis))
    err('nis_code', `'${nis}' is geen NIS-code; een NIS-code telt 5 cijfers`);
  const postalCode = blank(v['postcode']);
  if (postalCode !== null && !/^\d{4}$/.test(postalCode))
    err('postcode', 'een Belgische postcode telt 4 cijfers');
  const iban = blank(v['iban']);
  const ibanError = iban === null ? null : ibanProblem(iban);
  if (ibanError) err('iban', ibanError);
  const bic = blank(v['bic']);
  if (bic !== null && !normaliseBic(bic)) err('bic', `'${bic}' is geen geldige BIC (8 of 11 tekens)`);
  if (!k) return null;
  return {
    iban: iban === null ? null : normaliseIban(iban),
    bic: bic === null ? null : normaliseBic(bic),
    kbo: k,
    name,
    type,
    nisCode: nis,
    legalForm: blank(v['rechtsvorm']),
    street: blank(v['straat']),
    postalCode,
    municipality: blank(v['gemeente']),
  };
}

function validatePerson(v: Record<string, string>, err: Err): PersonRow | null {
  const r = parseInsz(v['insz'] ?? '');
  if (!r.ok) {
    err('insz', `ongeldig INSZ '${v['insz'] ?? ''}': ${r.reason}`);
    return null;
  }
  for (const c of ['voornaam', 'achternaam']) if ((v[c] ?? '').length > 200) err(c, 'langer dan 200 tekens');
  return {
    insz: r.value.insz,
    firstName: blank(v['voornaam']),
    lastName: blank(v['achternaam']),
    birthDate: r.value.birthDate,
    sex: r.value.sex,
  };
}

function validatePlacement(v: Record<string, string>, err: Err, measures: Set<string>): PlacementRow | null {
  const r = parseInsz(v['insz'] ?? '');
  if (!r.ok) err('insz', `ongeldig INSZ '${v['insz'] ?? ''}': ${r.reason}`);
  const k = kbo(v['kbo'] ?? '', err);
  const measure = v['maatregel'] ?? '';
  if (!measures.has(measure))
    err('maatregel', `onbekende maatregel '${measure}'; gebruik een id uit de regelcatalogus`);
  const start = date(v['start'] ?? '', 'start', err);
  const end = blank(v['einde']) === null ? null : date(v['einde']!, 'einde', err);
  if (start && end && end < start) err('einde', `het einde (${end}) ligt voor de start (${start})`);
  const fte = decimal(v['vte'] ?? '', 'vte', err, { gtZero: true, max: 1, label: 'VTE' });
  const hoursText = blank(v['uren_per_week']);
  const hours =
    hoursText === null
      ? null
      : decimal(hoursText, 'uren_per_week', err, { gtZero: true, max: 60, label: 'uren per week' });
  if (!r.ok || !k || !start || fte === null || !measures.has(measure)) return null;
  return { insz: r.value.insz, kbo: k, measure, start, end, fte, hours };
}

// ---- the command ------------------------------------------------------------------------------

export interface ImportReport {
  kind: ImportKind;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
}

export interface ImportInput {
  kind: ImportKind;
  fileName: string;
  records: AsyncIterable<ImportRecord>;
}

const CHUNK = 5000;

async function inChunks<T>(rows: T[], fn: (chunk: T[]) => Promise<void>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await fn(rows.slice(i, i + CHUNK));
}

export const importRegistry = defineCommand({
  name: 'registry/import',
  summary: 'Leest organisaties, personen of plaatsingen in uit CSV of XLSX: alles of niets, zonder dubbels.',
  input: z.object({
    kind: z.enum(IMPORT_KINDS, { error: `kies een soort: ${IMPORT_KINDS.join(', ')}` }),
    fileName: z.string().max(300),
    records: z.custom<AsyncIterable<ImportRecord>>(
      (v) => typeof v === 'object' && v !== null && Symbol.asyncIterator in v,
      'geen bestand',
    ),
  }),
  authorize: ({ actor }) => assertCan(actor, 'registry:write'),
  async run({ tx, actor }, input) {
    const report = await runImport(tx, input, actor.label);
    return {
      result: report,
      audit: { entityType: 'import', entityId: input.kind, data: { fileName: input.fileName, ...report } },
    };
  },
});

async function runImport(tx: Queryable, input: ImportInput, actorLabel: string): Promise<ImportReport> {
  if (input.kind === 'indicaties' || input.kind === 'lonen') return runDetailImport(tx, input);
  if (input.kind === 'contingenten' || input.kind === 'pakketten' || input.kind === 'loonmaanden') {
    // Loaded here, not at the top: import-settlement.ts builds on this file.
    const { runSettlementDataImport } = await import('./import-settlement.ts');
    return runSettlementDataImport(tx, input, actorLabel);
  }
  const issues: ImportIssue[] = [];
  const spec = IMPORT_COLUMNS[input.kind];
  const measures = input.kind === 'plaatsingen' ? await measureIds() : new Set<string>();
  const kind = input.kind;
  const rows = await checkedRows<OrgRow | PersonRow | PlacementRow>(input.records, spec.required, issues, {
    check: (values, err) =>
      kind === 'organisaties'
        ? validateOrganisation(values, err)
        : kind === 'personen'
          ? validatePerson(values, err)
          : validatePlacement(values, err, measures),
    key: (row) => naturalKey(kind, row),
    duplicate: (earlier) => {
      const column = kind === 'organisaties' ? 'kbo' : kind === 'personen' ? 'insz' : 'start';
      const what = kind === 'plaatsingen' ? 'plaatsing (insz, kbo, maatregel, start)' : column;
      return { column, message: `dubbele rij: dezelfde ${what} staat al op regel ${earlier}` };
    },
  });
  if (input.kind === 'plaatsingen')
    await resolveReferences(tx, rows as { line: number; row: PlacementRow }[], issues);
  if (issues.length) throw new ImportRejectedError(issues.sort((a, b) => a.line - b.line));

  let inserted = 0;
  let updated = 0;
  const count = (r: { inserted: boolean }[]) => {
    for (const x of r) x.inserted ? inserted++ : updated++;
  };
  if (input.kind === 'organisaties') {
    await inChunks(
      rows.map((r) => r.row as OrgRow),
      async (c) => {
        const { rows: out } = await tx.query<{ inserted: boolean }>(
          `INSERT INTO organisations (kbo, name, type, nis_code, legal_form, street, postal_code, municipality, iban, bic)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])
         ON CONFLICT (kbo) DO UPDATE SET name = EXCLUDED.name, type = EXCLUDED.type, nis_code = EXCLUDED.nis_code,
           legal_form = COALESCE(EXCLUDED.legal_form, organisations.legal_form),
           street = COALESCE(EXCLUDED.street, organisations.street),
           postal_code = COALESCE(EXCLUDED.postal_code, organisations.postal_code),
           municipality = COALESCE(EXCLUDED.municipality, organisations.municipality),
           iban = COALESCE(EXCLUDED.iban, organisations.iban), bic = COALESCE(EXCLUDED.bic, organisations.bic), updated_at = now()
         WHERE (organisations.name, organisations.type, organisations.nis_code) IS DISTINCT FROM
               (EXCLUDED.name, EXCLUDED.type, EXCLUDED.nis_code)
            OR (EXCLUDED.legal_form IS NOT NULL AND EXCLUDED.legal_form IS DISTINCT FROM organisations.legal_form)
            OR (EXCLUDED.street IS NOT NULL AND EXCLUDED.street IS DISTINCT FROM organisations.street)
            OR (EXCLUDED.postal_code IS NOT NULL AND EXCLUDED.postal_code IS DISTINCT FROM organisations.postal_code)
            OR (EXCLUDED.municipality IS NOT NULL AND EXCLUDED.municipality IS DISTINCT FROM organisations.municipality)
            OR (EXCLUDED.iban IS NOT NULL AND EXCLUDED.iban IS DISTINCT FROM organisations.iban)
            OR (EXCLUDED.bic IS NOT NULL AND EXCLUDED.bic IS DISTINCT FROM organisations.bic)
         RETURNING (xmax = 0) AS inserted`,
          [
            c.map((r) => r.kbo),
            c.map((r) => r.name),
            c.map((r) => r.type),
            c.map((r) => r.nisCode),
            c.map((r) => r.legalForm),
            c.map((r) => r.street),
            c.map((r) => r.postalCode),
            c.map((r) => r.municipality),
            c.map((r) => r.iban),
            c.map((r) => r.bic),
          ],
        );
        count(out);
      },
    );
  } else if (input.kind === 'personen') {
    const key = await pseudonymKey(tx);
    await inChunks(
      rows.map((r) => r.row as PersonRow),
      async (c) => {
        const { rows: out } = await tx.query<{ inserted: boolean }>(
          `INSERT INTO persons (insz, pseudonym, first_name, last_name, birth_date, sex)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::date[], $6::text[])
         ON CONFLICT (insz) DO UPDATE SET first_name = EXCLUDED.first_name, last_name = EXCLUDED.last_name,
           updated_at = now()
         WHERE (persons.first_name, persons.last_name) IS DISTINCT FROM (EXCLUDED.first_name, EXCLUDED.last_name)
         RETURNING (xmax = 0) AS inserted`,
          [
            c.map((r) => r.insz),
            c.map((r) => pseudonymFor(key, r.insz)),
            c.map((r) => r.firstName),
            c.map((r) => r.lastName),
            c.map((r) => r.birthDate),
            c.map((r) => r.sex),
          ],
        );
        count(out);
      },
    );
  } else {
    const placements = rows as {
      line: number;
      row: PlacementRow & { personId?: string; organisationId?: string };
    }[];
    // The FTE check after the writes must see every concurrent writer's placements (see lockPersons).
    await lockPersons(tx, [...new Set(placements.map((p) => p.row.personId!))]);
    await inChunks(placements, async (c) => {
      const { rows: out } = await tx.query<{ inserted: boolean }>(
        `INSERT INTO placements (person_id, organisation_id, measure, start_date, end_date, fte, hours_per_week)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::date[], $5::date[], $6::numeric[], $7::numeric[])
         ON CONFLICT (person_id, organisation_id, measure, start_date) DO UPDATE SET end_date = EXCLUDED.end_date,
           fte = EXCLUDED.fte, hours_per_week = EXCLUDED.hours_per_week, updated_at = now()
         WHERE (placements.end_date, placements.fte, placements.hours_per_week) IS DISTINCT FROM
               (EXCLUDED.end_date, EXCLUDED.fte, EXCLUDED.hours_per_week)
         RETURNING (xmax = 0) AS inserted`,
        [
          c.map((r) => r.row.personId),
          c.map((r) => r.row.organisationId),
          c.map((r) => r.row.measure),
          c.map((r) => r.row.start),
          c.map((r) => r.row.end),
          c.map((r) => r.row.fte),
          c.map((r) => r.row.hours),
        ],
      );
      count(out);
    });
    if (inserted + updated > 0) await checkPlacementRules(tx, placements);
  }
  return {
    kind: input.kind,
    rows: rows.length,
    inserted,
    updated,
    unchanged: rows.length - inserted - updated,
  };
}

function naturalKey(kind: ImportKind, row: OrgRow | PersonRow | PlacementRow): string {
  if (kind === 'organisaties') return (row as OrgRow).kbo;
  if (kind === 'personen') return (row as PersonRow).insz;
  const p = row as PlacementRow;
  return `${p.insz}|${p.kbo}|${p.measure}|${p.start}`;
}

/** Placements refer to persons and organisations already in the register (import those first). */
async function resolveReferences(
  tx: Queryable,
  rows: { line: number; row: PlacementRow & { personId?: string; organisationId?: string } }[],
  issues: ImportIssue[],
): Promise<void> {
  const persons = await tx.query<{ id: string; insz: string }>(
    'SELECT id, insz FROM persons WHERE insz = ANY($1::text[])',
    [[...new Set(rows.map((r) => r.row.insz))]],
  );
  const orgs = await tx.query<{ id: string; kbo: string }>(
    'SELECT id, kbo FROM organisations WHERE kbo = ANY($1::text[])',
    [[...new Set(rows.map((r) => r.row.kbo))]],
  );
  const personIds = new Map(persons.rows.map((p) => [p.insz, p.id]));
  const orgIds = new Map(orgs.rows.map((o) => [o.kbo, o.id]));
  for (const r of rows) {
    r.row.personId = personIds.get(r.row.insz);
    r.row.organisationId = orgIds.get(r.row.kbo);
    if (!r.row.personId)
      issues.push({
        line: r.line,
        column: 'insz',
        value: r.row.insz,
        message: 'geen persoon met dit INSZ in het register (importeer eerst de personen)',
      });
    if (!r.row.organisationId)
      issues.push({
        line: r.line,
        column: 'kbo',
        value: r.row.kbo,
        message: 'geen organisatie met dit KBO-nummer in het register (importeer eerst de organisaties)',
      });
  }
}

async function checkPlacementRules(
  tx: Queryable,
  rows: { line: number; row: PlacementRow & { personId?: string; organisationId?: string } }[],
): Promise<void> {
  const personIds = [...new Set(rows.map((r) => r.row.personId!))];
  const violations = await placementViolations(tx, personIds);
  if (!violations.length) return;
  const { rows: keys } = await tx.query<{
    id: string;
    person_id: string;
    organisation_id: string;
    measure: string;
    start_date: string;
  }>(
    'SELECT id, person_id, organisation_id, measure, start_date FROM placements WHERE id = ANY($1::uuid[])',
    [violations.map((v) => v.placementId)],
  );
  const byId = new Map(keys.map((k) => [k.id, k]));
  const lineByKey = new Map(
    rows.map((r) => [`${r.row.personId}|${r.row.organisationId}|${r.row.measure}|${r.row.start}`, r]),
  );
  const firstLineOfPerson = new Map<string, (typeof rows)[number]>();
  for (const r of rows)
    if (!firstLineOfPerson.has(r.row.personId!)) firstLineOfPerson.set(r.row.personId!, r);
  const issues = violations.map((v): ImportIssue => {
    const k = byId.get(v.placementId)!;
    const r =
      lineByKey.get(`${k.person_id}|${k.organisation_id}|${k.measure}|${k.start_date}`) ??
      firstLineOfPerson.get(k.person_id)!;
    const column = v.rule === 'fte' ? 'vte' : 'start';
    return {
      line: r.line,
      column,
      value: column === 'vte' ? String(r.row.fte) : r.row.start,
      message: v.message,
    };
  });
  const unique = new Map(issues.map((i) => [`${i.line}|${i.column}|${i.message}`, i]));
  throw new ImportRejectedError([...unique.values()].sort((a, b) => a.line - b.line));
}

// ---- indications and wage data ------------------------------------------------------------------

/** Indications (natural key insz + datum) and wage data (placement + kwartaal). */
async function runDetailImport(tx: Queryable, input: ImportInput): Promise<ImportReport> {
  const issues: ImportIssue[] = [];
  const spec = IMPORT_COLUMNS[input.kind];
  const measures = input.kind === 'lonen' ? await measureIds() : new Set<string>();
  const indications = input.kind === 'indicaties';
  const rows = await checkedRows<IndicationRow | WageRow>(input.records, spec.required, issues, {
    check: (values, err) =>
      indications ? validateIndication(values, err) : validateWage(values, err, measures),
    key: (row) =>
      indications
        ? `${row.insz}|${(row as IndicationRow).date}`
        : `${row.insz}|${(row as WageRow).kbo}|${(row as WageRow).measure}|${(row as WageRow).start}|${(row as WageRow).quarter}`,
    duplicate: (earlier) => ({
      column: indications ? 'datum' : 'kwartaal',
      message: `dubbele rij: dezelfde gegevens staan al op regel ${earlier}`,
    }),
  });

  // References: the person (indications) or the placement (wages) must exist.
  if (input.kind === 'indicaties') {
    const { rows: found } = await tx.query<{ id: string; insz: string }>(
      'SELECT id, insz FROM persons WHERE insz = ANY($1::text[])',
      [[...new Set(rows.map((r) => r.row.insz))]],
    );
    const ids = new Map(found.map((p) => [p.insz, p.id]));
    for (const r of rows) {
      r.ref = ids.get(r.row.insz);
      if (!r.ref)
        issues.push({
          line: r.line,
          column: 'insz',
          value: r.row.insz,
          message: 'geen persoon met dit INSZ in het register',
        });
    }
  } else {
    const { rows: found } = await tx.query<{ id: string; key: string }>(
      `SELECT p.id, pe.insz || '|' || o.kbo || '|' || p.measure || '|' || p.start_date::text AS key
         FROM placements p JOIN persons pe ON pe.id = p.person_id JOIN organisations o ON o.id = p.organisation_id
        WHERE pe.insz = ANY($1::text[])`,
      [[...new Set(rows.map((r) => r.row.insz))]],
    );
    const ids = new Map(found.map((p) => [p.key, p.id]));
    for (const r of rows) {
      const w = r.row as WageRow;
      r.ref = ids.get(`${w.insz}|${w.kbo}|${w.measure}|${w.start}`);
      if (!r.ref)
        issues.push({
          line: r.line,
          column: 'start',
          value: w.start,
          message: 'geen plaatsing met dit INSZ, KBO-nummer, deze maatregel en startdatum in het register',
        });
    }
  }
  if (issues.length) throw new ImportRejectedError(issues.sort((a, b) => a.line - b.line));

  let inserted = 0;
  let updated = 0;
  await inChunks(rows, async (c) => {
    const { rows: out } =
      input.kind === 'indicaties'
        ? await tx.query<{ inserted: boolean }>(
            `INSERT INTO indications (person_id, indicated_on, ladder_rung, target_group, productivity_loss, guidance_need,
               ticket_type, valid_from, valid_to)
             SELECT p, d, r, t, l, g, k, d, v FROM unnest($1::uuid[], $2::date[], $3::smallint[], $4::text[], $5::numeric[],
               $6::text[], $7::text[], $8::date[]) AS x(p, d, r, t, l, g, k, v)
             ON CONFLICT (person_id, indicated_on) DO UPDATE SET ladder_rung = EXCLUDED.ladder_rung,
               target_group = EXCLUDED.target_group, productivity_loss = EXCLUDED.productivity_loss,
               guidance_need = EXCLUDED.guidance_need, ticket_type = EXCLUDED.ticket_type, valid_to = EXCLUDED.valid_to
             WHERE (indications.ladder_rung, indications.target_group, indications.productivity_loss,
                    indications.guidance_need, indications.ticket_type, indications.valid_to) IS DISTINCT FROM
                   (EXCLUDED.ladder_rung, EXCLUDED.target_group, EXCLUDED.productivity_loss, EXCLUDED.guidance_need,
                    EXCLUDED.ticket_type, EXCLUDED.valid_to)
             RETURNING (xmax = 0) AS inserted`,
            [
              c.map((r) => r.ref),
              c.map((r) => (r.row as IndicationRow).date),
              c.map((r) => (r.row as IndicationRow).rung),
              c.map((r) => (r.row as IndicationRow).targetGroup),
              c.map((r) => (r.row as IndicationRow).loss),
              c.map((r) => (r.row as IndicationRow).guidance),
              c.map((r) => (r.row as IndicationRow).ticket),
              c.map((r) => (r.row as IndicationRow).validTo),
            ],
          )
        : await tx.query<{ inserted: boolean }>(
            `INSERT INTO wage_quarters (placement_id, quarter, gross_wage_cents, days, fte)
             SELECT * FROM unnest($1::uuid[], $2::text[], $3::bigint[], $4::numeric[], $5::numeric[])
             ON CONFLICT (placement_id, quarter) DO UPDATE SET gross_wage_cents = EXCLUDED.gross_wage_cents,
               days = EXCLUDED.days, fte = EXCLUDED.fte, updated_at = now()
             WHERE (wage_quarters.gross_wage_cents, wage_quarters.days, wage_quarters.fte) IS DISTINCT FROM
                   (EXCLUDED.gross_wage_cents, EXCLUDED.days, EXCLUDED.fte)
             RETURNING (xmax = 0) AS inserted`,
            [
              c.map((r) => r.ref),
              c.map((r) => (r.row as WageRow).quarter),
              c.map((r) => (r.row as WageRow).cents),
              c.map((r) => (r.row as WageRow).days),
              c.map((r) => (r.row as WageRow).fte),
            ],
          );
    for (const x of out) x.inserted ? inserted++ : updated++;
  });
  return {
    kind: input.kind,
    rows: rows.length,
    inserted,
    updated,
    unchanged: rows.length - inserted - updated,
  };
}

export const IMPORT_COMMANDS = [importRegistry];
