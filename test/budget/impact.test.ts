import { describe, expect, it } from 'vitest';
import { forecastFromSettlement, reformImpact } from '../../src/budget/index.ts';
import { isoDate } from '../../src/domain/dates.ts';

// Four dgwn in a maatwerkbedrijf that meets 20 VTE and the 65/35 rule; GGMMI 2.000 → cap 2.800.
const columns = {
  wop_actief: [true, true, true, false],
  wop_categorie: ['60-hoog', '45-laag', '60-gemiddeld', '60-hoog'],
  instroom: ['nieuw-vanaf-2019', 'nieuw-vanaf-2019', 'zittend-tot-2018', 'nieuw-vanaf-2019'],
  referteloon: [200_000, 200_000, 300_000, 200_000], // money columns are in cents
  ggmmi: [200_000, 200_000, 200_000, 200_000],
  vte_dgwn_bedrijf: [50, 50, 50, 50],
  aandeel_dgwn_personeel: [70, 70, 70, 70],
  toegekend_contingent_vte: [40, 40, 40, 40],
  tewerkgestelde_dgwn_vte: [40, 40, 40, 40],
};

describe('reform impact of the CMW loonpremie percentage on its article', () => {
  it('equals a hand count over a small registry', async () => {
    const r = await reformImpact({
      measure: 'collectief-maatwerk',
      article: 'JB0-1JEC2HA-WT',
      date: '2024-06-01',
      columns,
      n: 4,
      overrides: [{ parameter: 'loonpremie_60', validFrom: isoDate('2019-01-01'), value: 0.65 }],
      periods: 12,
    });
    // Baseline per month: 60% × 2.000 = 1.200; 45% × 2.000 = 900; 60% × min(3.000, 1,4 × 2.000 = 2.800) = 1.680;
    // the fourth has no WOP. 3.780 a month × 12 = 45.360 euro.
    expect(r.baselineCents).toBe(4_536_000);
    // Reform 65%: 1.300 + 900 + 1.820 = 4.020 × 12 = 48.240 euro; difference 2.880 euro.
    expect(r.reformCents).toBe(4_824_000);
    expect(r.differenceCents).toBe(288_000);
    expect(r.eligible).toEqual({ baseline: 3, reform: 3 });
  });
});

describe('forecast from settlement totals (interface of src/settlement articleTotals)', () => {
  const q2 = [
    {
      article: 'JB0-1JEC2HA-WT',
      measure: 'collectief-maatwerk',
      committedCents: 100_000_00,
      paidCents: 90_000_00,
    },
    {
      article: 'JB0-1JEC2HA-WT',
      measure: 'collectief-maatwerk',
      committedCents: 110_000_00,
      paidCents: 110_000_00,
    },
  ];
  it('adds the remaining quarters at the average and shows the accrual', () => {
    const [f] = forecastFromSettlement(q2, 2);
    // committed 210.000 over 2 quarters = 105.000 a quarter; + 2 × 105.000 = 420.000; accrual 10.000.
    expect(f).toMatchObject({
      committedCents: 210_000_00,
      paidCents: 200_000_00,
      accrualCents: 10_000_00,
      forecastCents: 420_000_00,
    });
  });
  it('changes when a run is added', () => {
    const more = [
      ...q2,
      { article: 'JB0-1JEC2HA-WT', measure: 'collectief-maatwerk', committedCents: 120_000_00, paidCents: 0 },
    ];
    // 330.000 over 3 quarters = 110.000; + 1 × 110.000 = 440.000.
    expect(forecastFromSettlement(more, 3)[0]?.forecastCents).toBe(440_000_00);
  });
});
