/**
 * Calendar dates without time zones (`YYYY-MM-DD`), as the law uses them. Stored and compared as
 * strings: ISO dates sort lexicographically in calendar order.
 */

declare const isoDateBrand: unique symbol;
export type IsoDate = string & { readonly [isoDateBrand]: true };

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

export function isoDate(value: string): IsoDate {
  if (!isIsoDate(value)) throw new RangeError(`'${value}' is geen geldige datum (JJJJ-MM-DD)`);
  return value;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function toUtc(date: IsoDate): Date {
  return new Date(`${date}T00:00:00Z`);
}

function fromUtc(d: Date): IsoDate {
  return d.toISOString().slice(0, 10) as IsoDate;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const d = toUtc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return fromUtc(d);
}

/** Adds calendar months, clamping to the last day of the month (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const nd = Math.min(d, daysInMonth(ny, nm));
  return `${ny}-${String(nm).padStart(2, '0')}-${String(nd).padStart(2, '0')}` as IsoDate;
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000);
}

export function todayIso(now: Date = new Date()): IsoDate {
  return fromUtc(new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())));
}

export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A calendar quarter such as `2024-Q3`. */
export type Quarter = `${number}-Q${1 | 2 | 3 | 4}`;

export function quarterOf(date: IsoDate): Quarter {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return `${y}-Q${Math.floor((m - 1) / 3) + 1}` as Quarter;
}

export function quarterBounds(q: Quarter): { start: IsoDate; end: IsoDate } {
  const m = /^(\d{4})-Q([1-4])$/.exec(q);
  if (!m) throw new RangeError(`'${q}' is geen kwartaal (JJJJ-Qn)`);
  const y = Number(m[1]);
  const first = (Number(m[2]) - 1) * 3 + 1;
  const start = `${y}-${String(first).padStart(2, '0')}-01` as IsoDate;
  const endMonth = first + 2;
  const end = `${y}-${String(endMonth).padStart(2, '0')}-${daysInMonth(y, endMonth)}` as IsoDate;
  return { start, end };
}

const BRUSSELS_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Brussels',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
/** The Brussels calendar day of an instant: Trede's one rule for dates (a recovery registered at 23:30 UTC on 31 December counts for the next year). */
export function brusselsDay(instant: Date): IsoDate {
  return BRUSSELS_DAY.format(instant) as IsoDate;
}
