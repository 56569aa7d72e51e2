import { describe, expect, it } from 'vitest';
import { type Cents, money } from '../../src/domain/index.ts';
import {
  AssumptionSet,
  type AssumptionTable,
  advanceLines,
  cmwParams,
  contingentParams,
  contingentYear,
  defaultAssumptions,
  deltas,
  MissingAssumptionError,
  offsetLines,
  paymentCalendar,
  premiumLines,
  type SettlementLine,
  settlementPlan,
  type WorkerMonth,
} from '../../src/settlement/index.ts';

const e = money.euros;
/** The shipped assumptions with a round GGMMI of 2.000,00 € so the hand calculations stay readable. */
function testAssumptions(overrides: Partial<AssumptionTable> = {}): AssumptionSet {
  const base = defaultAssumptions();
  return new AssumptionSet({
    ...base,
    ggmmi: {
      ...base.ggmmi!,
      values: [
        { valid_from: '2019-01-01', value: 2000, set_by: 'test', set_on: '2026-12-03', source: 'test' },
      ],
    },
    ...overrides,
  });
}
const sum = (lines: SettlementLine[]) => lines.reduce((s, l) => s + l.amount, 0);
const byKey = (lines: SettlementLine[]) => new Map(lines.map((l) => [l.key, l.amount]));

const KBO = '0123456749';
const q1: WorkerMonth[] = [
  // A: 60%, full-time, wage 3.200 above the cap 1,4 × 2.000 = 2.800 → 2.800 × 60% = 1.680,00 a month.
  ...['01', '02', '03'].map((m) => ({
    kbo: KBO,
    worker: 'A',
    month: `2024-${m}`,
    package: '60-hoog' as const,
    wage: e('3200'),
    fte: 1,
  })),
  // B: 45%, half-time, wage 1.500: cap pro rata 2.800 × 0,5 = 1.400 → 1.400 × 45% = 630,00 a month.
  ...['01', '02', '03'].map((m) => ({
    kbo: KBO,
    worker: 'B',
    month: `2024-${m}`,
    package: '45-gemiddeld' as const,
    wage: e('1500'),
    fte: 0.5,
  })),
  // C: 45%, full-time, enters 15 February 2024.
  {
    kbo: KBO,
    worker: 'C',
    month: '2024-02',
    package: '45-laag',
    wage: e('1100'),
    fte: 1,
    from: '2024-02-15' as never,
  },
  { kbo: KBO, worker: 'C', month: '2024-03', package: '45-laag', wage: e('2000'), fte: 1 },
];

describe('collectief maatwerk: premiums of a quarter', () => {
  it('computes each worker-month and worker-quarter exactly', async () => {
    const { params } = await cmwParams('2024-01-01');
    const a = testAssumptions();
    const lines = premiumLines(q1, params, a);
    const k = byKey(lines);
    expect(k.get(`${KBO}|A|loonpremie|2024-01`)).toBe(e('1680.00'));
    expect(k.get(`${KBO}|B|loonpremie|2024-02`)).toBe(e('630.00')); // not 675,00: the cap is pro rata
    // C in February: 15 of 29 days → cap 2.800 × 15/29 = 1.448,2758… → 1.448,28; wage 1.100 below → 1.100 × 45% = 495,00.
    expect(k.get(`${KBO}|C|loonpremie|2024-02`)).toBe(e('495.00'));
    expect(lines.find((l) => l.key === `${KBO}|C|loonpremie|2024-02`)?.basis.plafond).toBe('1448.28');
    expect(k.get(`${KBO}|C|loonpremie|2024-03`)).toBe(e('900.00')); // 2.000 × 45%
    // Begeleidingspremie 506,94 per quarter; C two months of three: 506,94 × 2/3 = 337,96.
    expect(k.get(`${KBO}|A|begeleidingspremie|2024-Q1`)).toBe(e('506.94'));
    expect(k.get(`${KBO}|C|begeleidingspremie|2024-Q1`)).toBe(e('337.96'));
    // A 3 × 1.680 + 506,94 = 5.546,94; B 3 × 630 + 506,94 = 2.396,94; C 495 + 900 + 337,96 = 1.732,96.
    // Total 5.546,94 + 2.396,94 + 1.732,96 = 9.676,84.
    expect(sum(lines)).toBe(e('9676.84'));
    // Advances of 3 × 3.000 already paid: balance 676,84.
    const offset = offsetLines('2024-Q1', new Map([[KBO, e('9000')]]));
    expect(sum([...lines, ...offset])).toBe(e('676.84'));
    expect(a.list().map((x) => x.name)).toEqual(['begeleidingspremie_instap', 'ggmmi', 'plafond_deeltijds']);
  });

  it('a wage correction after payment yields one delta line only', async () => {
    const { params } = await cmwParams('2024-01-01');
    const paid = premiumLines(q1, params, testAssumptions());
    const settled = new Map(paid.map((l) => [l.key, { amount: l.amount, line: l }]));
    expect(deltas(settled, premiumLines(q1, params, testAssumptions()))).toEqual([]); // unchanged → nothing
    // A's February wage corrected to 2.500 (below the cap): 2.500 × 60% = 1.500 instead of 1.680 → −180,00.
    const corrected = q1.map((w) =>
      w.worker === 'A' && w.month === '2024-02' ? { ...w, wage: e('2500') } : w,
    );
    const d = deltas(settled, premiumLines(corrected, params, testAssumptions()));
    expect(d).toHaveLength(1);
    expect(d[0]!.key).toBe(`${KBO}|A|loonpremie|2024-02`);
    expect(d[0]!.previous).toBe(e('1680'));
    expect(d[0]!.line.amount).toBe(e('-180'));
  });

  it('stops and names a missing assumption', async () => {
    const { params } = await cmwParams('2023-01-01');
    const a = new AssumptionSet(defaultAssumptions()); // the shipped GGMMI starts on 2024-04-01
    const w = { ...q1[0]!, month: '2023-05' };
    expect(() => premiumLines([w], params, a)).toThrow(MissingAssumptionError);
    expect(() => premiumLines([w], params, a)).toThrow(/Aanname 'ggmmi'.*2023-05-01/);
  });
});

