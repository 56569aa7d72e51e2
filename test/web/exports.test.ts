/**
 * Lists download as CSV and XLSX with the columns of the table on the page (nl-BE headers), every
 * row that matches the filters, and only the rows the user may see.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../support/db.ts';
import { makeOrganisation, makeUser } from '../support/factories.ts';
import { type ApiClient, loginClient, startTestServer, type TestServer } from '../support/http.ts';

describeEachDb('exports of the lists', ({ db }) => {
  let server: TestServer;
  let admin: ApiClient;
  let employer: ApiClient;
  let own: { id: string; kbo: string };
  beforeAll(async () => {
    server = await startTestServer(db());
    own = await makeOrganisation(db(), { name: 'Export Eigen vzw', type: 'maatwerkbedrijf' });
    await makeOrganisation(db(), { name: 'Export Ander vzw', type: 'maatwerkbedrijf' });
    admin = await loginClient(server.url, (await makeUser(db(), ['beheerder'])).username);
    employer = await loginClient(server.url, (await makeUser(db(), ['werkgever'], [own.id])).username);
  });
  afterAll(() => server.close());

  it('gives the organisations as CSV with the table headers and the filter applied', async () => {
    const res = await admin.get('/register/organisaties?q=Export&formaat=csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const lines = (await res.text())
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Naam;KBO-nummer;Type;Gemeente');
    expect(
      lines
        .slice(1)
        .map((l) => l.split(';')[0])
        .sort(),
    ).toEqual(['Export Ander vzw', 'Export Eigen vzw']);
  });

  it('gives the same columns as XLSX, and a werkgever only its own organisation', async () => {
    const res = await employer.get('/register/organisaties?q=Export&formaat=xlsx');
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const rows = (wb.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][]).map((r) => r.slice(1));
    expect(rows[1]).toEqual(['Naam', 'KBO-nummer', 'Type', 'Gemeente']);
    expect(rows.slice(2).map((r) => r[0])).toEqual(['Export Eigen vzw']);
  });

  it('links both downloads under the list', async () => {
    const html = await (await admin.get('/register/organisaties')).text();
    expect(html).toContain('formaat=csv');
    expect(html).toContain('formaat=xlsx');
  });
});
