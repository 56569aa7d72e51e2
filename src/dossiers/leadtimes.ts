/**
 * Lead times ("doorlooptijden") against the department's norms (norms.yaml, from the boordtabel
 * seeds/001_4a57afe77d69f3a4.txt:L8592-8796): the share of dossiers handled within the norm per
 * year, the change in percentage points against the previous year and the legend's colour.
 * Measured from the dossiers' append-only timeline.
 */
import { z } from 'zod';
import { type Actor, assertCan } from '../access/index.ts';
import type { Queryable } from '../db/index.ts';
import { readYamlData } from '../db/index.ts';
import {
  addDays,
  addMonths,
  daysBetween,
  daysInMonth,
  type IsoDate,
  percent,
  roundHalfAway,
  ValidationError,
} from '../domain/index.ts';
import { catalogue } from '../rules/index.ts';

// ---- the norms as data -----------------------------------------------------------------------

const limitSchema = z.object({
  kind: z.enum(['calendar_days', 'working_days', 'months', 'day_of_month', 'working_day_of_month']),
  n: z.number().positive(),
});

const normSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  measure: z.string(),
  label: z.string(),
  target: z.number().min(0).max(100),
  channel: z.enum(['online', 'papier']).optional(),
  start: z.array(z.string()).min(1).optional(),
  end: z.array(z.string()).min(1),
  each: z.boolean().optional(),
  payment_kind: z.enum(['voorschot', 'saldo', 'schijf', 'betaling']).optional(),
  limit: limitSchema,
  valid_from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  source: z.string().regex(/^seeds\/[^:]+:L\d+/),
  reported: z.record(z.string(), z.number()).optional(),
});

const normsFileSchema = z.object({
  legend: z.object({ source: z.string(), threshold_points: z.number().positive() }),
  holidays: z.object({
    source: z.string(),
    valid_from: z.string(),
    fixed: z.array(z.string().regex(/^\d{2}-\d{2}$/)),
    easter_offsets: z.array(z.number().int()),
  }),
  norms: z.array(normSchema),
  not_modelled: z.array(z.object({ rule: z.string(), source: z.string() })),
  inconsistencies: z.array(z.object({ what: z.string(), source: z.string() })),
  /** A norm the seed states twice with different values: both values with their lines. */
  conflicts: z
    .array(
      z.object({
        id: z.string(),
        measure: z.string(),
        norm: z.string().optional(),
        what: z.string(),
        values: z
          .array(z.object({ value: z.string(), source: z.string().regex(/^seeds\/[^:]+:L\d+/) }))
          .min(2),
      }),
    )
    .default([]),
});

export type NormConflict = z.output<typeof normsFileSchema>['conflicts'][number];

export type Norm = z.output<typeof normSchema>;
export type NormsFile = z.output<typeof normsFileSchema>;

let normsFile: NormsFile | undefined;

/** The norms table, loaded and validated once. */
export function norms(): NormsFile {
  normsFile ??= normsFileSchema.parse(
    readYamlData(new URL('./norms.yaml', import.meta.url), {
      schema: 'core',
      uniqueKeys: true,
    }),
  );
  return normsFile;
}

// ---- calendar: Belgian public holidays and working days --------------------------------------

/** Easter Sunday (Gregorian, anonymous algorithm of Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` as IsoDate;
}

const holidayCache = new Map<number, Set<string>>();

/** The ten Belgian public holidays of a year (norms.yaml › holidays). */
export function publicHolidays(year: number): Set<string> {
  let set = holidayCache.get(year);
  if (!set) {
    const h = norms().holidays;
    const easter = easterSunday(year);
    set = new Set([
      ...h.fixed.map((md) => `${year}-${md}`),
      ...h.easter_offsets.map((o) => addDays(easter, o)),
    ]);
    holidayCache.set(year, set);
  }
  return set;
}

export function isWorkingDay(date: IsoDate): boolean {
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
  if (dow === 0 || dow === 6) return false;
  return !publicHolidays(Number(date.slice(0, 4))).has(date);
}

/** Working days after `from` up to and including `to` (0 when `to` ≤ `from`). */
export function workingDaysBetween(from: IsoDate, to: IsoDate): number {
  let n = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d)) n += 1;
  return n;
}

