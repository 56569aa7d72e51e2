import { describe, expect, it } from 'vitest';
import {
  checkReference,
  contextReport,
  countPersons,
  ladderFromPlacements,
  type PlacementFact,
  referenceLadder,
  regionalLadder,
  suppressSmallCells,
} from '../../src/monitor/index.ts';

/**
 * The study's published totals (Tabel 39, seeds/004_694cfc149f605398.txt:L6365, L6405, L6461,
 * L6473): [total, trede 5, trede 4, trede 3] per year 2014-2019.
 */
const PUBLISHED = {
  'west-vlaanderen': {
    2014: [55706, 42427, 12140, 1139],
    2015: [57807, 44251, 12376, 1180],
    2016: [55824, 42821, 11787, 1216],
    2017: [57321, 44931, 11081, 1309],
    2018: [57462, 45424, 10731, 1306],
    2019: [63552, 51901, 10198, 1453],
  },
  vlaanderen: {
    2014: [279536, 205340, 67416, 6780],
    2015: [285745, 212564, 66237, 6944],
    2016: [279296, 205297, 67118, 6881],
    2017: [282846, 211290, 63994, 7562],
    2018: [279438, 214573, 59164, 5701],
    2019: [317495, 255785, 55625, 6085],
  },
} as const;

describe('the ladder computed from the leaves of Tabel 39', () => {
  it('reproduces 63,552 places for West-Vlaanderen 2019: 51,901 / 10,198 / 1,453', async () => {
    const l = await referenceLadder(2019, 'west-vlaanderen');
    // Trede 5 = doelgroepkortingen 45,237 + 40 % × SINE 1,412 (= 564.8) + collectief 6,099 = 51,900.8.
    expect(l.rungs).toEqual([
      { rung: 5, total: 51901, exact: 51900.8 },
      { rung: 4, total: 10198, exact: 10198 },
      { rung: 3, total: 1453, exact: 1453 },
    ]);
    expect(l.total).toBe(63552);
    expect(l.totalExact).toBe(63551.8);
    const sine = l.measures.find((m) => m.measure === 'sine');
    expect(sine).toMatchObject({
      value: 1412,
      weight: 0.4,
      counted: 564.8,
      source: 'seeds/004_694cfc149f605398.txt:L6387',
    });
    // Arbeidszorg outside AMA is derived: 1,601 registered − 493 AMA − 148 AAZ = 960 (Tabel 39 prints 960).
    expect(l.measures.find((m) => m.measure === 'arbeidszorg')).toMatchObject({ value: 960, state: 'value' });
    expect(l.measures.find((m) => m.measure === 'arbeidszorg')?.derivation).toContain('1601');
    // Three states: 0 (invoegbedrijven 2019), no value (BW series ended 2018).
    expect(l.measures.find((m) => m.measure === 'invoegbedrijven')).toMatchObject({
      value: 0,
      state: 'value',
    });
    expect(l.measures.find((m) => m.measure === 'maatwerkbedrijf-ex-bw')).toMatchObject({
      value: null,
      state: 'no-value',
    });
  });

  for (const region of ['west-vlaanderen', 'vlaanderen'] as const) {
    for (const [year, [total, t5, t4, t3]] of Object.entries(PUBLISHED[region])) {
      it(`${region} ${year}: every published total follows from the leaves, or is a reported inconsistency`, async () => {
        const l = await referenceLadder(Number(year), region);
        expect(l.total).toBe(total);
        expect(l.rungs.map((r) => r.total)).toEqual(
          // The one published figure that does not follow: WVL 2018 trede 5 is printed 45,424 while
          // 38,508 + 0.4 × 1,444 + 6,339 = 45,424.6 rounds to 45,425 (the check reports it, below).
          region === 'west-vlaanderen' && year === '2018' ? [45425, t4, t3] : [t5, t4, t3],
        );
        for (const s of l.subtotals) {
          if (s.published === null) continue;
          if (region === 'west-vlaanderen' && year === '2018' && s.id === 'trede-5') continue;
          expect(s.value, s.id).toBe(s.published);
        }
      });
    }
  }
});

describe('the 2019 ladder by region (Tabel 40)', () => {
  it('reproduces every region from its leaves', async () => {
    // L6521, L6551, L6595, L6607.
    const expected = {
      brugge: [13304, 11199, 2105, null],
      'midden-west-vlaanderen': [13854, 12337, 1517, null],
      oostende: [6452, 4596, 1856, null], // 4,075 + 0.4 × 132 + 468 = 4,595.8
      westhoek: [9696, 8095, 1601, null],
      'zuid-west-vlaanderen': [18346, 15674, 2672, null],
      'niet-toewijsbaar': [1899, null, 446, 1453],
    } as const;
    for (const [region, [total, t5, t4, t3]] of Object.entries(expected)) {
      const l = await regionalLadder(region);
      expect([l.total, ...l.rungs.map((r) => r.total)], region).toEqual([total, t5, t4, t3]);
    }
  });
});

