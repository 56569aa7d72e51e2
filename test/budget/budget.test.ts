import { describe, expect, it } from 'vitest';
import {
  accrualsByArticle,
  budgetData,
  check,
  claimFindings,
  computeTotals,
  downloadTable,
  execution,
  loadClaims,
  notCheckableClaims,
  ratePercent,
} from '../../src/budget/index.ts';

const data = budgetData();
const S000 = 'seeds/000_3bfdbb028fdab786.txt';
const S003 = 'seeds/003_041d48c097fadc86.txt';
const S002 = 'seeds/002_fa7ec9f147cf0c36.txt';

function total(year: number, level: string, code: string, credit: string, stage: string): number | undefined {
  return computeTotals(data, year).find(
    (t) => t.level === level && t.code === code && t.credit === credit && t.stage === stage,
  )?.amountEuro;
}

describe('budget data', () => {
  it('loads every row of the note (spec-budget §1.1-1.4: 90 + 168 + 348 + 72; §2: 114; §3: 292; §4: 99)', () => {
    expect(data.bbt.filter((r) => r.year === 2021)).toHaveLength(90 + 168 + 348 + 72);
    expect(data.bbt.filter((r) => r.year === 2024)).toHaveLength(114);
    expect(data.annex).toHaveLength(292);
    expect(data.movements).toHaveLength(99);
    for (const r of data.bbt) expect(r.source).toMatch(/^seeds\/00[03]_/);
  });
  it('keeps amounts exact in euros (keuro × 1000; annex in euro as printed)', () => {
    const vop = data.annex.find((r) => r.code === 'JB0-1JDB2CA-WT' && r.year === 2022 && r.credit === 'VAK');
    expect(vop?.amountEuro).toBe(383_452_966); // 001:L9987 "383.452.966"
    const via = data.movements.find((m) => m.article === 'JB0-1JDB2CY-IS' && m.unit === 'euro');
    expect(via?.amountCents).toBe(136_220_327); // 000:L2918 "1.362.203,27 euro"
  });
});

describe('computed totals (never copied)', () => {
  it('2021 TOTAAL = JD + JE + JF from the articles (000:L787-794)', () => {
    expect(total(2021, 'domein', 'TOTAAL', 'VAK', 'BU')).toBe(3_623_512_000);
    expect(total(2021, 'domein', 'TOTAAL', 'VAK', '2e BA')).toBe(3_623_039_000);
    expect(total(2021, 'domein', 'TOTAAL', 'VAK', '2e BA-JR')).toBe(3_729_159_000);
    expect(total(2021, 'domein', 'TOTAAL', 'VEK', 'BU')).toBe(3_582_315_000);
    // AO BU 251.237 = JD 250.171 + JE 1.066; receipts print 'Uitvoering' (000:L2077).
    expect(total(2021, 'domein', 'TOTAAL', 'AO', 'Uitvoering')).toBe(251_237_000);
  });
  it('2021 programmes and JA (000:L813, L832, L848, L7076)', () => {
    expect(total(2021, 'programma', 'JD', 'VAK', 'BU')).toBe(2_827_299_000);
    expect(total(2021, 'programma', 'JE', 'VAK', 'BU')).toBe(540_539_000);
    expect(total(2021, 'programma', 'JF', 'VEK', 'BU')).toBe(255_110_000);
    expect(total(2021, 'programma', 'JA', 'VAK', 'BU')).toBe(44_659_000);
  });
  it('2024 JE VAK BU from the articles is 653.584 keuro, printed 653.583 (003:L128)', () => {
    // ISE Activering SE articles sum to 635.306 (printed Totaal 635.305, 003:L644) + GA 18.278 + GB-PA 0.
    expect(total(2024, 'programma', 'JE', 'VAK', 'BU')).toBe(653_584_000);
    expect(total(2024, 'programma', 'JE', 'VEK', 'BU')).toBe(668_564_000);
  });
});

