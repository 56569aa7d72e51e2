import { afterAll, beforeAll, expect, it } from 'vitest';
import { execute } from '../../src/commands/index.ts';
import { createPerson, createPlacement } from '../../src/registry/index.ts';
import { inszFor } from '../registry/support.ts';
import { describeEachDb } from '../support/db.ts';
import { admin, makeOrganisation, makeUser } from '../support/factories.ts';
import { type ApiClient, loginClient, startTestServer, type TestServer } from '../support/http.ts';

describeEachDb('inspection endpoints over HTTP: open from a hit; werkgever and analist refused', ({ db }) => {
  let server: TestServer;
  let inspecteur: ApiClient;
  let analist: ApiClient;
  let werkgever: ApiClient;
  let orgId: string;

  beforeAll(async () => {
    const org = await makeOrganisation(db(), { name: 'Maatwerk Dubbel', type: 'maatwerkbedrijf' });
    orgId = org.id;
    const insz = inszFor(8800);
    await execute(db(), createPerson, admin, { insz, firstName: 'D', lastName: 'Dubbel' });
    await execute(db(), createPlacement, admin, {
      insz,
      kbo: org.kbo,
      measure: 'collectief-maatwerk',
      start: '2025-01-01',
      end: '2025-12-31',
      fte: 0.5,
    });
    await execute(db(), createPlacement, admin, {
      insz,
      kbo: org.kbo,
      measure: 'individueel-maatwerk',
      start: '2025-03-01',
      end: '2025-12-31',
      fte: 0.5,
    });
    server = await startTestServer(db());
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

  it('lets an inspecteur open an inspection dossier from a hit, with the hit on its timeline', async () => {
    const res = await inspecteur.get('/api/v1/inspection/risks?rule=niet-combineerbaar&asOf=2026-06-30');
    expect(res.status).toBe(200);
    const [hit] = (await res.json()) as {
      rule: string;
      organisation: { id: string };
      personId: string;
      person: string;
      reason: string;
      records: { kind: string; id: string }[];
    }[];
    expect(hit?.records).toHaveLength(2);
    const opened = await inspecteur.post('/api/v1/inspection/risks/open', {
      rule: hit!.rule,
      organisationId: hit!.organisation.id,
      personId: hit!.personId,
      reason: hit!.reason,
      records: hit!.records,
      measureId: 'collectief-maatwerk',
    });
    expect(opened.status, await opened.clone().text()).toBe(201);
    const { id, origin } = (await opened.json()) as { id: string; origin: string };
    expect(origin).toBe('risicolijst');
    const detail = (await (await inspecteur.get(`/api/v1/inspection/dossiers/${id}`)).json()) as {
      timeline: { note: string }[];
    };
    expect(detail.timeline[0]!.note).toContain('niet-combineerbaar');
    expect(detail.timeline[0]!.note).toContain(hit!.records[0]!.id);
  });

  it('refuses a werkgever and an analist on every inspection endpoint; an analist gets counts only', async () => {
    const [d] = (await (await inspecteur.get('/api/v1/inspection/dossiers')).json()) as { id: string }[];
    const calls: [string, string, unknown?][] = [
      ['GET', '/api/v1/inspection/dossiers'],
      ['GET', `/api/v1/inspection/dossiers/${d!.id}`],
      ['GET', '/api/v1/inspection/risks'],
      [
        'POST',
        '/api/v1/inspection/dossiers',
        { organisationId: orgId, domain: 'Maatwerk', origin: 'klacht' },
      ],
      ['POST', `/api/v1/inspection/dossiers/${d!.id}/transitions`, { action: 'plannen' }],
      [
        'POST',
        '/api/v1/inspection/risks/open',
        { rule: 'niet-combineerbaar', organisationId: orgId, reason: 'x', records: [] },
      ],
    ];
    for (const who of [werkgever, analist])
      for (const [method, path, body] of calls)
        expect((await who.request(method, path, body)).status, `${method} ${path}`).toBe(403);
    // Aggregates: the analist yes (counts per rule, no person), the werkgever no.
    const counts = await analist.get('/api/v1/inspection/risks/counts?asOf=2026-06-30');
    expect(counts.status).toBe(200);
    const body = (await counts.json()) as { rule: string; count: number }[];
    expect(body.find((c) => c.rule === 'niet-combineerbaar')?.count).toBe(1);
    expect(JSON.stringify(body)).not.toContain('person');
    expect((await analist.get('/api/v1/inspection/report?year=2022')).status).toBe(200);
    expect((await werkgever.get('/api/v1/inspection/risks/counts')).status).toBe(403);
    expect((await werkgever.get('/api/v1/inspection/report?year=2022')).status).toBe(403);
  });
});