describe('collectief maatwerk: monthly advances with withholding', () => {
  it('sizes an advance on the last quarter and withholds an open negative balance', () => {
    const a = testAssumptions();
    const input = {
      month: '2024-04',
      lastQuarterDue: new Map([[KBO, e('9676.84')]]),
      openWithholding: new Map([[KBO, e('500')]]),
    };
    // 9.676,84 / 3 = 3.225,6133… → 3.225,61; withholding 500,00 → net 2.725,61.
    const lines = advanceLines({ ...input, withholdingSuspended: false }, a);
    expect(lines.map((l) => [l.component, l.amount])).toEqual([
      ['voorschot', e('3225.61')],
      ['inhouding', e('-500')],
    ]);
    // 2020: the automatic withholding was suspended (seeds/002:L1233-1237) → the gross advance only.
    expect(sum(advanceLines({ ...input, month: '2020-04', withholdingSuspended: true }, a))).toBe(
      e('3225.61'),
    );
  });
});

describe('collectief maatwerk: contingent, 90% rule and redistribution', () => {
  const q = (c: number, ...emp: number[]) =>
    emp.map((x, i) => ({ quarter: `Q${i + 1}`, contingent: c * 100, employed: Math.round(x * 100) }));
  const orgs = [
    { kbo: 'L', quarters: q(10, 8, 8, 8, 8) }, // 32/40 = 80% → cut to 8,00: −2,00
    { kbo: 'Q', quarters: q(10, 8.9, 8.9, 8.9, 8.9) }, // 35,6/40 = 89% → −1,10
    { kbo: 'K', quarters: q(5, 4.5, 4.5, 4.5, 4.5) }, // exactly 90% → no cut
    { kbo: 'P', quarters: q(10, 9.3, 9.3, 9.3, 9.3) }, // 93% → neither
    { kbo: 'M', quarters: q(20, 20, 20, 19.8, 20) }, // 79,8/80 = 99,75% → receives second
    { kbo: 'N', quarters: q(10, 10, 10, 10, 10.5) }, // above the contingent counts as 10 → 100% → first
  ];
  it('cuts below 90% and hands out whole VTE, highest fill first', async () => {
    const p = await contingentParams(2024);
    const r = contingentYear({ year: 2024, organisations: orgs, ...p, assumptions: testAssumptions() });
    const o = Object.fromEntries(r.organisations.map((x) => [x.kbo, x]));
    expect(o.L).toMatchObject({
      contingent_vte: 10,
      filled_vte: 8,
      fill_rate: 0.8,
      reduction_vte: 2,
      received_vte: 0,
    });
    expect(o.Q).toMatchObject({ fill_rate: 0.89, reduction_vte: 1.1 });
    expect(o.K).toMatchObject({ fill_rate: 0.9, reduction_vte: 0 });
    // Pool 2,00 + 1,10 = 3,10 → three whole VTE: N (100%), M (99,75%), N again; 0,10 stays.
    expect(o.N).toMatchObject({ filled_vte: 10, fill_rate: 1, received_vte: 2 });
    expect(o.M).toMatchObject({ contingent_vte: 20, filled_vte: 19.95, fill_rate: 0.9975, received_vte: 1 });
    expect(o.P).toMatchObject({ reduction_vte: 0, received_vte: 0 });
    expect(r).toMatchObject({
      reduced_vte: 3.1,
      redistributed_vte: 3,
      not_redistributed_vte: 0.1,
      effective: '2025-Q3',
    });
  });
  it('suspends the rule for 2020', async () => {
    const p = await contingentParams(2020);
    expect(p.suspended).toBe(true);
    const r = contingentYear({ year: 2020, organisations: orgs, ...p, assumptions: testAssumptions() });
    expect(r.reduced_vte).toBe(0);
    expect(r.redistributed_vte).toBe(0);
    expect(r.organisations.find((x) => x.kbo === 'L')?.fill_rate).toBe(0.8);
  });
});