describe('the consistency check', () => {
  it("lists the study's own inconsistencies with their lines, and nothing else", async () => {
    const r = await checkReference();
    expect(r.checked).toEqual({ subtotals: 180, shares: 260, growth: 152, text: 6, derivations: 8 });
    const keys = r.findings.map(
      (f) => `${f.kind} ${f.row} ${f.region} ${f.period} ${f.published}→${f.computed}`,
    );
    expect(keys).toEqual([
      // 38,508 + 564.8 + 6,339 = 45,424.6 → 45,425 (L6365).
      'subtotal trede-5 west-vlaanderen 2018 45424→45425',
      // 23,226 / 23,979 − 1 = −3.14 % (L6393), printed −0.2 %.
      'growth collectief-maatwerk-totaal vlaanderen 2014-2019 -0.2→-3.1',
      // 5 → 0 is −100.0 % (L6399), printed +0.0 %.
      'growth invoegbedrijven west-vlaanderen 2018-2019 0→-100',
      // Before AMA/AAZ, Tabel 39's arbeidszorg is not Tabel 37's registration total.
      'derivation arbeidszorg west-vlaanderen 2014 1139→1150',
      'derivation arbeidszorg west-vlaanderen 2015 1180→1194',
      'derivation arbeidszorg west-vlaanderen 2016 1216→1253',
      'derivation arbeidszorg vlaanderen 2014 6780→6907',
      'derivation arbeidszorg vlaanderen 2015 6944→7103',
      'derivation arbeidszorg vlaanderen 2016 6881→7274',
      // 45,424 + 10,731 + 1,306 = 57,461 ≠ 57,462 (L6473).
      'sum-of-rungs totaal west-vlaanderen 2018 57462→57461',
      // The text's 45,802 counts SINE at 40 % (L539); the table row a t/m h at 100 % (46,649).
      'text individuele-inschakeling west-vlaanderen 2019 45802→46649',
      // L602 says 175,504; Tabel 39 (and the +54.7 %) give 174,504.
      'text rsz-korting-ouderen vlaanderen 2019 175504→174504',
      // L758 "6,476" follows from the unrounded parts (51,900.8 − 45,424.6 = 6,476.2), not from the table (6,477).
      'text trede-5 west-vlaanderen 2018-2019 6476→6476',
    ]);
    // Tabel 40: every regional subtotal follows; the regions' sums miss 1 where per-region rounding bites.
    // The arrondissement tables (2019) add up to West-Vlaanderen and to the Tabel 40 regions, except
    // wijk-werken (annual averages rounded per arrondissement, Tabel 31 L6020-6046).
    expect(r.regions.checked).toBe(147);
    expect(
      r.regions.findings.map((f) => `${f.kind} ${f.row} ${f.region} ${f.published}→${f.computed}`),
    ).toEqual([
      'regions-sum trede-4 west-vlaanderen 10198→10197', // L6551
      'regions-sum wijk-werken west-vlaanderen 1113→1112', // L6583
      'regions-sum totaal west-vlaanderen 63552→63551', // L6607
      'arrondissements-sum wijk-werken west-vlaanderen 1113→1112', // 170+55+118+295+268+102+72+32
      'arrondissements-region wijk-werken midden-west-vlaanderen 173→174', // Roeselare 102 + Tielt 72
      'arrondissements-region wijk-werken westhoek 206→205', // Diksmuide 55 + Ieper 118 + Veurne 32
    ]);
    // Jobseekers and the ratios to wage earners all follow (58 figures).
    expect(r.context).toEqual({ checked: 58, findings: [] });
    for (const f of r.findings) expect(f.source).toMatch(/seeds\/004_694cfc149f605398\.txt:L\d+/);
  });
});

