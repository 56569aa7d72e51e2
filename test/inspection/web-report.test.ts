import { afterAll, beforeAll, expect, it } from 'vitest';
import { execute } from '../../src/commands/index.ts';
import { openInspection } from '../../src/inspection/index.ts';
import { createPerson, createPlacement } from '../../src/registry/index.ts';
import { inszFor } from '../registry/support.ts';
import { describeEachDb } from '../support/db.ts';
import { admin, makeOrganisation, makeUser } from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/http.ts';
import { visibleText, webSession } from '../support/web-session.ts';

describeEachDb('inspection web: report, start page, risk filters, refusals', ({ db }) => {
  let server: TestServer;
  let dossierId: string;
  let orgA: { id: string; kbo: string };
  let orgB: { id: string; kbo: string };

  beforeAll(async () => {
    server = await startTestServer(db());
    orgA = await makeOrganisation(db(), { name: 'Alfa Maatwerk', type: 'maatwerkbedrijf' });
    orgB = await makeOrganisation(db(), { name: 'Beta Maatwerk', type: 'maatwerkbedrijf' });
    // One person on collectief and individueel maatwerk at once, per organisation: one
    // niet-combineerbaar hit each (the rule's assumed pair).
    for (const [i, org] of [orgA, orgB].entries()) {
      const insz = inszFor(8900 + i);
      await execute(db(), createPerson, admin, { insz, firstName: 'R', lastName: `Risico${i}` });
      for (const measure of ['collectief-maatwerk', 'individueel-maatwerk'])
        await execute(db(), createPlacement, admin, {
          insz,
          kbo: org.kbo,
          measure,
          start: '2025-01-01',
          end: '2025-06-30',
          fte: 0.5,
        });
    }
    dossierId = (
      await execute(db(), openInspection, admin, {
        organisationId: orgA.id,
        domain: 'Dienstencheques',
        origin: 'klacht',
        openedOn: '2022-03-01',
      })
    ).id;
  });
  afterAll(() => server.close());

  it('shows an analist the report counts with charts and the 2022 reference figures', async () => {
    const analist = await webSession(server.url, (await makeUser(db(), ['analist'])).username);
    const res = await analist.get('/inspectie/rapport?jaar=2022');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<svg role="img"');
    const text = visibleText(html);
    // TOTAAL: Trede 1 dossier (opened 2022-03-01), reference 2.579 dossiers, 148 PJ, € 4.807.454.
    expect(text).toMatch(/TOTAAL 1 0 € 0,00 2\.579 148 € 4\.807\.454/);
    expect(text).toContain('Dienstencheques 1 0 € 0,00 215 10 € 822.925');
    expect(text).toContain('99,43');
    expect(text).toContain('norm niet gehaald');
    // Counts only: no organisation name, no person on the report.
    expect(text).not.toContain('Alfa Maatwerk');
    expect(text).not.toContain('Risico');
  });

  it('offers each table as CSV and XLSX', async () => {
    const analist = await webSession(server.url, (await makeUser(db(), ['analist'])).username);
    const csv = await analist.get('/inspectie/rapport/download/vsi.csv?jaar=2022');
    expect(csv.status).toBe(200);
    const body = await csv.text();
    expect(body).toContain('TOTAAL;1;0;0;2579;148;4807454;seeds/001_4a57afe77d69f3a4.txt:L9846');
    const ad = await (
      await analist.get('/inspectie/rapport/download/antidiscriminatie.csv?jaar=2021')
    ).text();
    expect(ad).toContain('klachten;14;seeds/001_4a57afe77d69f3a4.txt:L9259');
    const fines = await (await analist.get('/inspectie/rapport/download/boetes.csv?jaar=2021')).text();
    expect(fines).toContain(
      'aandeel binnen de termijn, gepubliceerd (%);98,1;"seeds/001_4a57afe77d69f3a4.txt:L9376-9379; seeds/001_4a57afe77d69f3a4.txt:L8676"',
    );
    const xlsx = await analist.get('/inspectie/rapport/download/vsi.xlsx?jaar=2022');
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await xlsx.arrayBuffer());
    const ws = wb.worksheets[0]!;
    // Row 1 title, row 2 empty, row 3 header, row 4 TOTAAL.
    expect(ws.getRow(4).values).toEqual([
      undefined,
      'TOTAAL',
      1,
      0,
      0,
      2579,
      148,
      4807454,
      'seeds/001_4a57afe77d69f3a4.txt:L9846',
    ]);
    expect((await analist.get('/inspectie/rapport/download/onbekend.csv')).status).toBe(404);
  });

  it('shows the inspecteur open inspections and new risk hits on the start page; filters the risk list', async () => {
    const insp = await webSession(server.url, (await makeUser(db(), ['inspecteur'])).username);
    const home = visibleText(await (await insp.get('/')).text());
    expect(home).toContain('Open inspecties (1)');
    expect(home).toContain('Nieuwe risicotreffers (2)');
    expect(home).toMatch(/Werknemer op twee maatregelen die niet samen mogen ?: 2/);
    const all = visibleText(await (await insp.get('/inspectie/risicos?regel=niet-combineerbaar')).text());
    expect(all).toContain('2 treffers');
    const one = visibleText(
      await (await insp.get(`/inspectie/risicos?regel=niet-combineerbaar&organisatie=${orgB.id}`)).text(),
    );
    expect(one).toContain('1 treffer');
    expect(one).toMatch(/niet-combineerbaar Beta Maatwerk/);
    expect(one).not.toMatch(/niet-combineerbaar Alfa Maatwerk/);
    // Open an inspection dossier from Beta's hit with the form on the list.
    const listPath = `/inspectie/risicos?regel=niet-combineerbaar&organisatie=${orgB.id}`;
    const form = /<form method="post" action="\/inspectie\/risicos\/openen"[\s\S]*?<\/form>/.exec(
      await (await insp.get(listPath)).text(),
    )![0];
    const fields: Record<string, string> = {};
    for (const m of form.matchAll(/<input type="hidden" name="([a-zA-Z]+)" value="([^"]*)"/g))
      if (m[1] !== '_csrf') fields[m[1]!] = m[2]!.replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    const posted = await insp.post(listPath, '/inspectie/risicos/openen', fields);
    expect(posted.status).toBe(303);
    const opened = visibleText(await (await insp.get(posted.headers.get('location')!)).text());
    expect(opened).toContain('Beta Maatwerk');
    expect(opened).toContain(
      'Risicolijst: Werknemer op twee maatregelen die niet samen mogen (niet-combineerbaar',
    );
    const page = visibleText(await (await insp.get(`/inspectie/dossiers/${dossierId}`)).text());
    expect(page).toContain('Tijdlijn');
    expect(page).toContain('openen');
  });

  it('refuses a werkgever every inspection page and an analist every page but the report', async () => {
    const werkgever = await webSession(server.url, (await makeUser(db(), ['werkgever'], [orgA.id])).username);
    const analist = await webSession(server.url, (await makeUser(db(), ['analist'])).username);
    const pages = ['/inspectie', '/inspectie/risicos', `/inspectie/dossiers/${dossierId}`];
    const report = ['/inspectie/rapport?jaar=2022', '/inspectie/rapport/download/vsi.csv?jaar=2022'];
    for (const p of [...pages, ...report]) expect((await werkgever.get(p)).status, p).toBe(403);
    for (const p of pages) expect((await analist.get(p)).status, p).toBe(403);
    const home = visibleText(await (await werkgever.get('/')).text());
    expect(home).not.toContain('Open inspecties');
    expect(home).not.toContain('Inspectierapport');
  });
});
