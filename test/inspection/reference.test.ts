import { describe, expect, it } from 'vitest';
import { type Actor, systemActor } from '../../src/access/index.ts';
import { ForbiddenError, NotFoundError } from '../../src/domain/index.ts';
import { checkAntiDiscrimination, checkVsiTable, VSI_TABLE, vsiReport } from '../../src/inspection/index.ts';

const as = (role: Actor['roles'][number]): Actor => ({ ...systemActor('api'), kind: 'user', roles: [role] });

describe('VSI table 2021-2022 (seeds/001:L9839-9919)', () => {
  it('loads every row with its seed line and keeps blanks apart from 0', () => {
    expect(VSI_TABLE).toHaveLength(32);
    const vov = VSI_TABLE.find((r) => r.domain === 'Vlaams Opleidingsverlof')!;
    expect(vov.source).toBe('seeds/001_4a57afe77d69f3a4.txt:L9880');
    expect(vov.pj).toEqual({ y2021: null, y2022: 12, trend: null });
    expect(VSI_TABLE.find((r) => r.domain === 'DAC')!.dossiers).toEqual({ y2021: 0, y2022: 0, trend: null });
  });

  it('reproduces the TOTAAL row and every printed trend', () => {
    const c = checkVsiTable();
    // Σ dossiers 2021 = 823+202+329+3+1+28+5+259+66+3+3+2+77+45+26+17+5+6+94+106+63 = 2163
    // Σ PJ 2022 = 99+25+10+12+2 = 148; Σ recoveries 2022 = 822925+3053888+930641 = 4807454
    expect(c.computedTotals).toEqual({
      dossiers: { y2021: 2163, y2022: 2579 },
      pj: { y2021: 178, y2022: 148 },
      recoveries: { y2021: 5989127, y2022: 4807454 },
    });
    expect(c.checked).toEqual({ totals: 6, trends: 30 });
    expect(c.findings).toEqual([]);
  });

  it('flags a total or a trend that does not follow from its parts', () => {
    const broken = VSI_TABLE.map((r) =>
      r.domain === 'Maatwerk' ? { ...r, dossiers: { y2021: 260, y2022: 73, trend: -72 } } : r,
    );
    const f = checkVsiTable(broken).findings;
    expect(f.map((x) => x.message)).toEqual(['TOTAAL dossiers 2021: gedrukt 2163, som van de domeinen 2164']);
    expect(f[0]!.source).toBe('seeds/001_4a57afe77d69f3a4.txt:L9846');
  });

  it('reports the anti-discrimination disagreements between the seeds', () => {
    const msgs = checkAntiDiscrimination().map((f) => f.message);
    expect(msgs).toEqual([
      'controles 2021: 77 (seeds/000_3bfdbb028fdab786.txt:L4203-4204) vs 80 (seeds/001_4a57afe77d69f3a4.txt:L9257) vs 77 (seeds/001_4a57afe77d69f3a4.txt:L9900)',
      'klachten 2021: 13 (seeds/000_3bfdbb028fdab786.txt:L4204) vs 14 (seeds/001_4a57afe77d69f3a4.txt:L9259)',
    ]);
  });

  it('gives the yearly report to an inspecteur and an analist, not to a werkgever', () => {
    const r = vsiReport(as('analist'), 2022);
    expect(r.total).toMatchObject({ dossiers: 2579, pj: 148, recoveriesEur: 4807454 });
    expect(r.domains.find((d) => d.domain === 'Dienstencheques')).toMatchObject({
      dossiers: 215,
      pj: 10,
      recoveriesEur: 822925,
    });
    // 99,43% of the fines within 8 months: the 100% norm is not met (L9376-9379).
    expect(r.fineLeadTime).toMatchObject({ normMonths: 8, normShare: 100, realisedShare: 99.43, met: false });
    expect(vsiReport(as('inspecteur'), 2021).total.dossiers).toBe(2163);
    expect(() => vsiReport(as('werkgever'), 2022)).toThrow(ForbiddenError);
    expect(() => vsiReport(as('inspecteur'), 2019)).toThrow(NotFoundError);
  });
});
