import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../support/db.ts';
import { makeOrganisation, makeUser, TEST_PASSWORD } from '../support/factories.ts';
import { loginClient, startTestServer, type TestServer } from '../support/http.ts';
import { inszFor } from './support.ts';

/** Signs in through the web form and returns a cookie header and a fetch helper. */
async function webSession(base: string, username: string) {
  const res = await fetch(`${base}/aanmelden`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username, password: TEST_PASSWORD }).toString(),
  });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const get = (path: string) => fetch(base + path, { headers: { cookie }, redirect: 'manual' });
  return { cookie, get };
}

describeEachDb('the registry web pages', ({ db }) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(db());
  });
  afterAll(() => server.close());

  it('imports a file from the import page and shows every bad row in the error report', async () => {
    const u = await makeUser(db(), ['beheerder']);
    const s = await webSession(server.url, u.username);
    const page = await (await s.get('/register/import')).text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
    expect(page).toContain('Gegevens inlezen');
    const post = (csv: string) => {
      const form = new FormData();
      form.append('_csrf', csrf);
      form.append('kind', 'personen');
      form.append('file', new Blob([csv], { type: 'text/csv' }), 'personen.csv');
      return fetch(`${server.url}/register/import`, {
        method: 'POST',
        headers: { cookie: s.cookie },
        body: form,
      });
    };
    const bad = await post(`insz,voornaam,achternaam\n${inszFor(900)},A,B\n12345,C,D\n`);
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('Er is niets ingelezen: 1 foute rij(en)');
    expect(html).toMatch(/<td>regel 3, kolom insz<\/td><td>12345<\/td><td>ongeldig INSZ/);
    const good = await post(`insz,voornaam,achternaam\n${inszFor(900)},A,B\n`);
    expect(good.status).toBe(200);
    expect(await good.text()).toContain(
      '1 rijen gelezen, 1 weggeschreven: 1 nieuw, 0 gewijzigd, 0 ongewijzigd.',
    );
  });

  it('shows an organisation with its registry sections and the dossiers slot; persons by role', async () => {
    const org = await makeOrganisation(db(), { name: 'Maatwerk West' });
    const admin = await makeUser(db(), ['beheerder']);
    const api = await loginClient(server.url, admin.username);
    const insz = inszFor(901);
    await api.post('/api/v1/persons', { insz, firstName: 'Zichtbaar', lastName: 'Persoon' });
    await api.post('/api/v1/placements', {
      insz,
      kbo: org.kbo,
      measure: 'lde',
      start: '2025-01-01',
      fte: 0.5,
    });
    await api.post(`/api/v1/organisations/${org.id}/recognitions`, {
      measure: 'lde',
      validFrom: '2024-01-01',
    });
    const s = await webSession(server.url, admin.username);
    const html = await (await s.get(`/register/organisaties/${org.id}`)).text();
    expect(html).toContain('Erkenningen');
    expect(html).toContain('Contingenten');
    expect(html).toContain('Zichtbaar Persoon');
    expect(html).toContain('01/01/2024');
    expect(html).toContain('id="org-dossiers"');

    const analist = await makeUser(db(), ['analist']);
    const a = await webSession(server.url, analist.username);
    const persons = await (await a.get('/register/personen')).text();
    expect(persons).toContain('Pseudoniem');
    expect(persons).not.toContain('Zichtbaar');
    expect(persons).not.toContain(insz);
    expect((await a.get('/register/import')).status).toBe(403);
  });
});
