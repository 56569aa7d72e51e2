import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../support/db.ts';
import { makeOrganisation, makeUser } from '../support/factories.ts';
import { loginClient, startTestServer, type TestServer } from '../support/http.ts';
import { webSession } from '../support/web-session.ts';
import { inszFor } from './support.ts';

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
    expect(html).toContain('Er is niets ingelezen: 1 foute rij');
    expect(html).toMatch(/<td>regel 3, kolom insz<\/td><td>12345<\/td><td>ongeldig INSZ/);
    const good = await post(`insz,voornaam,achternaam\n${inszFor(900)},A,B\n`);
    expect(good.status).toBe(200);
    expect(await good.text()).toContain(
      '1 rij gelezen, 1 weggeschreven: 1 nieuw, 0 gewijzigd, 0 ongewijzigd.',
    );
  });

  it('shows an organisation with its registry sections and its dossiers; persons by role', async () => {
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
    expect(html).toContain('Deze organisatie heeft nog geen dossiers.');

    const analist = await makeUser(db(), ['analist']);
    const a = await webSession(server.url, analist.username);
    const persons = await (await a.get('/register/personen')).text();
    expect(persons).toContain('Pseudoniem');
    expect(persons).not.toContain('Zichtbaar');
    expect(persons).not.toContain(insz);
    expect((await a.get('/register/import')).status).toBe(403);
  });

  it('adds persons, placements, recognitions and contingents through the forms, with errors next to the field', async () => {
    const org = await makeOrganisation(db(), { name: 'Maatwerk Formulier' });
    const user = await makeUser(db(), ['dossierbehandelaar']);
    const s = await webSession(server.url, user.username);
    const good = inszFor(910);
    // A wrong check digit: the last two digits of a valid INSZ plus one (mod 97 never wraps to 00 here).
    const wrong = `${good.slice(0, 9)}${String((Number(good.slice(9)) % 97) + 1).padStart(2, '0')}`;

    const refused = await s.post('/register/personen/nieuw', '/register/personen/nieuw', {
      insz: wrong,
      firstName: 'Fien',
      lastName: 'Fout',
    });
    expect(refused.status).toBe(400);
    const refusedHtml = await refused.text();
    expect(refusedHtml).toMatch(/<p class="error-message" id="veld-insz-fout">/);
    expect(refusedHtml).toContain('aria-invalid="true"');
    expect(refusedHtml).toContain(`value="${wrong}"`);

    const created = await s.post('/register/personen/nieuw', '/register/personen/nieuw', {
      insz: good,
      firstName: 'Fien',
      lastName: 'Goed',
    });
    expect(created.status).toBe(303);
    const personPath = created.headers.get('location') ?? '';
    expect(personPath).toMatch(/^\/register\/personen\/[0-9a-f-]{36}$/);
    const personHtml = await (await s.get(personPath)).text();
    expect(personHtml).toContain('Fien Goed');

    const form = `/register/plaatsingen/nieuw?organisatie=${org.id}`;
    // Coming from the organisation page, its KBO number is filled in.
    const kbo = `${org.kbo.slice(0, 4)}.${org.kbo.slice(4, 7)}.${org.kbo.slice(7)}`;
    expect(await (await s.get(form)).text()).toContain(`value="${kbo}"`);
    const placement = (start: string, end: string, fte: string) =>
      s.post(form, '/register/plaatsingen/nieuw', {
        insz: good,
        kbo: org.kbo,
        measure: 'lde',
        start,
        end,
        fte,
        hoursPerWeek: '30,4',
        terug: `/register/organisaties/${org.id}`,
      });
    const placed = await placement('2026-01-01', '', '0,8');
    expect(placed.status).toBe(303);
    expect(placed.headers.get('location')).toBe(`/register/organisaties/${org.id}`);
    const orgHtml = await (await s.get(`/register/organisaties/${org.id}`)).text();
    expect(orgHtml).toContain('0,80');
    expect(orgHtml).toContain('lopend');

    // 1 March 2026 falls inside the running placement from 1 January: refused at the start date.
    const overlap = await placement('2026-03-01', '2026-06-30', '0,2');
    expect(overlap.status).toBe(400);
    const overlapHtml = await overlap.text();
    expect(overlapHtml).toMatch(/id="veld-start-fout">.*overlapt met een plaatsing/s);

    const { rows } = await db().query<{ id: string }>(
      'SELECT p.id FROM placements p JOIN persons s ON s.id = p.person_id WHERE s.insz = $1',
      [good],
    );
    expect(rows).toHaveLength(1);
    const endForm = `/register/plaatsingen/${rows[0]!.id}/beeindigen`;
    expect(await (await s.get(endForm)).text()).toContain('data-confirm="Deze plaatsing beëindigen?');
    const early = await s.post(endForm, endForm, { end: '2025-12-31', terug: personPath });
    expect(early.status).toBe(400);
    expect(await early.text()).toMatch(/id="veld-end-fout">.*het einde ligt voor de start/s);
    const ended = await s.post(endForm, endForm, { end: '2026-06-30', terug: personPath });
    expect(ended.status).toBe(303);
    expect(ended.headers.get('location')).toBe(personPath);
    expect(await (await s.get(personPath)).text()).toContain('30/06/2026');

    const recForm = `/register/organisaties/${org.id}/erkenningen/nieuw`;
    const badRec = await s.post(recForm, recForm, {
      measure: 'lde',
      validFrom: '2026-01-01',
      validTo: '2025-01-01',
    });
    expect(badRec.status).toBe(400);
    expect(await badRec.text()).toMatch(/id="veld-validTo-fout">.*het einde van de geldigheid/s);
    const rec = await s.post(recForm, recForm, {
      measure: 'lde',
      reference: 'ERK-7',
      validFrom: '2026-01-01',
    });
    expect(rec.status).toBe(303);

    const conForm = `/register/organisaties/${org.id}/contingenten/nieuw`;
    const badCon = await s.post(conForm, conForm, { measure: 'lde', quarter: '2026-5', fte: '3' });
    expect(badCon.status).toBe(400);
    expect(await badCon.text()).toMatch(/id="veld-quarter-fout">.*JJJJ-Qn/s);
    const con = await s.post(conForm, conForm, { measure: 'lde', quarter: '2026-Q2', fte: '12,5' });
    expect(con.status).toBe(303);
    const after = await (await s.get(`/register/organisaties/${org.id}`)).text();
    expect(after).toContain('ERK-7');
    // A quarter reads in words (issue 17), not as 2026-Q2.
    expect(after).toContain('2e kwartaal 2026');
    expect(after).toContain('12,50');

    // Roles without write rights get neither the forms nor the buttons.
    const analist = await makeUser(db(), ['analist']);
    const a = await webSession(server.url, analist.username);
    expect((await a.get('/register/personen/nieuw')).status).toBe(403);
    expect((await a.get(recForm)).status).toBe(403);
    expect((await a.get(endForm)).status).toBe(403);
    expect(await (await a.get(personPath)).text()).not.toContain('Beëindigen');
  });

  it('imports a large file in the background and shows its progress, only to the user who started it', async () => {
    const u = await makeUser(db(), ['dossierbehandelaar']);
    const s = await webSession(server.url, u.username);
    const page = await (await s.get('/register/import')).text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
    // 5.000 data lines: more than the 1.000 a request handles at once.
    const lines = Array.from({ length: 5000 }, (_, i) => `${inszFor(3000 + i)},Groot,Bestand${i}`);
    const form = new FormData();
    form.append('_csrf', csrf);
    form.append('kind', 'personen');
    form.append('file', new Blob([`insz,voornaam,achternaam\n${lines.join('\n')}\n`]), 'groot.csv');
    const res = await fetch(`${server.url}/register/import`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: s.cookie },
      body: form,
    });
    expect(res.status).toBe(303);
    const jobPath = res.headers.get('location') ?? '';
    expect(jobPath).toMatch(/^\/register\/import\/[0-9a-f-]{36}$/);

    type Status = { done: number; total: number; label: string; finished: boolean; redirect: string | null };
    const status = async () => (await (await s.get(`${jobPath}/status`)).json()) as Status;
    const first = await status();
    expect(first.total).toBe(5000);
    expect(first.done).toBeLessThanOrEqual(5000);
    if (!first.finished) {
      // The job may finish between the two requests; then the page is already the result.
      const progress = await (await s.get(jobPath)).text();
      if (!progress.includes('class="flash"')) {
        expect(progress).toContain(`data-progress-url="${jobPath}/status"`);
        expect(progress).toContain('<progress');
      }
    }
    let last = first;
    for (let i = 0; i < 600 && !last.finished; i++) {
      await new Promise((r) => setTimeout(r, 100));
      last = await status();
    }
    expect(last).toEqual({ done: 5000, total: 5000, label: 'Klaar.', finished: true, redirect: jobPath });
    const other = await webSession(server.url, (await makeUser(db(), ['dossierbehandelaar'])).username);
    expect((await other.get(`${jobPath}/status`)).status).toBe(404);
    const result = await (await s.get(jobPath)).text();
    expect(result).toContain(
      '5.000 rijen gelezen, 5.000 weggeschreven: 5.000 nieuw, 0 gewijzigd, 0 ongewijzigd.',
    );
  });

  it('shows an import interrupted by a restart and imports the kept file when started again', async () => {
    const u = await makeUser(db(), ['dossierbehandelaar']);
    const s = await webSession(server.url, u.username);
    const csv = `insz,voornaam,achternaam\n${inszFor(9101)},Na,Herstart\n${inszFor(9102)},Ook,Herstart\n`;
    const actor = {
      kind: 'user',
      userId: u.id,
      label: u.username,
      roles: ['dossierbehandelaar'],
      organisationIds: [],
      channel: 'web',
    };
    // The state a restart leaves: the job was running, the server stopped, start-up marked it.
    const { rows } = await db().query<{ id: string }>(
      `INSERT INTO jobs (kind, state, owner_id, actor, input, payload, progress_done, progress_total, attempts)
       VALUES ('registry.import', 'onderbroken', $1, $2, $3, $4, 1, 2, 1) RETURNING id`,
      [
        u.id,
        JSON.stringify(actor),
        JSON.stringify({ kind: 'personen', fileName: 'herstart.csv', format: 'csv' }),
        new TextEncoder().encode(csv),
      ],
    );
    const jobPath = `/register/import/${rows[0]!.id}`;
    const page = await (await s.get(jobPath)).text();
    expect(page).toContain('onderbroken doordat Trede herstartte; er is niets ingelezen');
    expect(page).toContain(`action="${jobPath}/retry"`);
    const other = await webSession(server.url, (await makeUser(db(), ['dossierbehandelaar'])).username);
    expect((await other.post(jobPath.replace(/\/[^/]+$/, ''), `${jobPath}/retry`, {})).status).toBe(404);
    const retried = await s.post(jobPath, `${jobPath}/retry`, {});
    expect(retried.status).toBe(303);
    type Status = { done: number; total: number; finished: boolean };
    let last: Status = { done: 0, total: 0, finished: false };
    for (let i = 0; i < 300 && !last.finished; i++) {
      await new Promise((r) => setTimeout(r, 50));
      last = (await (await s.get(`${jobPath}/status`)).json()) as Status;
    }
    expect(last).toMatchObject({ done: 2, total: 2, finished: true });
    expect(await (await s.get(jobPath)).text()).toContain(
      '2 rijen gelezen, 2 weggeschreven: 2 nieuw, 0 gewijzigd, 0 ongewijzigd.',
    );
  });
});
