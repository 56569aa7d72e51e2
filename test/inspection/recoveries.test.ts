import { beforeAll, expect, it } from 'vitest';
import { type Actor, systemActor } from '../../src/access/index.ts';
import { execute } from '../../src/commands/index.ts';
import { ForbiddenError } from '../../src/domain/index.ts';
import { applyForMeasure, getDossier } from '../../src/dossiers/index.ts';
import { getInspection, INSPECTION_TRANSITIONS, openInspection } from '../../src/inspection/index.ts';
import { listRecoveries, prepareRun, registerRecovery } from '../../src/settlement/index.ts';
import { describeEachDb } from '../support/db.ts';
import { admin, makeOrganisation } from '../support/factories.ts';

const inspecteur: Actor = { ...systemActor('api', 'inspecteur'), kind: 'user', roles: ['inspecteur'] };
const preparer = systemActor('cli', 'voorbereider');

// One worker, 60-hoog, 3.000 € a month in 2024-Q2 (GGMMI 2.029,88 → cap 2.841,83): 3 × 1.705,10
// loonpremie + 506,94 begeleidingspremie = 5.622,24 € (as test/settlement/runs.test.ts).
const run = (kbo: string, period: string, months: string[]) => ({
  measure: 'collectief-maatwerk',
  period,
  wages: months.map((month) => ({ kbo, worker: 'A', month, package: '60-hoog', wage: '3000', fte: 1 })),
});

describeEachDb('a proposed recovery flows into the next settlement run', ({ db }) => {
  let org: { id: string; kbo: string };
  let dossierId: string;

  beforeAll(async () => {
    org = await makeOrganisation(db(), { name: 'Maatwerk Terug', type: 'maatwerkbedrijf' });
    const d = await execute(db(), applyForMeasure, admin, {
      measureId: 'collectief-maatwerk',
      organisationId: org.id,
      facts: {
        wop_actief: true,
        wop_categorie: '60-hoog',
        referteloon: 3000,
        ggmmi: 2000,
        vte_dgwn_bedrijf: 120,
        aandeel_dgwn_personeel: 80,
        toegekend_contingent_vte: 480,
        tewerkgestelde_dgwn_vte: 470,
      },
      date: '2024-03-01',
    });
    dossierId = (d as { id: string }).id;
  });

  async function closeWithRecovery(amount: string): Promise<{ id: string; reference: string }> {
    const i = await execute(db(), openInspection, inspecteur, {
      organisationId: org.id,
      domain: 'Maatwerk',
      measureId: 'collectief-maatwerk',
      origin: 'risicolijst',
    });
    await execute(db(), INSPECTION_TRANSITIONS.plannen, inspecteur, { id: i.id });
    await execute(db(), INSPECTION_TRANSITIONS.uitvoeren, inspecteur, { id: i.id });
    await execute(db(), INSPECTION_TRANSITIONS.afsluiten, inspecteur, {
      id: i.id,
      outcome: 'terugvordering-voorgesteld',
      amount,
    });
    return i;
  }

  it('becomes one negative line in the next run, once; the dossier gets a notice', async () => {
    const i = await closeWithRecovery('1000,50');
    const [rec] = await listRecoveries(db(), admin, { originRef: i.reference });
    expect(rec).toMatchObject({ amount: 1000.5, kbo: org.kbo, status: 'open', origin: 'inspectie' });
    const timeline = (await getInspection(db(), inspecteur, i.id)).timeline.map((e) => e.action);
    expect(timeline).toEqual(['openen', 'plannen', 'uitvoeren', 'afsluiten', 'terugvordering-doorgegeven']);
    const dossier = await getDossier(db(), admin, dossierId);
    const notice = dossier.timeline.find((e) => e.action === 'terugvordering-voorgesteld');
    expect(notice).toBeDefined();
    expect(dossier.state).toBe(dossier.timeline[0]!.toState); // no state change

    const q2 = await execute(
      db(),
      prepareRun,
      preparer,
      run(org.kbo, '2024-Q2', ['2024-04', '2024-05', '2024-06']),
    );
    const line = q2.lines.find((l) => l.component === 'terugvordering');
    expect(line).toMatchObject({ amount: -1000.5, kbo: org.kbo, budget_article: 'JB0-1JEC2HA-WT' });
    // due 5.622,24; the recovery counts with what is offset: balance 5.622,24 − 1.000,50 = 4.621,74.
    expect(q2.totals).toEqual({ due: 5622.24, advances: 1000.5, balance: 4621.74 });
    expect((await listRecoveries(db(), admin, { originRef: i.reference }))[0]).toMatchObject({
      status: 'verrekend',
      runId: q2.id,
    });
    // Rerun of the same period: no delta (the recovery is not taken twice).
    const again = await execute(
      db(),
      prepareRun,
      preparer,
      run(org.kbo, '2024-Q2', ['2024-04', '2024-05', '2024-06']),
    );
    expect(again.status).toBe('ongewijzigd');
    // The next quarter does not take it again.
    const q3 = await execute(
      db(),
      prepareRun,
      preparer,
      run(org.kbo, '2024-Q3', ['2024-07', '2024-08', '2024-09']),
    );
    expect(q3.lines.some((l) => l.component === 'terugvordering')).toBe(false);
  });

  it('is a claim at once on a measure settlement does not pay; refused to a werkgever and an analist', async () => {
    const rec = await execute(db(), registerRecovery, inspecteur, {
      measure: 'wes',
      kbo: org.kbo,
      amountCents: 12_345,
      reason: 'test',
    });
    expect(rec.status).toBe('vordering');
    for (const role of ['werkgever', 'analist'] as const) {
      const who: Actor = { ...inspecteur, roles: [role], organisationIds: [org.id] };
      await expect(
        execute(db(), registerRecovery, who, { measure: 'wes', kbo: org.kbo, amountCents: 1, reason: 'x' }),
      ).rejects.toThrow(ForbiddenError);
    }
  });
});