/** The n-th working day of the month of `date`. */
export function nthWorkingDayOfMonth(date: IsoDate, n: number): IsoDate {
  const [y, m] = date.split('-').map(Number) as [number, number];
  let count = 0;
  for (let day = 1; day <= daysInMonth(y, m); day += 1) {
    const d = `${y}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}` as IsoDate;
    if (isWorkingDay(d)) {
      count += 1;
      if (count === n) return d;
    }
  }
  throw new RangeError(`de maand van ${date} telt geen ${n} werkdagen`);
}

const brussels = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Brussels',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in Brussels of a moment. */
export function brusselsDate(at: Date): IsoDate {
  return brussels.format(at) as IsoDate;
}

/** The moment a calendar day starts in Brussels (23:00 or 22:00 UTC the day before). */
export function brusselsMidnight(date: IsoDate | string): Date {
  const utc = Date.parse(`${date}T00:00:00Z`);
  const hour = Number(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Brussels',
      hour: '2-digit',
      hourCycle: 'h23',
    }).format(new Date(utc)),
  );
  return new Date(utc - hour * 3_600_000);
}

/** Whether an end event meets the norm's limit (start is absent for day-of-month norms). */
export function withinLimit(limit: Norm['limit'], start: Date | null, end: Date): boolean {
  const endDate = brusselsDate(end);
  switch (limit.kind) {
    case 'day_of_month':
      return Number(endDate.slice(8, 10)) <= limit.n;
    case 'working_day_of_month':
      return endDate <= nthWorkingDayOfMonth(endDate, limit.n);
    default:
      break;
  }
  if (!start) throw new Error(`een norm van soort ${limit.kind} heeft een beginmoment nodig`);
  const startDate = brusselsDate(start);
  switch (limit.kind) {
    case 'calendar_days':
      // Whole days count calendar dates; a fractional norm (1,5 dag) counts elapsed time.
      return Number.isInteger(limit.n)
        ? daysBetween(startDate, endDate) <= limit.n
        : end.getTime() - start.getTime() <= limit.n * 86_400_000;
    case 'working_days':
      return workingDaysBetween(startDate, endDate) <= limit.n;
    case 'months':
      return endDate <= addMonths(startDate, limit.n);
  }
}

// ---- colour (legend) -------------------------------------------------------------------------

export type Colour = 'donkergroen' | 'lichtgroen' | 'lichtoranje' | 'donkeroranje';

export const COLOUR_LABELS: Record<Colour, string> = {
  donkergroen: 'Boven streefdoel',
  lichtgroen: 'Op streefdoel',
  lichtoranje: 'Minder dan 10 ppt onder streefdoel',
  donkeroranje: 'Meer dan 10 ppt onder streefdoel',
};

/** The legend of seeds/001_4a57afe77d69f3a4.txt:L8786-8794 (10 % read as 10 percentage points). */
export function colourFor(achieved: number | null, target: number): Colour | null {
  if (achieved === null) return null;
  if (achieved > target) return 'donkergroen';
  if (achieved === target) return 'lichtgroen';
  return target - achieved < norms().legend.threshold_points ? 'lichtoranje' : 'donkeroranje';
}

// ---- measuring -------------------------------------------------------------------------------

export interface NormResult {
  normId: string;
  measureId: string;
  measureName: string;
  label: string;
  target: number;
  channel: 'online' | 'papier' | null;
  limit: Norm['limit'];
  source: string;
  year: number;
  counted: number;
  withinNorm: number;
  /** Percentage (2 decimals), null without dossiers in the year. */
  achieved: number | null;
  previous: number | null;
  changePoints: number | null;
  colour: Colour | null;
  reported: Record<string, number>;
  /** The seed's other value(s) for this norm, when it contradicts itself. */
  conflicts: NormConflict[];
}

export interface LeadTimeReport {
  year: number;
  norms: NormResult[];
  legend: { colour: Colour; label: string }[];
  legendSource: string;
  notModelled: { rule: string; source: string }[];
  inconsistencies: { what: string; source: string }[];
  /** Every norm the seed gives with two values, with both values and both lines. */
  conflicts: NormConflict[];
}

