/**
 * The web pages of the plan: the tree with counts for every signed-in role, filters in the query
 * string, the project page with its timeline, CSV/XLSX export, and the beheerder's status form
 * (through the real form post with CSRF); another role sees no forms and is refused.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../support/db.ts';
import { makeOrganisation, makeUser } from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/http.ts';
import { webSession } from '../support/web-session.ts';

describeEachDb('plans web pages', ({ db }) => {
  let server: TestServer;
  let beheerder: Awaited<ReturnType<typeof webSession>>;
  let werkgever: Awaited<ReturnType<typeof webSession>>;
  const page = '/plannen/project?id=BP9%2FOD11';

  beforeAll(async () => {
    server = await startTestServer(db(), undefined, () => new Date('2023-05-15T10:00:00Z'));
    const org = await makeOrganisation(db(), { name: 'Werkgever Plan' });
    const [b, w] = await Promise.all([
      makeUser(db(), ['beheerder']),
      makeUser(db(), ['werkgever'], [org.id]),
    ]);
    beheerder = await webSession(server.url, b!.username);
    werkgever = await webSession(server.url, w!.username);
  });
  afterAll(() => server.close());

  it('shows the tree with the plan’s counts and a nav entry to every signed-in role', async () => {
    const res = await werkgever.get('/plannen');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('href="/plannen"');
    expect(html).toContain('405 mijlpalen in de tabellen 2022, waarvan 324 gerealiseerd (125 met sterretje');
    expect(html).toContain('351 mijlpalen in de tabellen 2023');
    expect(html).toContain('BP9/OD11');
    expect(html).toContain('@media print');
  });

  it('filters by status, project and text through the query string', async () => {
    const html = await (
      await werkgever.get('/plannen?project=BP9%2FOD11&status=Loopt+met+vertraging')
    ).text();
    expect(html).toContain('Gevonden mijlpalen (7)');
    expect(html).toContain('Disseminatie naar sectoren');
    const t = await (await werkgever.get('/plannen?tekst=jobbonus%2B')).text();
    expect(t).toMatch(/Gevonden mijlpalen \(\d+\)/);
  });

  it('shows a project with milestone tables and a quarter timeline; no forms for a werkgever', async () => {
    const html = await (await werkgever.get(page)).text();
    expect(html).toContain('Mijlpalen 2022');
    expect(html).toContain('Tijdlijn per kwartaal');
    expect(html).toContain('2023-Q4');
    expect(html).not.toContain('Status wijzigen');
  });

  it('exports CSV and XLSX with the seed source of each milestone', async () => {
    const csv = await (await werkgever.get('/plannen/download/mijlpalen.csv?project=BP1')).text();
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(1 + 42); // header + M0001-M0042
    expect(lines[1]).toContain('seeds/001_4a57afe77d69f3a4.txt:L714-715');
    const x = await werkgever.get('/plannen/download/mijlpalen.xlsx?project=BP1');
    expect(x.status).toBe(200);
    expect(new Uint8Array(await x.arrayBuffer()).slice(0, 2)).toEqual(new Uint8Array([0x50, 0x4b])); // zip
  });

  it('lets a beheerder change a status through the form; refuses a werkgever', async () => {
    expect(await (await beheerder.get(page)).text()).toContain('Status wijzigen');
    const res = await beheerder.post(page, '/plannen/status', {
      id: 'M0343',
      status: 'Gerealiseerd',
      reason: 'Studie opgestart',
      terug: page,
    });
    expect(res.status).toBe(303);
    const html = await (await beheerder.get(page)).text();
    expect(html).toContain('Studie opgestart');
    const refused = await werkgever.post(page, '/plannen/status', {
      id: 'M0344',
      status: 'Gerealiseerd',
      reason: 'poging',
      terug: page,
    });
    expect(refused.status).toBe(403);
  });
});
