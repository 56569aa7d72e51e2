import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../support/db.ts';
import { makeOrganisation, makeUser } from '../support/factories.ts';
import { type ApiClient, loginClient, startTestServer, type TestServer } from '../support/http.ts';

describeEachDb('inspection report over HTTP', ({ db }) => {
  let server: TestServer;
  let inspecteur: ApiClient;
  let analist: ApiClient;
  let werkgever: ApiClient;

  beforeAll(async () => {
    server = await startTestServer(db());
    const org = await makeOrganisation(db(), { name: 'Dienstencheques Noord' });
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
    const body = (await res.json()) as { total: Record<string, unknown>; check: { findings: unknown[] } };
    expect(body.total).toMatchObject({ dossiers: 2163, pj: 178, recoveriesEur: 5989127 });
    expect(body.check.findings).toEqual([]);
  });

  it('gives an analist the aggregates and refuses a werkgever', async () => {
    expect((await analist.get('/api/v1/inspection/report?year=2022')).status).toBe(200);
    expect((await werkgever.get('/api/v1/inspection/report?year=2022')).status).toBe(403);
  });

  it('answers 404 for a year without a table and 400 for a bad year', async () => {
    expect((await inspecteur.get('/api/v1/inspection/report?year=2019')).status).toBe(404);
    expect((await inspecteur.get('/api/v1/inspection/report?year=twee')).status).toBe(400);
  });
});
