import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../support/db.ts';
import { makeUser } from '../support/factories.ts';
import { type ApiClient, loginClient, startTestServer, type TestServer } from '../support/http.ts';

async function sheet(res: Response) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  return wb.worksheets[0]!;
}

describeEachDb('XLSX beside the CSV of every budget table', ({ db }) => {
  let server: TestServer;
  let api: ApiClient;
  beforeAll(async () => {
    server = await startTestServer(db());
    api = await loginClient(server.url, (await makeUser(db(), ['analist'])).username);
  });
  afterAll(() => server.close());

  it('links a CSV and an XLSX download under every table of the page', async () => {
    const html = await (await api.get('/begroting?jaar=2024')).text();
    for (const t of ['begroting', 'uitvoering', 'waterval', 'controle']) {
      expect(html).toContain(`/begroting/download/${t}.csv`);
      expect(html).toContain(`/begroting/download/${t}.xlsx`);
    }
  });

  it('gives the tree as a workbook with exact euro numbers and a thousands format', async () => {
    const res = await api.get('/begroting/download/begroting.xlsx?jaar=2021');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const ws = await sheet(res);
    expect(ws.getRow(3).values).toContain('bedrag (euro)');
    const rows = ws.getSheetValues().filter(Boolean) as unknown[][];
    // 2021 TOTAAL VAK BU 3.623.512 keuro (000:L794), computed from the articles.
    const total = rows.find((r) => r[1] === 'domein' && r[4] === 'VAK' && r[5] === 'BU');
    expect(total?.[6]).toBe(3_623_512_000);
    expect(ws.getColumn(6).numFmt).toBe('#,##0');
  });

  it('gives execution, waterfall and check as workbooks too; an unknown table is 404', async () => {
    const ex = await sheet(await api.get('/begroting/download/uitvoering.xlsx?jaar=2024'));
    const exRows = ex.getSheetValues().filter(Boolean) as unknown[][];
    expect(exRows.find((r) => r[2] === 'JB0-1JEC2HA-WT' && r[3] === 'VAK')?.[6]).toBe(93.9);
    const wf = await api.get('/begroting/download/waterval.xlsx?jaar=2024&artikel=JB0-1JEC2HA-WT');
    expect(wf.status).toBe(200);
    const wfRows = (await sheet(wf)).getSheetValues().filter(Boolean) as unknown[][];
    expect(wfRows.some((r) => r[1] === 'BU' && r[2] === 'stadium')).toBe(true);
    const csv = await (
      await api.get('/begroting/download/waterval.csv?jaar=2024&artikel=JB0-1JEC2HA-WT')
    ).text();
    expect(csv).toContain('stap;soort;bedrag (euro);bron');
    expect((await api.get('/begroting/download/controle.xlsx')).status).toBe(200);
    expect((await api.get('/begroting/download/geheim.xlsx')).status).toBe(404);
  });
});
