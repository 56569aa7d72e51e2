/**
 * Issue 17's defects, each over real HTTP against the web app: the public front door, one date rule
 * (Brussels calendar days), Dutch messages and plurals, the favicon and the way back from the API docs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { execute } from '../../src/commands/index.ts';
import { dutchMessage } from '../../src/domain/zod-nl.ts';
import { applyForMeasure } from '../../src/dossiers/index.ts';
import { formatDate, formatQuarter } from '../../src/web/format.ts';
import { plural } from '../../src/web/plural.ts';
import { describeEachDb } from '../support/db.ts';
import { admin, makeOrganisation, makeUser } from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/http.ts';
import { visibleText, webSession } from '../support/web-session.ts';
import '../../src/domain/index.ts';

describe('one date rule and Dutch text', () => {
  it('shows a moment as its Brussels calendar day, never the UTC day before', () => {
    // 20/10/2026 00:00 in Brussels (CEST, UTC+2) is 19/10/2026 22:00 UTC.
    expect(formatDate('2026-10-19T22:00:00.000Z')).toBe('20/10/2026');
    expect(formatDate(new Date('2026-12-31T23:30:00Z'))).toBe('01/01/2027');
    expect(formatDate('2026-11-23')).toBe('23/11/2026');
  });

  it('names a quarter in words and counts in Dutch', () => {
    expect(formatQuarter('2026-Q4')).toBe('4e kwartaal 2026');
    expect(plural(1, 'maand', 'maanden')).toBe('1 maand');
    expect(plural(2, 'foute rij', 'foute rijen')).toBe('2 foute rijen');
    expect(plural(1250, 'dossier', 'dossiers')).toBe('1.250 dossiers');
  });

  it('gives zod messages in Dutch, with nl-BE numbers', () => {
    const r = z.object({ reason: z.string().max(200), fte: z.number().max(1.5) }).safeParse({
      reason: 'x'.repeat(201),
      fte: 2,
    });
    const messages = r.success ? [] : r.error.issues.map((i) => i.message);
    expect(messages).toEqual(['gebruik hoogstens 200 tekens', 'mag hoogstens 1,5 zijn']);
    expect(dutchMessage({ code: 'invalid_type', expected: 'number', input: 'abc' } as never)).toBe(
      'vul een getal in',
    );
  });
});

describeEachDb('the web app as its users meet it', ({ db }) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(db());
  });
  afterAll(() => server.close());

  it('greets an anonymous visitor with a public start page and sign-in beside it', async () => {
    const res = await fetch(`${server.url}/`, { redirect: 'manual' });
    expect(res.status).toBe(200);
    const text = visibleText(await res.text());
    expect(text).toContain('Trede is het open platform voor werk en sociale economie');
    expect(text).toContain('Maatregelen en rekenmodules');
    expect(text).toContain('De participatieladder');
    expect(text).toContain('Open data');
    expect(text).toContain('Begroting');
    expect(text).toMatch(/Aanmelden/);
    // A signed-in user keeps the role start page.
    const u = await makeUser(db(), ['beheerder']);
    const s = await webSession(server.url, u.username);
    expect(visibleText(await (await s.get('/')).text())).toContain(`Welkom, ${u.displayName}`);
  });

  it('serves /favicon.ico and leads back from the API documentation', async () => {
    const ico = await fetch(`${server.url}/favicon.ico`);
    expect(ico.status).toBe(200);
    expect(ico.headers.get('content-type')).toBe('image/x-icon');
    const docs = await (await fetch(`${server.url}/api/docs`)).text();
    expect(docs).toContain('<a href="/">← Terug naar Trede</a>');
  });

  it('lists a paper application received on 20/10/2026 under 20/10/2026, not a day early', async () => {
    const org = await makeOrganisation(db());
    const d = await execute(db(), applyForMeasure, admin, {
      measureId: 'aanwervingsincentive',
      organisationId: org.id,
      channel: 'papier',
      receivedOn: '2026-10-20',
      facts: { leeftijd: 40, maanden_werkzoekend: 26, maanden_in_dienst: 12 },
      date: '2018-03-01',
    });
    const u = await makeUser(db(), ['dossierbehandelaar']);
    const s = await webSession(server.url, u.username);
    for (const path of ['/dossiers', '/dossiers/werkvoorraad', '/']) {
      const html = await (await s.get(path)).text();
      const row = new RegExp(`${d.reference}[\\s\\S]*?</tr>`).exec(html)?.[0] ?? '';
      expect(row, path).toContain('20/10/2026');
      expect(row, path).not.toContain('19/10/2026');
    }
  });

  it('says an empty KBO field is empty, in Dutch, next to the field', async () => {
    const u = await makeUser(db(), ['beheerder']);
    const s = await webSession(server.url, u.username);
    const res = await s.post('/register/organisaties/nieuw', '/register/organisaties/nieuw', {
      kbo: '',
      name: 'Leeg KBO',
      type: 'maatwerkbedrijf',
    });
    const text = visibleText(await res.text());
    expect(text).toContain('vul het KBO-nummer in');
    expect(text).not.toContain("ongeldig KBO-nummer ''");
  });
});

describeEachDb('dossiers and forms as their users meet them', ({ db }) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(db());
  });
  afterAll(() => server.close());

  it('refuses the organisation form to a role that cannot register, before it is filled in', async () => {
    for (const role of ['analist', 'inspecteur'] as const) {
      const u = await makeUser(db(), [role]);
      const s = await webSession(server.url, u.username);
      expect((await s.get('/register/organisaties/nieuw')).status, role).toBe(403);
    }
    const own = await makeOrganisation(db());
    const w = await makeUser(db(), ['werkgever'], [own.id]);
    expect(
      (await (await webSession(server.url, w.username)).get('/register/organisaties/nieuw')).status,
    ).toBe(403);
  });

  it('shows a dossier with its amount and period at the top and its facts in Dutch', async () => {
    const org = await makeOrganisation(db(), { name: 'Feitenbedrijf' });
    // tests.yaml scenario 1 of aanwervingsincentive: € 1.250 + € 3.000 = € 4.250 in total.
    const d = await execute(db(), applyForMeasure, admin, {
      measureId: 'aanwervingsincentive',
      organisationId: org.id,
      facts: { leeftijd: 40, maanden_werkzoekend: 26, maanden_in_dienst: 12 },
      date: '2018-03-01',
    });
    const u = await makeUser(db(), ['dossierbehandelaar']);
    const s = await webSession(server.url, u.username);
    const html = await (await s.get(`/dossiers/${d.id}`)).text();
    const text = visibleText(html);
    expect(text).toMatch(/€ 4\.250,00 in totaal/);
    // Facts with their catalogue label and nl-BE values, linked to the rule; no engine names.
    expect(html).toContain(`href="/regelgeving/aanwervingsincentive#feit-maanden_werkzoekend"`);
    expect(text).not.toContain('maanden_werkzoekend');
    expect(text).not.toMatch(/\b(true|false)\b/);
    // The list shows the organisation by name, as a link.
    expect(html).toContain(`href="/register/organisaties/${org.id}"`);
  });
});
