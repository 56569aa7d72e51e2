import { beforeAll, expect, it } from 'vitest';
import { type Actor, systemActor } from '../../src/access/index.ts';
import { execute } from '../../src/commands/index.ts';
import { ForbiddenError } from '../../src/domain/index.ts';
import { INSPECTION_TRANSITIONS, inspectionReport, openInspection } from '../../src/inspection/index.ts';
import { describeEachDb } from '../support/db.ts';
import { makeOrganisation } from '../support/factories.ts';

const as = (role: Actor['roles'][number]): Actor => ({
  ...systemActor('api'),
  kind: 'user',
  label: role,
  roles: [role],
  organisationIds: [],
});
const t = INSPECTION_TRANSITIONS;
const day = (d: string) => ({ now: new Date(`${d}T10:00:00Z`) });

describeEachDb('the yearly inspection report from the dossiers', ({ db }) => {
  const inspecteur = as('inspecteur');

  /** Opens a dossier on a day and, with an outcome, plans, performs and closes it on another. */
  async function dossier(p: {
    domain: string;
    origin?: 'klacht' | 'eigen-initiatief';
    openedOn: string;
    outcome?: string;
    amount?: string;
    closedOn?: string;
    prosecutorDecisionOn?: string;
  }) {
    const org = await makeOrganisation(db(), { name: `Org ${p.domain} ${p.openedOn}` });
    const { id } = await execute(db(), openInspection, inspecteur, {
      organisationId: org.id,
      domain: p.domain,
      origin: p.origin ?? 'eigen-initiatief',
      openedOn: p.openedOn,
    });
    if (!p.outcome) return id;
    const on = day(p.closedOn ?? p.openedOn);
    await execute(db(), t.plannen, inspecteur, { id }, on);
    await execute(db(), t.uitvoeren, inspecteur, { id }, on);
    await execute(
      db(),
      t.afsluiten,
      inspecteur,
      { id, outcome: p.outcome, amount: p.amount, prosecutorDecisionOn: p.prosecutorDecisionOn },
      on,
    );
    return id;
  }

  beforeAll(async () => {
    await dossier({ domain: 'Dienstencheques', openedOn: '2025-02-03' });
    await dossier({ domain: 'Dienstencheques', openedOn: '2025-03-03', outcome: 'pro-justitia' });
    // No measure on the dossier: the recovery is only counted, not passed to settlement.
    await dossier({
      domain: 'Dienstencheques',
      openedOn: '2025-04-01',
      outcome: 'terugvordering-voorgesteld',
      amount: '1234,56',
    });
    await dossier({
      domain: 'Maatwerk',
      openedOn: '2025-05-02',
      outcome: 'terugvordering-voorgesteld',
      amount: '100',
    });
    // Opened in 2024: not in the 2025 table.
    await dossier({ domain: 'Maatwerk', openedOn: '2024-12-31' });
    await dossier({
      domain: 'bestrijding antidiscriminatie',
      origin: 'klacht',
      openedOn: '2025-06-02',
      outcome: 'waarschuwing',
    });
    await dossier({
      domain: 'bestrijding antidiscriminatie',
      openedOn: '2025-06-03',
      outcome: 'waarschuwing-met-termijn',
    });
    await dossier({ domain: 'bestrijding antidiscriminatie', origin: 'klacht', openedOn: '2025-06-04' });
    // Fines: parket 2025-01-10 → fine 2025-09-10 = exactly 8 months: within the term.
    await dossier({
      domain: 'Taaldecreet',
      openedOn: '2025-01-02',
      outcome: 'administratieve-geldboete',
      prosecutorDecisionOn: '2025-01-10',
      closedOn: '2025-09-10',
    });
    // Parket 2024-12-31 → the term ends 2025-08-31; fine on 2025-09-01: one day late.
    await dossier({
      domain: 'Taaldecreet',
      openedOn: '2025-01-03',
      outcome: 'administratieve-geldboete',
      prosecutorDecisionOn: '2024-12-31',
      closedOn: '2025-09-01',
    });
    // Without the parket's decision day: counted, not measured.
    await dossier({
      domain: 'Taaldecreet',
      openedOn: '2025-01-04',
      outcome: 'administratieve-geldboete',
      closedOn: '2025-03-01',
    });
  });

  it('counts dossiers, Pro Justitia and proposed recoveries per domain for the year', async () => {
    const r = await inspectionReport(db(), as('analist'), 2025);
    const row = (d: string) => r.computed.domains.find((x) => x.domain === d);
    expect(row('Dienstencheques')).toEqual({
      domain: 'Dienstencheques',
      dossiers: 3,
      pj: 1,
      recoveriesCents: 123456,
    });
    expect(row('Maatwerk')).toEqual({ domain: 'Maatwerk', dossiers: 1, pj: 0, recoveriesCents: 10000 });
    expect(row('Arbeidskaarten')).toEqual({
      domain: 'Arbeidskaarten',
      dossiers: 0,
      pj: 0,
      recoveriesCents: 0,
    });
    // 3 dienstencheques + 1 maatwerk + 3 antidiscriminatie + 3 taaldecreet = 10; 123456 + 10000 cents
    expect(r.computed.total).toEqual({ domain: 'TOTAAL', dossiers: 10, pj: 1, recoveriesCents: 133456 });
    expect(r.computed.domains).toHaveLength(31);
    expect(r.reference).toBeNull();
    expect((await inspectionReport(db(), inspecteur, 2024)).computed.total.dossiers).toBe(1);
  });

  it('counts the anti-discrimination controls as the seed does (controls, complaints, warnings)', async () => {
    const r = await inspectionReport(db(), inspecteur, 2025);
    expect(r.computed.antiDiscrimination).toEqual([
      { metric: 'controles', value: 3 },
      { metric: 'klachten', value: 2 },
      { metric: 'waarschuwingen', value: 1 },
      { metric: 'waarschuwingen-met-termijn', value: 1 },
      { metric: 'waarschuwingen-totaal', value: 2 },
      { metric: 'pj', value: 0 },
    ]);
  });

  it('measures the fines against the 8-month term from the parket decision', async () => {
    const f = (await inspectionReport(db(), inspecteur, 2025)).computed.fineLeadTime;
    // 1 of 2 measured fines within the term = 50,0 %; the norm is 100 %: not met.
    expect(f).toMatchObject({
      normMonths: 8,
      normShare: 100,
      fines: 3,
      measured: 2,
      withinNorm: 1,
      share: 50,
      met: false,
    });
    expect(f.unmeasured).toHaveLength(1);
    expect(f.source).toBe('seeds/001_4a57afe77d69f3a4.txt:L9376-9379');
  });

  it('puts the seed table beside it for 2022 and refuses a werkgever', async () => {
    const r = await inspectionReport(db(), as('analist'), 2022);
    expect(r.computed.total).toEqual({ domain: 'TOTAAL', dossiers: 0, pj: 0, recoveriesCents: 0 });
    expect(r.reference?.total).toMatchObject({ dossiers: 2579, pj: 148, recoveriesEur: 4807454 });
    expect(r.reference?.fineLeadTime).toMatchObject({ realisedShare: 99.43, met: false });
    expect(r.reference?.antiDiscrimination.figures.map((x) => [x.metric, x.value])).toEqual([
      ['controles', 86],
      ['controles', 86],
    ]);
    await expect(inspectionReport(db(), as('werkgever'), 2022)).rejects.toThrow(ForbiddenError);
  });
});
