import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../support/db.ts';
import { makeOrganisation, makeUser } from '../support/factories.ts';
import { type ApiClient, loginClient, startTestServer, type TestServer } from '../support/http.ts';

describeEachDb('inspection report over HTTP', ({ db }) => {
  let server: TestServer;
  let inspecteur: ApiClient;
  let analist: ApiClient;
  let werkgever: ApiClient;
  let orgId: string;

  beforeAll(async () => {
    server = await startTestServer(db());
    const org = await makeOrganisation(db(), { name: 'Dienstencheques Noord' });
    orgId = org.id;
    const users = await Promise.all([
      makeUser(db(), ['inspecteur']),
      makeUser(db(), ['analist']),
      makeUser(db(), ['werkgever'], [org.id]),
    ]);
    [inspecteur, analist, werkgever] = (await Promise.all(
      users.map((u) => loginClient(server.url, u.username)),
    )) as [ApiClient, ApiClient, ApiClient];
  });
  afterAll(() => server.close());

  it('reproduces the 2021 table for an inspecteur', async () => {
    const res = await inspecteur.get('/api/v1/inspection/report?year=2021');
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      computed: { total: Record<string, unknown> };
      reference: { total: Record<string, unknown>; check: { findings: unknown[] } };
    };
    expect(body.reference.total).toMatchObject({ dossiers: 2163, pj: 178, recoveriesEur: 5989127 });
    expect(body.reference.check.findings).toEqual([]);
    expect(body.computed.total).toEqual({ domain: 'TOTAAL', dossiers: 0, pj: 0, recoveriesCents: 0 });
  });

  it('gives an analist the aggregates and refuses a werkgever', async () => {
    expect((await analist.get('/api/v1/inspection/report?year=2022')).status).toBe(200);
    expect((await werkgever.get('/api/v1/inspection/report?year=2022')).status).toBe(403);
  });

  it('computes any year from the dossiers (no reference outside 2021-2022) and answers 400 for a bad year', async () => {
    const r2019 = await inspecteur.get('/api/v1/inspection/report?year=2019');
    expect(r2019.status).toBe(200);
    expect(((await r2019.json()) as { reference: unknown }).reference).toBeNull();
    expect((await inspecteur.get('/api/v1/inspection/report?year=twee')).status).toBe(400);
  });

  it('lets an inspecteur open and move a dossier; refuses werkgever and analist on every endpoint', async () => {
    const res = await inspecteur.post('/api/v1/inspection/dossiers', {
      organisationId: orgId,
      domain: 'Dienstencheques',
      origin: 'eigen-initiatief',
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const t = await inspecteur.post(`/api/v1/inspection/dossiers/${id}/transitions`, { action: 'plannen' });
    expect(t.status).toBe(200);
    expect(((await t.json()) as { state: string }).state).toBe('gepland');
    const bad = await inspecteur.post(`/api/v1/inspection/dossiers/${id}/transitions`, {
      action: 'afsluiten',
      outcome: 'in-orde',
    });
    expect(bad.status).toBe(409);
    expect((await inspecteur.get('/api/v1/inspection/dossiers')).status).toBe(200);
    expect((await inspecteur.get(`/api/v1/inspection/dossiers/${id}`)).status).toBe(200);
    expect((await inspecteur.get('/api/v1/inspection/risks')).status).toBe(200);
    for (const who of [werkgever, analist]) {
      expect((await who.get('/api/v1/inspection/dossiers')).status).toBe(403);
      expect((await who.get(`/api/v1/inspection/dossiers/${id}`)).status).toBe(403);
      expect((await who.get('/api/v1/inspection/risks')).status).toBe(403);
      expect(
        (
          await who.post('/api/v1/inspection/dossiers', {
            organisationId: orgId,
            domain: 'Maatwerk',
            origin: 'klacht',
          })
        ).status,
      ).toBe(403);
      expect(
        (await who.post(`/api/v1/inspection/dossiers/${id}/transitions`, { action: 'uitvoeren' })).status,
      ).toBe(403);
    }
    expect((await analist.get('/api/v1/inspection/risks/counts')).status).toBe(200);
    expect((await werkgever.get('/api/v1/inspection/risks/counts')).status).toBe(403);
  });
});
