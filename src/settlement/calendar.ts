/**
 * The payment calendar of a settlement plan, on the one Belgian working-day calendar that the
 * lead-time norms use (src/dossiers: publicHolidays, nthWorkingDayOfMonth).
 */

import type { IsoDate } from '../domain/index.ts';
import { nthWorkingDayOfMonth } from '../dossiers/index.ts';
import type { SettlementPlan } from './plan.ts';

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
        due: nthWorkingDayOfMonth(monthStart(year, m, adv.due.month_offset ?? 0), adv.due.working_day),
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
        due: nthWorkingDayOfMonth(monthStart(year, last, q.months_after_period), q.working_day),
      });
    }
  }
  const y = plan.settlement.year;
  if (y) {
    out.push({
      kind: 'jaarafrekening',
      period: String(year),
      due: nthWorkingDayOfMonth(monthStart(year, 12, y.months_after_period), y.working_day),
    });
  }
  return out.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
}
