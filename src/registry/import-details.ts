/**
 * The row checks of the detail imports (indications and wage quarters): each turns one record's
 * values into a typed row or reports what is wrong with which column.
 */
import { parseInsz } from '../domain/index.ts';
import { date, decimal, type Err, euroCents, kbo } from './import-fields.ts';
import { TICKET_TYPES } from './indications.ts';

const blank = (v: string | undefined) => (v === undefined || v === '' ? null : v);

export interface IndicationRow {
  insz: string;
  date: string;
  rung: number | null;
  targetGroup: string | null;
  loss: number | null;
  guidance: string | null;
  ticket: string | null;
  validTo: string | null;
}

export function validateIndication(v: Record<string, string>, err: Err): IndicationRow | null {
  const r = parseInsz(v['insz'] ?? '');
  if (!r.ok) err('insz', `ongeldig INSZ '${v['insz'] ?? ''}': ${r.reason}`);
  const d = date(v['datum'] ?? '', 'datum', err);
  const rungText = blank(v['trede']);
  const rung = rungText === null ? null : Number(rungText);
  const rungOk = rung === null || (Number.isInteger(rung) && rung >= 1 && rung <= 6);
  if (!rungOk) err('trede', `'${rungText}': de participatieladder telt treden 1 tot 6`);
  const lossText = blank(v['productiviteitsverlies']);
  const loss =
    lossText === null
      ? null
      : decimal(lossText, 'productiviteitsverlies', err, { max: 100, label: 'productiviteitsverlies (%)' });
  const ticket = blank(v['ticket']);
  if (ticket !== null && !Object.hasOwn(TICKET_TYPES, ticket))
    err('ticket', `onbekend ticket '${ticket}'; kies uit: ${Object.keys(TICKET_TYPES).join(', ')}`);
  const validTo = blank(v['geldig_tot']) === null ? null : date(v['geldig_tot']!, 'geldig_tot', err);
  if (d && validTo && validTo < d) err('geldig_tot', `het einde (${validTo}) ligt voor de datum (${d})`);
  if (!r.ok || !d || !rungOk) return null;
  return {
    insz: r.value.insz,
    date: d,
    rung,
    targetGroup: blank(v['doelgroep']),
    loss,
    guidance: blank(v['begeleidingsnood']),
    ticket,
    validTo,
  };
}

export interface WageRow {
  insz: string;
  kbo: string;
  measure: string;
  start: string;
  quarter: string;
  cents: number;
  days: number;
  fte: number;
}

const QUARTER = /^\d{4}-Q[1-4]$/;

export function validateWage(v: Record<string, string>, err: Err, measures: Set<string>): WageRow | null {
  const r = parseInsz(v['insz'] ?? '');
  if (!r.ok) err('insz', `ongeldig INSZ '${v['insz'] ?? ''}': ${r.reason}`);
  const k = kbo(v['kbo'] ?? '', err);
  const measure = v['maatregel'] ?? '';
  if (!measures.has(measure))
    err('maatregel', `onbekende maatregel '${measure}'; gebruik een id uit de regelcatalogus`);
  const start = date(v['start'] ?? '', 'start', err);
  const quarter = v['kwartaal'] ?? '';
  if (!QUARTER.test(quarter)) err('kwartaal', `'${quarter}': schrijf een kwartaal als JJJJ-Qn, bv. 2026-Q1`);
  // Euros with at most two decimals, to cents without floating point: the domain's money parser.
  const cents = euroCents(v['brutoloon'] ?? '');
  if (cents === null)
    err(
      'brutoloon',
      `'${v['brutoloon'] ?? ''}' is geen bedrag in euro (punt als decimaalteken, hoogstens 2 decimalen)`,
    );
  const days = decimal(v['dagen'] ?? '', 'dagen', err, { max: 92, label: 'dagen' });
  const fte = decimal(v['vte'] ?? '', 'vte', err, { max: 1, label: 'VTE' });
  if (
    !r.ok ||
    !k ||
    !start ||
    cents === null ||
    days === null ||
    fte === null ||
    !QUARTER.test(quarter) ||
    !measures.has(measure)
  )
    return null;
  return { insz: r.value.insz, kbo: k, measure, start, quarter, cents, days, fte };
}
