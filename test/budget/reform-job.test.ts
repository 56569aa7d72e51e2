import { afterAll, beforeAll, expect, it } from 'vitest';
import { jobRegistry } from '../../src/app/jobs.ts';
import type { ImpactResult } from '../../src/budget/index.ts';
import { execute } from '../../src/commands/index.ts';
import { runJob, submitJob } from '../../src/jobs/index.ts';
import { addIndication, createPerson, createPlacement, recordWageQuarter } from '../../src/registry/index.ts';
import { inszFor } from '../registry/support.ts';
import { describeEachDb } from '../support/db.ts';
import { admin, makeOrganisation, makeUser } from '../support/factories.ts';
import { type ApiClient, loginClient, startTestServer, type TestServer } from '../support/http.ts';

describeEachDb('budget impact as a job over the registry (dry-run settlement)', ({ db }) => {
  let server: TestServer;
  let analist: ApiClient;
  let werkgever: ApiClient;
  let orgId: string;

  beforeAll(async () => {
    const org = await makeOrganisation(db(), { name: 'Maatwerkbedrijf Impact', type: 'maatwerkbedrijf' });
    let n = 7100;
    // Four workers, 2025-Q1, full time; the fourth has no support package in an indication.
    const workers: [string | null, number][] = [
      ['60-hoog', 6_000_00],
      ['45-laag', 6_000_00],
      ['60-gemiddeld', 9_000_03],
      [null, 6_000_00],
    ];
    for (const [pkg, wage] of workers) {
      const insz = inszFor(n++);
      await execute(db(), createPerson, admin, { insz, firstName: 'W', lastName: `N${n}` });
      if (pkg)
        await execute(db(), addIndication, admin, {
          insz,
          indicatedOn: '2024-12-01',
          validFrom: '2024-12-01',
          guidanceNeed: pkg,
          ticketType: 'maatwerk',
        });
      const p = await execute(db(), createPlacement, admin, {
        insz,
        kbo: org.kbo,
        measure: 'collectief-maatwerk',
        start: '2025-01-01',
        fte: 1,
      });
      await execute(db(), recordWageQuarter, admin, {
        placementId: p.id,
        quarter: '2025-Q1',
        grossWageCents: wage,
        days: 90,
        fte: 1,
      });
    }
    orgId = org.id;
  });
  afterAll(() => server?.close());

  it('gives an impact of the CMW loonpremie percentage equal to a hand count', async () => {
    const job = await submitJob(db(), jobRegistry, admin, 'budget.impact', {
      measure: 'collectief-maatwerk',
      year: 2025,
      overrides: [{ parameter: 'loonpremie_60', value: 0.65 }],
    });
    const done = await runJob(db(), jobRegistry, job.id);
    expect(done.state, JSON.stringify(done.error)).toBe('klaar');
    expect(done.progress).toMatchObject({ done: 4, total: 4 });
    const r = done.result as ImpactResult;
    // Hand count, 2025-Q1, each quarter wage split over three months; GGMMI 2025 = 2.070,48
    // (assumption) → cap 1,4 × 2.070,48 = 2.898,672 → 2.898,67.
    //  A 60-hoog, 2.000/month: 60% = 1.200 × 3 = 3.600,00
    //  B 45-laag, 2.000/month: 45% =   900 × 3 = 2.700,00
    //  C 60-gemiddeld, 3.000,01/month capped to 2.898,67: 60% = 1.739,202 → 1.739,20 × 3 = 5.217,60
    //  loonpremie 11.517,60; begeleidingspremie 3 × 506,94 = 1.520,82; total 13.038,42.
    // Reform 65%: A 1.300 × 3 = 3.900; B 2.700; C 1.884,1355 → 1.884,14 × 3 = 5.652,42
    //  loonpremie 12.252,42; total 13.773,24; difference 734,82.
    expect(r.article).toBe('JB0-1JEC2HA-WT');
    expect(r.baseline).toEqual({ totalCents: 13_038_42, persons: 3 });
    expect(r.reform).toEqual({ totalCents: 13_773_24, persons: 3 });
    expect(r.differenceCents).toBe(734_82);
    expect(r.detail).toEqual([
      { component: 'begeleidingspremie', baselineCents: 1_520_82, reformCents: 1_520_82 },
      { component: 'loonpremie', baselineCents: 11_517_60, reformCents: 12_252_42 },
    ]);
    expect(r.skipped).toHaveLength(1);
    expect(r.skipped[0]!.reason).toContain('geen werkondersteuningspakket');
    expect(JSON.stringify(r)).not.toMatch(/\d{11}/);
  });

  it('runs over columns with the batch engine, side by side with the baseline', async () => {
    const job = await submitJob(db(), jobRegistry, admin, 'budget.impact', {
      measure: 'collectief-maatwerk',
      year: 2024,
      source: 'kolommen',
      overrides: [{ parameter: 'loonpremie_60', value: 0.65, validFrom: '2019-01-01' }],
      columns: {
        wop_actief: [true, true],
        wop_categorie: ['60-hoog', '45-laag'],
        instroom: ['nieuw-vanaf-2019', 'nieuw-vanaf-2019'],
        referteloon: [200_000, 200_000],
        ggmmi: [200_000, 200_000],
        vte_dgwn_bedrijf: [50, 50],
        aandeel_dgwn_personeel: [70, 70],
        toegekend_contingent_vte: [40, 40],
        tewerkgestelde_dgwn_vte: [40, 40],
      },
    });
    const r = (await runJob(db(), jobRegistry, job.id)).result as ImpactResult;
    // (1.200 + 900) × 12 = 25.200 euro; reform (1.300 + 900) × 12 = 26.400; difference 1.200.
    expect(r.baseline.totalCents).toBe(2_520_000);
    expect(r.reform.totalCents).toBe(2_640_000);
    expect(r.differenceCents).toBe(120_000);
  });

  it('POST /api/v1/budget/impact submits a job; a bad parameter fails on its field; a werkgever is refused', async () => {
    // The server's worker runs the job (the tests above ran theirs in this process, before it started).
    server = await startTestServer(db());
    const [a, w] = await Promise.all([makeUser(db(), ['analist']), makeUser(db(), ['werkgever'], [orgId])]);
    analist = await loginClient(server.url, a!.username);
    werkgever = await loginClient(server.url, w!.username);
    const res = await analist.post('/api/v1/budget/impact', {
      measure: 'collectief-maatwerk',
      year: 2025,
      overrides: [{ parameter: 'loonpremie_60', value: 0.65 }],
    });
    expect(res.status, await res.clone().text()).toBe(202);
    const { id } = (await res.json()) as { id: string };
    let view: { state: string; result: ImpactResult | null } = { state: 'wachtend', result: null };
    for (let i = 0; i < 200 && (view.state === 'wachtend' || view.state === 'bezig'); i++) {
      await new Promise((r) => setTimeout(r, 25));
      view = (await (await analist.get(`/api/v1/jobs/${id}`)).json()) as typeof view;
    }
    expect(view.state).toBe('klaar');
    expect(view.result?.differenceCents).toBe(734_82);

    const bad = await analist.post('/api/v1/budget/impact', {
      measure: 'collectief-maatwerk',
      year: 2025,
      overrides: [],
    });
    expect(bad.status).toBe(400);
    const forbidden = await werkgever.post('/api/v1/budget/impact', {
      measure: 'collectief-maatwerk',
      year: 2025,
      overrides: [{ parameter: 'loonpremie_60', value: 0.65 }],
    });
    expect(forbidden.status).toBe(403);
  });
});
