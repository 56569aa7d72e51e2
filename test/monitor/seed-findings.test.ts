/**
 * Issue 14: `monitor check` reports the contradictions outside Tabel 39's arithmetic, each with its
 * nature, and labels the 45.802 (another definition) and the regional gap (wijk-werken) rightly.
 */
import { describe, expect, it } from 'vitest';
import { checkReference } from '../../src/monitor/check.ts';
import { seedFindings } from '../../src/monitor/seed-findings.ts';
import { citedText } from '../../src/rules/engine/citation.ts';

const text = (source: string) => citedText(source, 20).join(' ');
const byId = new Map(seedFindings().map((f) => [f.id, f]));

describe('findings outside Tabel 39', () => {
  it('trede 4: the changes in the text net −532, the text states −533 (rekenfout)', () => {
    // seeds/004_694cfc149f605398.txt:L774-786: +250 +151 +136 +90 +25 +18 +10 = +680;
    // −674 −195 −108 −83 −68 −28 −27 −17 −11 −1 = −1.212; 680 − 1.212 = −532, stated "533 plaatsen".
    const f = byId.get('trede-4-wijzigingen')!;
    expect(f.nature).toBe('rekenfout');
    expect(f.computed).toBe(-532);
    expect(f.stated).toBe(-533);
    expect(text('seeds/004_694cfc149f605398.txt:L774-786')).toContain('533 plaatsen');
    expect(text('seeds/004_694cfc149f605398.txt:L774-786')).toContain('-674 personen');
  });

  it('TIW Vlaanderen 2016: 2.813 / 5.207 in Tabel 39 against 2.814 / 5.208 in Tabel 18 (tegenspraak)', () => {
    const f = byId.get('tiw-vlaanderen-2016')!;
    expect(f.nature).toBe('tegenspraak');
    expect(f.values.map((v) => v.value)).toEqual([2813, 2814, 5207, 5208]);
    expect(text('seeds/004_694cfc149f605398.txt:L6415')).toContain('2 813');
    expect(text('seeds/004_694cfc149f605398.txt:L5346')).toContain('2 814');
    expect(text('seeds/004_694cfc149f605398.txt:L6409')).toContain('5 207');
    expect(text('seeds/004_694cfc149f605398.txt:L5340')).toContain('5 208');
  });

  it('Tabel 6, 2014: the arrondissements Diksmuide and Kortrijk do not fit their later years (tegenspraak)', () => {
    const f = byId.get('tabel-6-arrondissementen-2014')!;
    expect(f.nature).toBe('tegenspraak');
    expect(text('seeds/004_694cfc149f605398.txt:L4813')).toContain('Arr. Diksmuide 6 082 750');
    expect(text('seeds/004_694cfc149f605398.txt:L4817')).toContain('Arr. Kortrijk 954 6 665');
  });

  it('Tabel 1: the arrondissements of 2019 sum to 26.524, West-Vlaanderen is 26.518 (rekenfout)', () => {
    // seeds/004_694cfc149f605398.txt:L4551-4565 (last column): 5.977 + 775 + 2.166 + 6.400 + 5.025
    // + 3.267 + 1.464 + 1.450 = 26.524; L4577: 26 518.
    const f = byId.get('tabel-1-arrondissementen-2019')!;
    expect(f.computed).toBe(26524);
    expect(f.stated).toBe(26518);
    expect(text('seeds/004_694cfc149f605398.txt:L4577')).toContain('26 518');
    expect(text('seeds/004_694cfc149f605398.txt:L4551-4565')).toContain('6 879 6 239 5 977');
  });

  it('CMW outflow shares 35,7 + 40,9 + 23,2 = 99,8 %, not 100 % (rekenfout)', () => {
    const f = byId.get('cmw-uitstroom-aandelen')!;
    expect(f.computed).toBe(99.8);
    const t = text('seeds/004_694cfc149f605398.txt:L1866-1870');
    for (const share of ['35,7%', '40,9%', '23,2%']) expect(t).toContain(share);
  });

  it('every finding has one of the four natures and seed lines that exist', () => {
    for (const f of byId.values()) {
      expect(['definitie', 'afronding', 'rekenfout', 'tegenspraak']).toContain(f.nature);
      for (const s of f.sources) expect(text(s).length, s).toBeGreaterThan(0);
    }
  });
});

