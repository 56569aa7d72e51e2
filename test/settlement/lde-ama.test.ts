/**
 * LDE and AMA WSE: the settlement plans beside their measures, their payment calendars for 2024
 * and 2025 counted by hand on the Belgian public holidays (the lead-time norms' calendar), and
 * the amounts of a period worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { money } from '../../src/domain/index.ts';
import { isWorkingDay } from '../../src/dossiers/index.ts';
import {
  AssumptionSet,
  amaAdvanceLines,
  amaYearLines,
  defaultAssumptions,
  ldeQuarterLines,
  paymentCalendar,
  SETTLED_MEASURES,
  settlementPlan,
} from '../../src/settlement/index.ts';

const due = (measure: string, year: number, kind: string) =>
  paymentCalendar(settlementPlan(measure), year)
    .filter((e) => e.kind === kind)
    .map((e) => e.due);

describe('plans beside the measures', () => {
  it('cite seed lines and list what the seeds leave open', () => {
    expect(SETTLED_MEASURES).toEqual(['collectief-maatwerk', 'lde', 'ama-wse']);
    const lde = settlementPlan('lde');
    expect(lde.advance?.source).toContain('seeds/001_4a57afe77d69f3a4.txt:L8727');
    expect(lde.components[0]!.parameters).toEqual(['max_vergoeding_per_vte']);
    expect(lde.not_modelled.length).toBeGreaterThanOrEqual(4);
    const ama = settlementPlan('ama-wse');
    expect(ama.settlement.source).toContain('seeds/001_4a57afe77d69f3a4.txt:L8741');
    expect(ama.components[0]!.parameters).toEqual(['subsidie_per_jaar', 'min_uren_per_week']);
  });
});

describe('payment calendars 2024-2025', () => {
  it('LDE: advances approved by the 7th of the month (a calendar day)', () => {
    expect(due('lde', 2024, 'voorschot')).toEqual(
      Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, '0')}-07`),
    );
    // No settlement date in the seeds: the calendar shows no kwartaal- or jaarafrekening.
    expect(due('lde', 2025, 'kwartaalafrekening')).toEqual([]);
    expect(due('lde', 2025, 'jaarafrekening')).toEqual([]);
  });

  it('AMA WSE: advances on the 5th working day, annual settlement by the last working day of March', () => {
    // 2024: Jan 1 holiday → 2,3,4,5,8 → 8th; Feb 1,2,5,6,7 → 7th; Mar 1,4,5,6,7 → 7th;
    // Apr 1 Easter Monday → 2,3,4,5,8 → 8th; May 1 holiday → 2,3,6,7,8 → 8th; Jun 3-7 → 7th;
    // Jul 1-5 → 5th; Aug 1,2,5,6,7 → 7th; Sep 2-6 → 6th; Oct 1,2,3,4,7 → 7th;
    // Nov 1 holiday → 4-8 → 8th; Dec 2-6 → 6th.
    expect(due('ama-wse', 2024, 'voorschot')).toEqual([
      '2024-01-08',
      '2024-02-07',
      '2024-03-07',
      '2024-04-08',
      '2024-05-08',
      '2024-06-07',
      '2024-07-05',
      '2024-08-07',
      '2024-09-06',
      '2024-10-07',
      '2024-11-08',
      '2024-12-06',
    ]);
    // 2025: Jan 1 holiday → 2,3,6,7,8 → 8th; Feb 3-7 → 7th; Mar 3-7 → 7th; Apr 1,2,3,4,7 → 7th;
    // May 1 holiday → 2,5,6,7,8 → 8th; Jun 2-6 → 6th; Jul 1,2,3,4,7 → 7th; Aug 1,4,5,6,7 → 7th;
    // Sep 1-5 → 5th; Oct 1,2,3,6,7 → 7th; Nov 1 Saturday → 3-7 → 7th; Dec 1-5 → 5th.
    expect(due('ama-wse', 2025, 'voorschot')).toEqual([
      '2025-01-08',
      '2025-02-07',
      '2025-03-07',
      '2025-04-07',
      '2025-05-08',
      '2025-06-06',
      '2025-07-07',
      '2025-08-07',
      '2025-09-05',
      '2025-10-07',
      '2025-11-07',
      '2025-12-05',
    ]);
    // Year 2023 → March 2024: 31 March is Easter Sunday, 30 a Saturday → Friday 29 March.
    // Year 2024 → Monday 31 March 2025; year 2025 → Tuesday 31 March 2026.
    expect(due('ama-wse', 2023, 'jaarafrekening')).toEqual(['2024-03-29']);
    expect(due('ama-wse', 2024, 'jaarafrekening')).toEqual(['2025-03-31']);
    expect(due('ama-wse', 2025, 'jaarafrekening')).toEqual(['2026-03-31']);
    // One calendar with the lead-time norms: Easter Monday 2024 is not a working day there either.
    expect(isWorkingDay('2024-04-01' as never)).toBe(false);
  });
});

describe('amounts', () => {
  const a = () => new AssumptionSet(defaultAssumptions());
  it('LDE: the maximum per VTE, a quarter of it per quarter, pro rata of the VTE', () => {
    const lines = ldeQuarterLines(
      [
        { kbo: '0123456749', quarter: '2024-Q1', vte: 250 },
        { kbo: '0123456749', quarter: '2024-Q2', vte: 233 },
      ],
      money.euros('13638.64'),
      a(),
    );
    // 13.638,64 × 2,50 ÷ 4 = 8.524,15; 13.638,64 × 2,33 ÷ 4 = 7.944,5078 → 7.944,51.
    expect(lines.map((l) => l.amount)).toEqual([852_415, 794_451]);
    expect(a().table.lde_vergoeding).toBeDefined();
  });

  it('AMA WSE: twelfths as advances, the annual settlement settles the rounding', () => {
    const p = { perYear: money.euros(2650), minHoursPerWeek: 12 };
    const rows = [
      ...Array.from({ length: 12 }, (_, i) => ({
        kbo: '0123456749',
        worker: 'P1',
        month: `2024-${String(i + 1).padStart(2, '0')}`,
        hoursPerWeek: 16,
      })),
      // P2 joins in October; P3 works 10 hours a week and does not count (minimum 12).
      ...['10', '11', '12'].map((m) => ({
        kbo: '0123456749',
        worker: 'P2',
        month: `2024-${m}`,
        hoursPerWeek: 12,
      })),
      { kbo: '0123456749', worker: 'P3', month: '2024-12', hoursPerWeek: 10 },
    ];
    // One twelfth: 2.650 ÷ 12 = 220,8333 → 220,83 per participant; December: P1 + P2 = 441,66.
    expect(amaAdvanceLines('2024-12', rows, p, a()).map((l) => l.amount)).toEqual([44_166]);
    // Advances paid: 9 months × 220,83 (P1) + 3 months × 441,66 = 1.987,47 + 1.324,98 = 3.312,45.
    const paid = new Map([['0123456749', money.euros('3312.45')]]);
    const year = amaYearLines(2024, rows, paid, p, a());
    // P1: 2.650 × 12/12 = 2.650,00; P2: 2.650 × 3/12 = 662,50; due 3.312,50 − 3.312,45 = 0,05.
    expect(year.map((l) => [l.worker, l.amount])).toEqual([
      ['P1', 265_000],
      ['P2', 66_250],
      [null, -331_245],
    ]);
    expect(year.reduce((s, l) => s + l.amount, 0)).toBe(5);
  });
});