describe('execution', () => {
  it('2021 overall 97% VAK / 96% VEK (000:L725-727), 2024 CMW 93,9% VAK (003:L754)', () => {
    const e21 = execution(data, 2021).filter((e) => e.level === 'domein');
    expect(e21.find((e) => e.credit === 'VAK')?.ratePercent).toBe(97); // 3.623.512 / 3.729.159 = 97,17%
    expect(e21.find((e) => e.credit === 'VEK')?.ratePercent).toBe(96); // 3.582.315 / 3.719.226 = 96,32%
    expect(e21.find((e) => e.credit === 'VAK')?.underuseEuro).toBe(105_647_000); // 3.729.159 − 3.623.512
    const cmw = execution(data, 2024).find((e) => e.code === 'JB0-1JEC2HA-WT' && e.credit === 'VAK');
    expect(cmw?.ratePercent).toBe(93.9); // 552.289 / 588.293 = 93,88%
  });
});

describe('budget check', () => {
  const findings = check(data);
  const at = (source: string, kind?: string) =>
    findings.filter((f) => f.sources[0] === source && (!kind || f.kind === kind));
  it('T1/T2: ISE Activering (SE) 2024 Totaal BU printed 1 keuro under its rows (003:L644)', () => {
    const t = at(`${S003}:L644`, 'ise-total').filter((f) => f.where.includes('Σ rijen'));
    expect(t.map((f) => [f.printed, f.computed, f.difference])).toEqual([
      [635_305_000, 635_306_000, -1000],
      [635_441_000, 635_442_000, -1000],
    ]);
  });
  it('T3: JE 2024 BU (003:L128): VEK 1 keuro over the ISE Totaal rows, VAK 1 keuro under the articles', () => {
    const t = at(`${S003}:L128`);
    expect(t.find((f) => f.kind === 'programme-vs-ise')).toMatchObject({
      printed: 668_564_000,
      computed: 668_563_000,
      difference: 1000,
    });
    expect(t.find((f) => f.kind === 'programme-total')).toMatchObject({
      printed: 653_583_000,
      computed: 653_584_000,
      difference: -1000,
    });
  });
  it('T4: JB0-1JDB2AD-WT BA-JR VAK 30.971 vs BA + movements 30.970 (000:L5177)', () => {
    expect(at(`${S000}:L5177`, 'movements')[0]).toMatchObject({
      printed: 30_971_000,
      computed: 30_970_000,
      difference: 1000,
    });
  });
  it('T5: JB0-1JDB5CY-IS BA-JR VAK 15.629 vs 14.827 + 495 (000:L2997; ORAFIN code-5 loading is no movement)', () => {
    expect(at(`${S000}:L2997`, 'movements')[0]).toMatchObject({
      printed: 15_629_000,
      computed: 15_322_000,
      difference: 307_000,
    });
  });
  it('T6-T8 and text claims by their seed lines', () => {
    const claim = (src: string) => at(src, 'text-claim')[0];
    expect(claim(`${S000}:L7143`)).toMatchObject({ printed: 77_000, computed: 76_000 }); // T6: 71 + 5
    expect(claim(`${S000}:L5314`)).toMatchObject({ printed: 9_713_000, computed: 9_702_000 }); // T7: 904 − 2 + 8.800
    expect(claim(`${S000}:L3501`)).toMatchObject({ printed: 5_949_000, computed: 5_948_000 }); // T8: 14.446 − 8.498
    expect(claim(`${S000}:L4378`)).toMatchObject({ computed: 2_347_000 }); // B2: 6.033 − 3.686
    expect(claim(`${S000}:L5804`)).toMatchObject({ printed: 89, computed: 88, unit: 'percent' }); // B5: 88,36%
    expect(claim(`${S003}:L755`)).toMatchObject({ difference: -30_000_000 }); // B8 typo 522.157 vs 552.157
    expect(claim(`${S003}:L1876`)?.difference).toBe(873_000); // B9: 18.278 − 17.405
  });
  it('the remaining text claims B1, B3, B4, B6, B7, B11, B12, B16 by their seed lines', () => {
    const claim = (src: string) => at(src, 'text-claim');
    // B1: 458.323 − 410.974 = 47.349; printed 59.707; the 12.358 difference is the afrekening 2020 (L2190).
    expect(claim(`${S000}:L2150-2151`)).toEqual([
      expect.objectContaining({
        printed: 59_707_000,
        computed: 47_349_000,
        difference: 12_358_000,
        sources: [`${S000}:L2150-2151`, `${S000}:L2140`],
      }),
    ]);
    // B3: gewest 1 − 33.396 / 35.306 = 1.910 / 35.306 = 5,41% → 5,4 (printed 9,5);
    // gemeenschap 1 − 48.296 / 54.325 = 6.029 / 54.325 = 11,10% → 11,1 (printed 8,9).
    const b3 = claim(`${S000}:L769-771`);
    expect(b3.map((f) => [f.printed, f.computed, f.difference, f.sources[1]])).toEqual([
      [9.5, 5.4, 4.1, `${S000}:L3713`],
      [8.9, 11.1, -2.2, `${S000}:L3772`],
    ]);
    expect(b3[0]?.unit).toBe('percent');
    // B4: 1,10 × 32.444 = 35.688,4 → 35.688 aanvragen; printed 36.007: 319 more.
    expect(claim(`${S000}:L3735-3736`)).toEqual([
      expect.objectContaining({ printed: 36_007, computed: 35_688, difference: 319, unit: 'aantal' }),
    ]);
    // B6: a part of 36.468 inside a BU VEK of 32.322: 4.146 keuro more than the whole.
    expect(claim(`${S000}:L5211-5212`)).toEqual([
      expect.objectContaining({
        printed: 36_468_000,
        computed: 32_322_000,
        difference: 4_146_000,
        sources: [`${S000}:L5211-5212`, `${S000}:L5210-5211`],
      }),
    ]);
    // B7: 3.333 in the relance summary vs 3.458 requested for opleidingsincentives.
    expect(claim(`${S000}:L744`)).toEqual([
      expect.objectContaining({ printed: 3_333_000, computed: 3_458_000, difference: -125_000 }),
    ]);
    // B11: 2.000 + 12.912 + 1.315 = 16.227 vs +14.896 printed: −1.331 (the 1.331 called VAK).
    expect(claim(`${S003}:L1885-1886`)).toEqual([
      expect.objectContaining({ printed: 14_896_000, computed: 16_227_000, difference: -1_331_000 }),
    ]);
    // B12: 27 + 11 + 17 = 55 vs 131 kept in BA.
    expect(claim(`${S003}:L1819-1822`)).toEqual([
      expect.objectContaining({ printed: 131_000, computed: 55_000, difference: 76_000 }),
    ]);
    // B16: "11.000 euro" vs 8.000 + 3.000 keuro = 11.000.000 euro.
    expect(claim(`${S002}:L957`)).toEqual([
      expect.objectContaining({ printed: 11_000, computed: 11_000_000, difference: -10_989_000 }),
    ]);
  });
  it('a part within its whole (at-most) is no finding; the not-checkable claims say why', () => {
    const ok = claimFindings([
      {
        id: 'X',
        where: 'x',
        unit: 'keuro',
        op: 'at-most',
        printed: { value: '5', source: `${S000}:L1` },
        terms: [{ value: '6', source: `${S000}:L2` }],
      },
    ]);
    expect(ok).toEqual([]);
    const nc = notCheckableClaims();
    expect(nc.map((n) => n.id)).toEqual(['B3-jaar', 'B13-B15-BO', 'T7-vorderingen']);
    for (const n of nc) expect(n.reason.length).toBeGreaterThan(20);
  });
  it('all 16 text claims of the note (B1-B16) are checked or listed as not checkable', () => {
    const ids = new Set([
      ...loadClaims().map((c) => c.id.replace(/[ab]$/, '')),
      ...notCheckableClaims().map((n) => n.id),
    ]);
    for (let i = 1; i <= 16; i++) expect(ids.has(`B${i}`), `B${i}`).toBe(true);
  });
  it('finds nothing else: all other totals reproduce', () => {
    const kinds = findings
      .filter((f) => f.kind !== 'text-claim' && f.kind !== 'accrual')
      .map((f) => `${f.sources[0]} ${f.where}`);
    // T1, T2 (rows and articles: 4), T3 (2), T4, T5, and the VIA items in euro of 2CY-IS (VAK, VEK: cents, 000:L2888).
    expect(kinds).toHaveLength(10);
  });
});

