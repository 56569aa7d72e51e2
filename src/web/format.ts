/**
 * nl-BE formats for everything the web app shows: 63.552 · 79,2 % · € 1.250,00 · 23/11/2026.
 * Values arrive already rounded exactly (src/domain/numbers.ts); these functions only format.
 */
const NBSP = '\u00a0';
const numberFormats = new Map<number, Intl.NumberFormat>();

function numberFormat(decimals: number): Intl.NumberFormat {
  let f = numberFormats.get(decimals);
  if (!f) {
    f = new Intl.NumberFormat('nl-BE', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    numberFormats.set(decimals, f);
  }
  return f;
}

export function formatNumber(value: number | null | undefined, decimals = 0): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return numberFormat(decimals).format(value);
}

/** `79.2` → `79,2 %` (the value is already a percentage). */
export function formatPercent(value: number | null | undefined, decimals = 1): string {
  if (value === null || value === undefined) return '–';
  return `${numberFormat(decimals).format(value)}${NBSP}%`;
}

/** Percentage-point change with its sign: `+2,6 ppt`. */
export function formatPoints(value: number | null | undefined, decimals = 1): string {
  if (value === null || value === undefined) return '–';
  const sign = value > 0 ? '+' : '';
  return `${sign}${numberFormat(decimals).format(value)}${NBSP}ppt`;
}

const euroFormat = new Intl.NumberFormat('nl-BE', { style: 'currency', currency: 'EUR' });

/** Cents → `€ 1.250,00`. */
export function formatEuroCents(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return '–';
  return euroFormat.format(cents / 100).replace(/\s/g, NBSP);
}

/** Euros (with cents as decimals) → `€ 1.250,00`. */
export function formatEuro(euros: number | null | undefined): string {
  if (euros === null || euros === undefined) return '–';
  return euroFormat.format(euros).replace(/\s/g, NBSP);
}

const brusselsDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Brussels',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The one date rule: a date is a Brussels calendar day. A calendar date `2026-11-23` is shown as
 * it is; a moment (`2026-10-19T22:00:00.000Z`, a Date) as the day it was in Brussels
 * (`20/10/2026`), never the UTC day.
 */
export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '–';
  const iso =
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? value
      : brusselsDay.format(typeof value === 'string' ? new Date(value) : value);
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** `2026-Q4` → `4e kwartaal 2026`. */
export function formatQuarter(quarter: string | null | undefined): string {
  if (!quarter) return '–';
  const m = /^(\d{4})-Q([1-4])$/.exec(quarter);
  return m ? `${m[2]}e kwartaal ${m[1]}` : quarter;
}

const dateTimeFormat = new Intl.DateTimeFormat('nl-BE', {
  timeZone: 'Europe/Brussels',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '–';
  return dateTimeFormat.format(typeof value === 'string' ? new Date(value) : value).replace(',', '');
}

/**
 * A number as people type it in a form: `7,45` and `1.250,50` (nl-BE), `1.250` (thousands) or
 * `7.45`. A dot is a thousands separator only next to a comma or in groups of three. Returns the
 * number, or the text itself when it is not a number (the command then says why).
 */
export function parseDecimalInput(raw: string): number | string {
  const t = raw.replace(/\s/g, '');
  const plain = t.includes(',')
    ? t.replace(/\./g, '').replace(',', '.')
    : /^-?\d{1,3}(\.\d{3})+$/.test(t)
      ? t.replace(/\./g, '')
      : t;
  const n = Number(plain);
  return /^-?(\d+\.?\d*|\.\d+)$/.test(plain) && Number.isFinite(n) ? n : raw;
}