describe('payment calendar on the Belgian working days', () => {
  it('matches a hand count for 2024 and 2025', () => {
    const plan = settlementPlan('collectief-maatwerk');
    const due = (y: number, kind: string) =>
      paymentCalendar(plan, y)
        .filter((x) => x.kind === kind)
        .map((x) => x.due);
    // 1st working day: 2024-01-01 New Year → 2nd; 04-01 Easter Monday → 2nd; 05-01 Labour Day → 2nd;
    // 06-01 Sat → 3rd; 09-01 Sun → 2nd; 11-01 All Saints (Fri) → Mon 4th; 12-01 Sun → 2nd.
    expect(due(2024, 'voorschot')).toEqual([
      '2024-01-02',
      '2024-02-01',
      '2024-03-01',
      '2024-04-02',
      '2024-05-02',
      '2024-06-03',
      '2024-07-01',
      '2024-08-01',
      '2024-09-02',
      '2024-10-01',
      '2024-11-04',
      '2024-12-02',
    ]);
    // 2025: 01-01 Wed holiday → 2nd; 02-01 and 03-01 Sat → Mon 3rd; 05-01 Thu holiday → 2nd;
    // 06-01 Sun → 2nd; 11-01 Sat → Mon 3rd.
    expect(due(2025, 'voorschot')).toEqual([
      '2025-01-02',
      '2025-02-03',
      '2025-03-03',
      '2025-04-01',
      '2025-05-02',
      '2025-06-02',
      '2025-07-01',
      '2025-08-01',
      '2025-09-01',
      '2025-10-01',
      '2025-11-03',
      '2025-12-01',
    ]);
    // 10th working day of the 4th month after the quarter: Jul 2024 (1-5, 8-12) → 12th; Oct 2024
    // (1-4, 7-11, 14) → 14th; Jan 2025 (1st holiday; 2-3, 6-10, 13-15) → 15th; Apr 2025 (1-4, 7-11, 14) → 14th.
    expect(due(2024, 'kwartaalafrekening')).toEqual(['2024-07-12', '2024-10-14', '2025-01-15', '2025-04-14']);
    // Jul 2025 (1-4, 7-11, 14) → 14th; Oct 2025 (1-3, 6-10, 13-14) → 14th; Jan 2026 (1st holiday;
    // 2, 5-9, 12-15) → 15th; Apr 2026 (1-3, 6th Easter Monday, 7-10, 13-15) → 15th.
    expect(due(2025, 'kwartaalafrekening')).toEqual(['2025-07-14', '2025-10-14', '2026-01-15', '2026-04-15']);
    expect(due(2024, 'jaarafrekening')).toEqual(['2025-04-14']);
    expect(due(2025, 'jaarafrekening')).toEqual(['2026-04-15']);
  });
});

it('the plan cites seed lines for every part', () => {
  const plan = settlementPlan('collectief-maatwerk');
  expect(plan.components.map((c) => c.id)).toEqual(['loonpremie', 'begeleidingspremie']);
  expect(plan.advance?.source).toContain('seeds/001_4a57afe77d69f3a4.txt:L9592-9594');
  expect(plan.settlement.source).toBe('seeds/001_4a57afe77d69f3a4.txt:L9595-9597');
  const _c: Cents = money.ZERO;
  expect(_c).toBe(0);
});

describe('budget article per measure and year', () => {
  it('follows the renumbering between the 2021 and 2024 BBT', async () => {
    const { budgetArticleFor } = await import('../../src/rules/index.ts');
    expect(budgetArticleFor('collectief-maatwerk', 2021).article).toBe('JB0-1JEB2HA-WT'); // seeds/000:L6375
    expect(budgetArticleFor('collectief-maatwerk', 2024).article).toBe('JB0-1JEC2HA-WT'); // seeds/003:L694
    expect(budgetArticleFor('collectief-maatwerk', 2025).article).toBe('JB0-1JEC2HA-WT');
    expect(() => budgetArticleFor('collectief-maatwerk', 2019)).toThrow(/Begrotingsartikel/);
  });
});
