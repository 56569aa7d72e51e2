/**
 * The start page per role over real HTTP, on PGlite and PostgreSQL: what each role sees first, and
 * what it must not see (other organisations' dossiers, work queues, INSZ).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Actor } from '../../src/access/index.ts';
import { execute } from '../../src/commands/index.ts';
import { applyForMeasure, transitionCommandFor } from '../../src/dossiers/index.ts';
import { describeEachDb } from '../support/db.ts';
import { admin, makeOrganisation, makeUser, TEST_PASSWORD } from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/http.ts';

/** Signs in through the web form; returns a GET helper that sends the session cookie. */
async function signedIn(base: string, username: string) {
  const res = await fetch(`${base}/aanmelden`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username, password: TEST_PASSWORD }).toString(),
  });
  expect(res.status).toBe(303);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return async (path = '/') => {
    const page = await fetch(base + path, { headers: { cookie }, redirect: 'manual' });
    expect(page.status).toBe(200);
    return page.text();
  };
}

/** The HTML of one `<section aria-labelledby=id>` of the page ('' when absent). */
function section(html: string, id: string): string {
  const start = html.indexOf(`<section aria-labelledby="${id}">`);
  return start < 0 ? '' : html.slice(start, html.indexOf('</section>', start));
}

/** References in the order they appear. */
function references(html: string): string[] {
  return [...html.matchAll(/>(DOS-\d{4}-\d{6})</g)].map((m) => m[1] ?? '');
}

const FACTS = { leeftijd: 40, maanden_werkzoekend: 26, maanden_in_dienst: 12 };

describeEachDb('the start page per role', ({ db }) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(db());
  });
  afterAll(() => server.close());

  it('shows a case handler its queue oldest first, an employer only its own dossiers, an inspector all', async () => {
    const own = await makeOrganisation(db(), { name: 'Eigen Maatwerk' });
    const other = await makeOrganisation(db(), { name: 'Vreemd Maatwerk' });
    const apply = (organisationId: string, at: string) =>
      execute(
        db(),
        applyForMeasure,
        admin,
        { measureId: 'aanwervingsincentive', organisationId, facts: FACTS, date: '2018-03-01' },
        { now: new Date(at) },
      );
    // Received in this order; the newest first in the database on purpose.
    const newest = await apply(own.id, '2026-11-20T09:00:00Z');
    const oldest = await apply(other.id, '2026-11-02T09:00:00Z');
    const middle = await apply(own.id, '2026-11-10T09:00:00Z');
    const mineToo = await apply(other.id, '2026-11-05T09:00:00Z');

    const handler = await makeUser(db(), ['dossierbehandelaar']);
    const actor: Actor = {
      kind: 'user',
      userId: handler.id,
      label: handler.username,
      roles: handler.roles,
      organisationIds: [],
      channel: 'system',
    };
    await execute(db(), transitionCommandFor('toewijzen'), actor, { id: mineToo.id });

    const asHandler = await signedIn(server.url, handler.username);
    const home = await asHandler();
    const queue = section(home, 'werkvoorraad');
    expect(queue).toContain('Aan mij toegewezen (1)');
    expect(queue).toContain('Niet toegewezen (3)');
    // Mine first, then the unassigned ones, each oldest first.
    expect(references(queue)).toEqual([
      mineToo.reference,
      oldest.reference,
      middle.reference,
      newest.reference,
    ]);
    expect(queue).toContain(`href="/dossiers/${oldest.id}"`);
    expect(queue).toContain('02/11/2026');
    expect(section(home, 'recente-dossiers')).toBe('');
    expect(section(home, 'mijn-dossiers')).toBe('');

    const employer = await makeUser(db(), ['werkgever'], [own.id]);
    const asEmployer = await signedIn(server.url, employer.username);
    const employerHome = await asEmployer();
    expect(section(employerHome, 'mijn-organisatie')).toContain('Eigen Maatwerk');
    const dossiers = section(employerHome, 'mijn-dossiers');
    // Its own two, last changed first; nothing of the other organisation anywhere on the page.
    expect(references(dossiers)).toEqual([newest.reference, middle.reference]);
    expect(dossiers).toContain('Ontvangen');
    expect(employerHome).not.toContain('Vreemd Maatwerk');
    expect(employerHome).not.toContain(oldest.reference);
    expect(section(employerHome, 'werkvoorraad')).toBe('');

    const inspector = await makeUser(db(), ['inspecteur']);
    const inspectorHome = await (await signedIn(server.url, inspector.username))();
    const recent = section(inspectorHome, 'recente-dossiers');
    expect(references(recent)).toHaveLength(4);
    expect(recent).toContain('Vreemd Maatwerk');
    expect(section(inspectorHome, 'werkvoorraad')).toBe('');
    expect(inspectorHome).not.toContain('href="/beheer"');
  });

  it('gives an analyst the monitor headline and an administrator Beheer and the audit log', async () => {
    const analyst = await makeUser(db(), ['analist']);
    const analystHome = await (await signedIn(server.url, analyst.username))();
    // Tabel 39, West-Vlaanderen 2019 (the latest reference year): 51.901 + 10.198 + 1.453.
    expect(section(analystHome, 'monitor-kop')).toContain('<strong class="headline-value">63.552</strong>');
    expect(analystHome).toContain('href="/monitor"');
    expect(section(analystHome, 'recente-dossiers')).toBe('');
    expect(analystHome).not.toContain('href="/beheer"');

    const beheerder = await makeUser(db(), ['beheerder']);
    const adminHome = await (await signedIn(server.url, beheerder.username))();
    expect(adminHome).toContain('<a href="/beheer">Beheer</a>');
    expect(adminHome).toContain('<a href="/beheer/audit">Auditlogboek</a>');
    // A beheerder may handle dossiers but is not a case handler: no work queue on its start page.
    expect(section(adminHome, 'werkvoorraad')).toBe('');
    expect(section(adminHome, 'monitor-kop')).toBe('');
  });
});