interface EventRow {
  dossier_id: string;
  measure_id: string;
  channel: 'online' | 'papier';
  action: string;
  occurred_at: Date;
  kind: string | null;
}

function counts(norm: Norm, byDossier: Map<string, EventRow[]>, year: number) {
  let counted = 0;
  let within = 0;
  const inYear = (d: Date) => Number(brusselsDate(d).slice(0, 4)) === year;
  for (const events of byDossier.values()) {
    const first = events[0];
    if (!first || first.measure_id !== norm.measure) continue;
    if (norm.channel && first.channel !== norm.channel) continue;
    const start = norm.start ? events.find((e) => norm.start!.includes(e.action)) : undefined;
    if (norm.start && !start) continue;
    const ends = events.filter(
      (e) => norm.end.includes(e.action) && (!norm.payment_kind || e.kind === norm.payment_kind),
    );
    for (const end of norm.each ? ends : ends.slice(0, 1)) {
      if (!inYear(end.occurred_at)) continue;
      counted += 1;
      if (withinLimit(norm.limit, start?.occurred_at ?? null, end.occurred_at)) within += 1;
    }
  }
  return { counted, within, achieved: counted ? percent(within, counted, 2) : null };
}

/**
 * The lead-time report of a year: per norm, the share of dossiers within the norm (counted in the
 * year of their end event), the change against the previous year and the colour.
 */
export async function leadTimeReport(
  db: Queryable,
  actor: Actor,
  opts: { year: number },
): Promise<LeadTimeReport> {
  assertCan(actor, 'monitor:read');
  const year = opts.year;
  if (!Number.isInteger(year) || year < 2000 || year > 2200) {
    throw ValidationError.field('year', 'geef een jaartal tussen 2000 en 2200');
  }
  const file = norms();
  const measures = [...new Set(file.norms.map((n) => n.measure))];
  // Dossiers with an event in the previous or this year; all their events up to the end of the year.
  const { rows } = await db.query<EventRow>(
    `SELECT e.dossier_id, d.measure_id, d.channel, e.action, e.occurred_at, e.data->>'kind' AS kind
       FROM dossier_events e JOIN dossiers d ON d.id = e.dossier_id
      WHERE d.measure_id = ANY($1::text[]) AND e.occurred_at < $2
        AND EXISTS (SELECT 1 FROM dossier_events x WHERE x.dossier_id = d.id AND x.occurred_at >= $3)
      ORDER BY e.dossier_id, e.id`,
    [measures, `${year + 1}-01-02T00:00:00Z`, `${year - 2}-12-31T00:00:00Z`],
  );
  const byDossier = new Map<string, EventRow[]>();
  for (const r of rows) {
    const list = byDossier.get(r.dossier_id) ?? [];
    list.push(r);
    byDossier.set(r.dossier_id, list);
  }
  const cat = await catalogue();
  const results = file.norms
    .filter((n) => n.valid_from <= `${year}-12-31`)
    .map((norm): NormResult => {
      const now = counts(norm, byDossier, year);
      const prev = counts(norm, byDossier, year - 1);
      const change =
        now.achieved !== null && prev.achieved !== null
          ? roundHalfAway(now.achieved - prev.achieved, 2)
          : null;
      return {
        normId: norm.id,
        measureId: norm.measure,
        measureName: cat.get(norm.measure)?.meta.name ?? norm.measure,
        label: norm.label,
        target: norm.target,
        channel: norm.channel ?? null,
        limit: norm.limit,
        source: norm.source,
        year,
        counted: now.counted,
        withinNorm: now.within,
        achieved: now.achieved,
        previous: prev.achieved,
        changePoints: change,
        colour: colourFor(now.achieved, norm.target),
        reported: Object.fromEntries(Object.entries(norm.reported ?? {})),
        conflicts: file.conflicts.filter((c) => c.norm === norm.id),
      };
    });
  return {
    year,
    norms: results,
    legend: (Object.keys(COLOUR_LABELS) as Colour[]).map((c) => ({ colour: c, label: COLOUR_LABELS[c] })),
    legendSource: file.legend.source,
    notModelled: file.not_modelled,
    inconsistencies: file.inconsistencies,
    conflicts: file.conflicts,
  };
}