describe('the ladder from registry placements', () => {
  // A hand-made population for 2019, West-Vlaanderen unless said otherwise.
  const f = (
    person: string,
    measure: string,
    start: string,
    end: string | null,
    nisCode: string | null = '31005',
  ) => ({ person, measure, start, end, fte: 1, nisCode }) satisfies PlacementFact;
  const facts: PlacementFact[] = [
    // vop (snapshot on 31/12): p1 active, p2 ended 30/06, p3 active from 2018, p4 in Gent (Oost-Vlaanderen).
    f('p1', 'vop', '2019-03-01', null),
    f('p2', 'vop', '2019-01-01', '2019-06-30'),
    f('p3', 'vop', '2018-05-01', '2020-05-01', '34022'),
    f('p4', 'vop', '2019-01-01', null, '44021'),
    // sine (yearly average, weight 0.4): p5 the whole year (365 days), p6 half a year 1/1-2/7 (183 days).
    f('p5', 'sine', '2018-01-01', null),
    f('p6', 'sine', '2019-01-01', '2019-07-02', '36015'),
    // bvs (started in the year): p7 twice in 2019 (one person), p8 started in 2018.
    f('p7', 'bvs', '2019-02-01', '2019-02-28'),
    f('p7', 'bvs', '2019-09-01', '2019-09-30'),
    f('p8', 'bvs', '2018-11-01', '2019-01-31'),
    // brugproject (school year 2018-2019: active on 1/2/2019): p9 yes, p10 started after.
    f('p9', 'brugproject', '2018-09-01', '2019-06-30', '35013'),
    f('p10', 'brugproject', '2019-09-01', '2020-06-30'),
    // arbeidszorg (snapshot): p11 without NIS code → not assignable to a region.
    f('p11', 'arbeidszorg', '2019-01-01', null, null),
    f('p12', 'arbeidszorg', '2019-01-01', null, '38025'),
    // twe is in the catalogue but not counted on the ladder.
    f('p13', 'twe', '2019-01-01', null),
  ];

  it('equals the hand count for West-Vlaanderen 2019', async () => {
    const l = await ladderFromPlacements(facts, { year: 2019, region: 'west-vlaanderen' });
    const v = Object.fromEntries(l.measures.map((m) => [m.measure, m.counted]));
    // vop: p1 and p3 (p2 ended, p4 outside) = 2.
    // sine: (365 + 183) / 365 = 1.50137 persons × 0.4 = 0.60055.
    // bvs: p7 = 1. brugproject: p9 = 1. arbeidszorg: p12 = 1 (p11 has no NIS code).
    expect(v).toEqual({ arbeidszorg: 1, brugproject: 1, bvs: 1, sine: 0.601, vop: 2 });
    expect(l.rungs).toEqual([
      { rung: 5, total: 3, exact: 2.601 }, // 2 + 0.60055
      { rung: 4, total: 2, exact: 2 },
      { rung: 3, total: 1, exact: 1 },
    ]);
    expect(l.total).toBe(6);
    expect(l.subtotals.find((s) => s.id === 'individuele-inschakeling')?.exact).toBe(3.501); // SINE at 100 %
    expect(l.notes).toEqual(['twe: 1 plaatsing(en) niet geteld (niet meegeteld op de ladder).']);
  });

  it('counts a region by NIS code and keeps the unassignable apart', async () => {
    const mid = await ladderFromPlacements(facts, { year: 2019, region: 'midden-west-vlaanderen' });
    // Only p6 (Roeselare 36015): 183/365 × 0.4 = 0.2005.
    expect(mid.totalExact).toBe(0.201);
    const na = await ladderFromPlacements(facts, { year: 2019, region: 'niet-toewijsbaar' });
    expect(na.total).toBe(1);
    const vl = await ladderFromPlacements(facts, { year: 2019, region: 'vlaanderen' });
    expect(vl.measures.find((m) => m.measure === 'vop')?.value).toBe(3); // + p4 in Gent
  });

  it('counting bases on their own', () => {
    expect(countPersons([f('a', 'x', '2019-12-31', '2019-12-31')], 'snapshot', 2019)).toBe(1);
    expect(countPersons([f('a', 'x', '2020-01-01', null)], 'started', 2019)).toBe(0);
    // Overlapping placements of one person count once: 1/1-31/3 and 1/3-30/6 = 181 days of 365.
    expect(
      countPersons(
        [f('a', 'x', '2019-01-01', '2019-03-31'), f('a', 'x', '2019-03-01', '2019-06-30')],
        'annual-average',
        2019,
      ),
    ).toBeCloseTo(181 / 365, 10);
  });

  it('suppresses cells under 5 persons in open data', async () => {
    const l = suppressSmallCells(
      await ladderFromPlacements(facts, { year: 2019, region: 'west-vlaanderen' }),
    );
    expect(l.measures.every((m) => m.state === 'suppressed' && m.value === null)).toBe(true);
  });
});

describe('jobseekers and context', () => {
  it('keeps nwwz per target group 2014-2019 with growth and shares computed', async () => {
    const c = await contextReport();
    const all = c.nwwz.rows.find((r) => r.id === 'alle-nwwz');
    // Annex Tabel 2 L4664 / Table 1 L366.
    expect(all?.values['west-vlaanderen']).toEqual([34588, 33775, 31745, 30125, 27600, 26518]);
    // 26,518 / 27,600 − 1 = −3.92 % → −3.9; 26,518 / 184,851 = 14.35 % → 14.3.
    expect(all?.growth.find((g) => g.region === 'west-vlaanderen' && g.period === '2018-2019')?.value).toBe(
      -3.9,
    );
    expect(all?.share.at(-1)).toBe(14.3);
    // 63,551.8 / 433,385 = 14.66 % → 14.7 (L729-732), numerator 2019 and denominator 31/12/2018.
    expect(c.ratios.map((r) => [r.id, r.value])).toEqual([
      ['plaatsen-per-loontrekkende', 14.7],
      ['trede-5-per-loontrekkende', 12],
    ]);
    const rate = c.indicators.find((i) => i.id === 'werkzaamheidsgraad' && i.region === 'west-vlaanderen');
    expect(rate).toMatchObject({ value: 77.5, age: '20-64', date: '2019' });
  });
});
