/**
 * The batch kernel compiler on a formula made for it: what it inlines, what it calls as written
 * (and says why), and that both give the scalar path's results, including a parameter that is
 * not yet in force and facts left to their default.
 */
import { describe, expect, it } from 'vitest';
import { type IsoDate, money } from '../../domain/index.ts';
import { defineFormula, fact } from './define.ts';
import { calculate, calculateBatch, describeKernel } from './evaluate.ts';
import type { LoadedMeasure } from './loader.ts';
import { buildSeries } from './parameters.ts';

const SRC = 'seeds/004_694cfc149f605398.txt:L3864-3870';
const LIMIT = 3;
const overLimit = (x: number) => x > LIMIT;

const formula = defineFormula({
  facts: {
    leeftijd: fact.integer('Leeftijd'),
    voltijds: fact.boolean('Voltijds', { default: true }),
    uren: fact.number('Uren'),
    loon: fact.money('Loon'),
    regio: fact.choice('Regio', ['west', 'oost'], { default: 'west' }),
  },
  parameters: { min_leeftijd: 'integer', premie: 'money', toeslag: 'money', aandeel: 'rate' },
  amount: { label: 'Premie', period: 'per maand' },
  versions: [
    {
      from: '2020-01-01',
      source: SRC,
      conditions: [
        {
          id: 'leeftijd',
          source: SRC,
          holds: ({ f, p, step }) => step('leeftijd_ok', f.leeftijd >= p.min_leeftijd, 'tekst'),
          text: () => 'leeftijd',
        },
        {
          id: 'blok',
          source: SRC,
          holds: ({ f }) => {
            const grenzen = [10, 20];
            // A return inside a nested function belongs to that function, not to the condition.
            const boven = grenzen.some((g) => {
              return f.uren > g;
            });
            if (f.regio === 'oost') return boven || f.voltijds;
            return true;
          },
          text: () => 'blok',
        },
        {
          id: 'helper',
          source: SRC,
          holds: ({ f }) => !overLimit(f.leeftijd - 60),
          text: () => 'helper',
        },
      ],
      amount: ({ f, p, stepMoney }) => {
        const basis = stepMoney('basis', f.voltijds ? p.premie : money.mulRatio(p.premie, p.aandeel));
        return f.loon > 200000 ? money.add(basis, p.toeslag) : basis;
      },
    },
  ],
});

const param = (type: string, values: [string, number][]) => ({
  description: 'test',
  type: type as never,
  unit: '',
  values: values.map(([from, value]) => ({ valid_from: from as IsoDate, value, source: SRC })),
});

const m: LoadedMeasure = {
  id: 'kernel-test',
  meta: { sources: [SRC], not_modelled: [], name: 'Kernel', lifecycle: { source: SRC } } as never,
  parameters: buildSeries({
    min_leeftijd: param('integer', [['2020-01-01', 25]]),
    premie: param('money', [['2020-01-01', 500]]),
    toeslag: param('money', [['2021-01-01', 50]]),
    aandeel: param('rate', [['2020-01-01', 0.5]]),
  }),
  formula,
  scenarios: [],
  path: 'test',
};
const ruleset = { version: 'test', hash: 'test' };

const rows = [
  { leeftijd: 30, voltijds: true, uren: 15, loon: 2500, regio: 'west' },
  { leeftijd: 24, voltijds: true, uren: 15, loon: 2500, regio: 'west' },
  { leeftijd: 40, voltijds: false, uren: 5, loon: 1500, regio: 'oost' },
  { leeftijd: 40, voltijds: false, uren: 25, loon: 1500, regio: 'oost' },
  { leeftijd: 64, voltijds: true, uren: 25, loon: 1500, regio: 'west' },
  { leeftijd: 63, voltijds: false, uren: 25, loon: 1999.99, regio: 'west' },
];
const columns = {
  leeftijd: Int32Array.from(rows, (r) => r.leeftijd),
  voltijds: Uint8Array.from(rows, (r) => Number(r.voltijds)),
  uren: Float64Array.from(rows, (r) => r.uren),
  loon: Float64Array.from(rows, (r) => Math.round(r.loon * 100)),
  regio: rows.map((r) => r.regio),
};

describe('the batch kernel', () => {
  it('inlines what it understands and calls the rest as written, saying why', () => {
    expect(describeKernel(m, '2021-06-01')).toEqual([
      { part: 'condition:leeftijd', inlined: true },
      { part: 'condition:blok', inlined: true },
      { part: 'condition:helper', inlined: false, reason: "vrije naam 'overLimit'" },
      { part: 'amount', inlined: true },
    ]);
  });

  it('gives the scalar results row by row', () => {
    const b = calculateBatch(m, '2021-06-01', columns, rows.length);
    const scalar = rows.map((r) => calculate(m, '2021-06-01', r, { ruleset }));
    expect(Array.from(b.eligible, Boolean)).toEqual(scalar.map((s) => s.eligible));
    expect(Array.from(b.amounts)).toEqual(scalar.map((s) => Math.round((s.amount ?? 0) * 100)));
    // Hand check: row 0 full time 500 € + 50 € supplement (wage above 2.000 €); row 1 is 24; row 2
    // is east, under 10 hours and part-time; row 3 part-time: 500 × 0,5 = 250 €; row 4 is 64 (over
    // 60 + 3); row 5 part-time at 1.999,99 €: 250 € without supplement.
    expect(Array.from(b.amounts)).toEqual([55000, 0, 0, 25000, 0, 25000]);
    expect(b.total).toBe(105000);
  });

  it('uses the default of a fact without a column', () => {
    const { voltijds: _v, regio: _r, ...withoutDefaults } = columns;
    const b = calculateBatch(m, '2021-06-01', withoutDefaults, rows.length);
    // Everyone full time in the west: 500 €, and 550 € for row 0 (wage above 2.000 €).
    expect(Array.from(b.amounts)).toEqual([55000, 0, 50000, 50000, 0, 50000]);
  });

  it('refuses a parameter that is not yet in force as the scalar path does', () => {
    const facts = { leeftijd: 30, voltijds: true, uren: 15, loon: 2500 };
    const message =
      "parameter 'toeslag' van kernel-test is op 2020-06-01 pas van toepassing vanaf 2021-01-01";
    expect(() => calculate(m, '2020-06-01', facts, { ruleset })).toThrow(message);
    expect(() => calculateBatch(m, '2020-06-01', columns, rows.length)).toThrow(message);
    // Rows that never read it are computed (no wage above 2.000 €: 500 + 250 + 250 €).
    const b = calculateBatch(
      m,
      '2020-06-01',
      { ...columns, loon: new Float64Array(rows.length) },
      rows.length,
    );
    expect(b.total).toBe(100000);
  });
});
