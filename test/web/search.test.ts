/**
 * Zoeken from the top bar: measures for everyone, organisations and persons for the roles that may
 * read them, a werkgever only its own organisation, an analist never by INSZ.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { execute } from '../../src/commands/index.ts';
import { createPerson } from '../../src/registry/index.ts';
import { inszFor } from '../registry/support.ts';
import { describeEachDb } from '../support/db.ts';
import { admin, makeOrganisation, makeUser } from '../support/factories.ts';
import { client, loginClient, startTestServer, type TestServer } from '../support/http.ts';
import { visibleText } from '../support/web-session.ts';

describeEachDb('search across Trede', ({ db }) => {
  let server: TestServer;
  let own: { id: string; kbo: string };
  const insz = inszFor(9401);
  const find = async (who: string[] | null, q: string, orgs: string[] = []) => {
    const web = who
      ? await loginClient(server.url, (await makeUser(db(), who as never, orgs)).username)
      : client(server.url);
    const res = await web.get(`/zoeken?q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(200);
    return visibleText(await res.text());
  };
  beforeAll(async () => {
    server = await startTestServer(db());
    own = await makeOrganisation(db(), { name: 'Zoekbedrijf Noord', type: 'maatwerkbedrijf' });
    await makeOrganisation(db(), { name: 'Zoekbedrijf Zuid', type: 'maatwerkbedrijf' });
    await execute(db(), createPerson, admin, { insz, firstName: 'Zora', lastName: 'Zoeker' });
  });
  afterAll(() => server.close());

  it('finds a measure by name without signing in, and offers the search in the top bar', async () => {
    const text = await find(null, 'maatwerk');
    expect(text).toContain('Maatregelen');
    expect(text).toContain('Collectief maatwerk');
    expect(text).not.toContain('Organisaties');
    const home = await (await client(server.url).get('/')).text();
    expect(home).toContain('action="/zoeken"');
  });

  it('finds organisations by name and KBO; a werkgever only its own', async () => {
    const all = await find(['beheerder'], 'Zoekbedrijf');
    expect(all).toContain('Zoekbedrijf Noord');
    expect(all).toContain('Zoekbedrijf Zuid');
    expect(await find(['beheerder'], own.kbo)).toContain('Zoekbedrijf Noord');
    const mine = await find(['werkgever'], 'Zoekbedrijf', [own.id]);
    expect(mine).toContain('Zoekbedrijf Noord');
    expect(mine).not.toContain('Zoekbedrijf Zuid');
  });

  it('finds a person by INSZ for a beheerder, never for an analist', async () => {
    const byInsz = await find(['beheerder'], insz);
    expect(byInsz).toContain('Zora Zoeker');
    const analist = await find(['analist'], insz);
    expect(analist).not.toContain('Zora');
    expect(analist).not.toMatch(/\d{2}\.\d{2}\.\d{2}-\d{3}\.\d{2}/);
  });

  it('asks for two characters', async () => {
    expect(await find(null, 'a')).toContain('Geef minstens twee tekens op.');
  });
});
