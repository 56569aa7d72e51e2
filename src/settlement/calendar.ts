/**
 * The payment calendar of a settlement plan, on the one Belgian working-day calendar that the
 * lead-time norms use (src/dossiers: publicHolidays, nthWorkingDayOfMonth).
 */

import { addDays, daysInMonth, type IsoDate } from '../domain/index.ts';
import { isWorkingDay, nthWorkingDayOfMonth } from '../dossiers/index.ts';
import type { DueRule, SettlementPlan } from './plan.ts';

export type CalendarKind = 'voorschot' | 'kwartaalafrekening' | 'jaarafrekening';
export interface CalendarEntry {
  kind: CalendarKind;
  period: string;
  due: IsoDate;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** First day of the month `offset` months after year-month (1-based month). */
function monthStart(year: number, month: number, offset: number): IsoDate {
  const idx = year * 12 + (month - 1) + offset;
  return `${Math.floor(idx / 12)}-${pad((idx % 12) + 1)}-01` as IsoDate;
}

/** The due date in the month of `start`: the n-th working day, the last (−1), or a calendar day. */
function dueIn(start: IsoDate, rule: DueRule): IsoDate {
  if (rule.day_of_month !== undefined) return `${start.slice(0, 8)}${pad(rule.day_of_month)}` as IsoDate;
  const n = rule.working_day ?? 1;
  if (n > 0) return nthWorkingDayOfMonth(start, n);
  const [y, m] = start.split('-').map(Number) as [number, number];
  let d = `${start.slice(0, 8)}${pad(daysInMonth(y, m))}` as IsoDate;
  while (!isWorkingDay(d)) d = addDays(d, -1);
  return d;
}

/** Every advance and settlement of `year`'s periods with its due date, in date order. */
export function paymentCalendar(plan: SettlementPlan, year: number): CalendarEntry[] {
  const out: CalendarEntry[] = [];
  const adv = plan.advance;
  if (adv) {
    const step = adv.rhythm === 'month' ? 1 : 3;
    for (let m = 1; m <= 12; m += step) {
      const period = adv.rhythm === 'month' ? `${year}-${pad(m)}` : `${year}-Q${(m + 2) / 3}`;
      out.push({
        kind: 'voorschot',
        period,
        due: dueIn(monthStart(year, m, adv.due.month_offset ?? 0), adv.due),
      });
    }
  }
  const q = plan.settlement.quarter;
  if (q) {
    for (let k = 1; k <= 4; k += 1) {
      // "de vierde maand volgend op kwartaal": counted from the quarter's last month (Q1 → July).
      const last = k * 3;
      out.push({
        kind: 'kwartaalafrekening',
        period: `${year}-Q${k}`,
        due: dueIn(monthStart(year, last, q.months_after_period), q),
      });
    }
  }
  const y = plan.settlement.year;
  if (y) {
    out.push({
      kind: 'jaarafrekening',
      period: String(year),
      due: dueIn(monthStart(year, 12, y.months_after_period), y),
    });
  }
  return out.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
}