describe('monitor check labels', () => {
  it("45.802 is the text's other definition (45.237 + 0,4 × 1.412), not an error", async () => {
    const r = await checkReference();
    expect(r.seedFindings.length).toBe(5);
    const f = r.findings.find(
      (x) => x.kind === 'text' && x.published !== x.computed && x.message.includes('45.237'),
    );
    expect(f?.message).toMatch(/^Andere definitie, geen fout/);
    // 45.237 + 0,4 × 1.412 = 45.801,8 → 45.802 (seeds/004_694cfc149f605398.txt:L6525, L6539).
    expect(text('seeds/004_694cfc149f605398.txt:L6525')).toContain('45 237');
    expect(text('seeds/004_694cfc149f605398.txt:L6539')).toContain('1 412');
  });

  it('the regional gap names wijk-werken 1.112 against 1.113, not rounding per region', async () => {
    const r = await checkReference();
    // seeds/004_694cfc149f605398.txt:L6583: 170 + 173 + 268 + 206 + 295 = 1.112, West-Vlaanderen 1 113.
    expect(text('seeds/004_694cfc149f605398.txt:L6583')).toContain('170 173 268 206 295 1 113');
    const gap = r.regions.findings.filter((x) => x.kind === 'regions-sum');
    for (const g of gap) expect(g.message).not.toContain('afronding per regio');
    expect(gap.some((g) => g.message.includes('1.112 tegenover 1.113'))).toBe(true);
  });
});

describe('the nature of every Tabel 39 and Tabel 40 finding', () => {
  it('says rounding, calculation error, definition or contradiction, as worked out per finding', async () => {
    const r = await checkReference();
    const natures = r.findings.map((f) => `${f.kind} ${f.row} ${f.period} ${f.nature}`);
    expect(natures).toEqual([
      // 45.424,6 from the parts, printed 45.424: less than one person off (L6365).
      'subtotal trede-5 2018 afronding',
      // −3,14 % computed, −0,2 % printed (L6393): no rounding explains it.
      'growth collectief-maatwerk-totaal 2014-2019 rekenfout',
      // 5 → 0 is −100 %, printed +0,0 % (L6399).
      'growth invoegbedrijven 2018-2019 rekenfout',
      // Tabel 39 against Tabel 37's registrations: two tables, two values.
      'derivation arbeidszorg 2014 tegenspraak',
      'derivation arbeidszorg 2015 tegenspraak',
      'derivation arbeidszorg 2016 tegenspraak',
      'derivation arbeidszorg 2014 tegenspraak',
      'derivation arbeidszorg 2015 tegenspraak',
      'derivation arbeidszorg 2016 tegenspraak',
      // 57.461 from the printed (rounded) rungs, 57.462 printed as total: one person, rounding (L6473).
      'sum-of-rungs totaal 2018 afronding',
      // 45.802 counts SINE at 40 % (L539): another definition.
      'text individuele-inschakeling 2019 definitie',
      // 175.504 in the text (L602), 174.504 in the table.
      'text rsz-korting-ouderen 2019 tegenspraak',
      // 6.476 follows from the unrounded parts (51.900,8 − 45.424,6); the table's 6.477 is rounded.
      'text trede-5 2018-2019 afronding',
    ]);
    for (const f of [...r.regions.findings, ...r.context.findings]) {
      expect(['afronding', 'rekenfout', 'tegenspraak']).toContain(f.nature);
    }
  });
});