describe('accruals (overlopende rekening) and prior-year settlements inside BU', () => {
  const y2021 = accrualsByArticle(data, 2021);
  const of = (year: number, article: string, credit: 'VAK' | 'VEK') =>
    accrualsByArticle(data, year).find((a) => a.article === article && a.credit === credit);
  it('adds the components per article and credit, with their lines', () => {
    // AWI 1.924 + DAC 59 + Gesco 19 = 2.002 VAK; AWI 1.001 + DAC 79 + Gesco 19 = 1.099 VEK (000:L2624-2673).
    expect(of(2021, 'JB0-1JDB2CH-WT', 'VAK')?.accrualEuro).toBe(2_002_000);
    expect(of(2021, 'JB0-1JDB2CH-WT', 'VEK')?.accrualEuro).toBe(1_099_000);
    // Opleidingsincentives: 86.971 + 2.892 + 1.720 + 766 + 3.333 = 95.682, the total printed at 000:L5848-5850.
    expect(of(2021, 'JB0-1JFB2FB-WT', 'VAK')?.accrualEuro).toBe(95_682_000);
    // Jongerenbonus: accrual 372 and +63 from the 2020 settlement (354 − 291), 000:L2432-2457.
    expect(of(2021, 'JB0-1JDB2CF-WT', 'VEK')).toMatchObject({ accrualEuro: 372_000, priorYearEuro: 63_000 });
    // Doelgroepverminderingen: afrekening 2020 −12.358 inside ORAFIN 458.323 (000:L2190).
    expect(of(2021, 'JB0-1JDB2CA-WT', 'VAK')).toMatchObject({
      accrualEuro: 0,
      priorYearEuro: -12_358_000,
      buEuro: 458_323_000,
    });
    // 2024: CMW 18.188 (003:L762-766); IMW article 2.580 + 495 + 660 = 3.735; AMA SE 576 VAK / 305 VEK.
    expect(of(2024, 'JB0-1JEC2HA-WT', 'VEK')?.accrualEuro).toBe(18_188_000);
    expect(of(2024, 'JB0-1JEC2HF-WT', 'VAK')?.accrualEuro).toBe(3_735_000);
    expect(of(2024, 'JB0-1JEC2HC-WT', 'VAK')?.accrualEuro).toBe(576_000);
    expect(of(2024, 'JB0-1JEC2HC-WT', 'VEK')?.accrualEuro).toBe(305_000);
    for (const a of y2021) for (const r of a.rows) expect(r.source).toMatch(/^seeds\/000_/);
  });
  it('is a download table with one row per printed component', () => {
    const t = downloadTable('overlopend', { year: 2024, article: '' });
    // 2024 per credit: CMW 1 + 1, AMA SE 1 + 1, IMW 3 + 3 (VAK/VEK rows on both), IMW-LP 1 + 1 = 12 rows.
    expect(t.rows).toHaveLength(12);
    expect(t.rows[0]).toEqual(expect.arrayContaining(['JB0-1JEC2HA-WT', 'VAK', 18_188_000]));
  });
  it('finds the accruals larger than their BU (ESF 2AD-WT VEK; opleidingsincentives 2FB)', () => {
    const acc = check(data).filter((f) => f.kind === 'accrual');
    expect(acc.map((f) => [f.where, f.printed, f.computed, f.difference])).toEqual([
      // 36.468 > 32.322 (000:L5211-5213, B6)
      ['2021 JB0-1JDB2AD-WT VEK overlopende rekening ≤ BU', 36_468_000, 32_322_000, 4_146_000],
      // 95.682 > 68.224 VAK and 68.082 VEK (000:L5794; printed as 140%, 000:L5847)
      ['2021 JB0-1JFB2FB-WT VAK overlopende rekening ≤ BU', 95_682_000, 68_224_000, 27_458_000],
      ['2021 JB0-1JFB2FB-WT VEK overlopende rekening ≤ BU', 95_682_000, 68_082_000, 27_600_000],
    ]);
  });
});

describe('ratePercent', () => {
  it('rounds half away from zero at output', () => {
    expect(ratePercent(1, 8, 0)).toBe(13); // 12,5 → 13
    expect(ratePercent(-1, 8, 0)).toBe(-13);
    expect(ratePercent(1, 8, 1)).toBe(12.5);
    expect(ratePercent(5, 0, 1)).toBeNull();
  });
});
