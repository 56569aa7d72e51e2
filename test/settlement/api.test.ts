import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemActor } from '../../src/access/index.ts';
import { execute } from '../../src/commands/index.ts';
import { setAssumption } from '../../src/settlement/index.ts';
import { describeEachDb } from '../support/db.ts';
import { makeOrganisation, makeUser } from '../support/factories.ts';
import { type ApiClient, loginClient, startTestServer, type TestServer } from '../support/http.ts';

// biome-ignore lint/suspicious/noExplicitAny: JSON answers of the API
type J = any;
const KBO_A = '0123456848';
const KBO_B = '0123456947';
const q2 = (kbo: string, worker: string, pkg: string, wage: string) =>
  ['2024-04', '2024-05', '2024-06'].map((month) => ({ kbo, worker, month, package: pkg, wage, fte: 1 }));
const body = {
  measure: 'collectief-maatwerk',
  period: '2024-Q2',
  // A: 60% of the cap 2.841,83 → 1.705,10 × 3 + 506,94 = 5.622,24.
  // B: 45% of 2.000 → 900,00 × 3 + 506,94 = 3.206,94. Total 8.829,18.
  wages: [...q2(KBO_A, 'A1', '60-hoog', '3000'), ...q2(KBO_B, 'B1', '45-hoog', '2000')],
};

describeEachDb('settlement REST API', ({ db }) => {
  let server: TestServer;
  let prep: ApiClient;
  let appr: ApiClient;
  let werkgever: ApiClient;
  let analist: ApiClient;
  beforeAll(async () => {
    server = await startTestServer(db());
    const a = await makeOrganisation(db(), { kbo: KBO_A, name: 'Maatwerk Aalst' });
    await makeOrganisation(db(), { kbo: KBO_B, name: 'Maatwerk Brugge' });
    await db().query("UPDATE organisations SET iban = 'BE71096123456769' WHERE kbo = $1", [KBO_A]);
    await db().query("UPDATE organisations SET iban = 'BE62510007547061' WHERE kbo = $1", [KBO_B]);
    await execute(db(), setAssumption, systemActor('system', 'test'), {
      name: 'betaalrekening_iban',
      valid_from: '2019-01-01',
      value: 'BE43068999999501',
      source: 'test',
    });
    const users = await Promise.all([
      makeUser(db(), ['dossierbehandelaar']),
      makeUser(db(), ['dossierbehandelaar']),
      makeUser(db(), ['werkgever'], [a.id]),
      makeUser(db(), ['analist']),
    ]);
    const clients = await Promise.all(users.map((u) => loginClient(server.url, u.username)));
    [prep, appr, werkgever, analist] = clients as [ApiClient, ApiClient, ApiClient, ApiClient];
  });
  afterAll(async () => server?.close());

  let runId = '';
  it('a dry run answers at once; a run is a job with progress', async () => {
    const dry = await prep.post('/api/v1/settlement/runs', { ...body, dry_run: true });
    expect(dry.status).toBe(200);
    const view = (await dry.json()) as J;
    expect(view).toMatchObject({ status: 'proefberekening', id: null, totals: { due: 8829.18 } });
    expect(view.lines).toHaveLength(8);

    const res = await prep.post('/api/v1/settlement/runs', body);
    expect(res.status).toBe(202);
    const job = (await res.json()) as J;
    expect(job.kind).toBe('settlement.run');
    let state = job as { id: string; state: string; result?: { id: string } };
    while (state.state === 'wachtend' || state.state === 'bezig') {
      await new Promise((r) => setTimeout(r, 50));
      state = (await (await prep.get(`/api/v1/jobs/${job.id}`)).json()) as J;
    }
    expect(state).toMatchObject({ state: 'klaar', progress: { done: 6, total: 6 } });
    runId = state.result!.id;
    const runs = (await (await prep.get('/api/v1/settlement/runs?period=2024-Q2')).json()) as J;
    expect(runs.map((r: { id: string }) => r.id)).toEqual([runId]);
  });

  it('shows a werkgever its own lines only and an analist totals only', async () => {
    const own = (await (await werkgever.get(`/api/v1/settlement/runs/${runId}`)).json()) as J;
    expect(new Set(own.lines.map((l: { kbo: string }) => l.kbo))).toEqual(new Set([KBO_A]));
    expect(own.totals.due).toBe(5622.24);
    const list = (await (await werkgever.get('/api/v1/settlement/runs')).json()) as J;
    expect(list[0].totals.due).toBe(5622.24);
    const stats = (await (await analist.get(`/api/v1/settlement/runs/${runId}`)).json()) as J;
    expect(stats.lines).toEqual([]);
    expect(stats.totals.due).toBe(8829.18);
    expect((await werkgever.post(`/api/v1/settlement/runs/${runId}/approve`)).status).toBe(403);
  });

  it('enforces four eyes, then downloads the payment file', async () => {
    const self = await prep.post(`/api/v1/settlement/runs/${runId}/approve`);
    expect(self.status).toBe(403);
    expect(((await self.json()) as J).error.code).toBe('four_eyes');
    const ok = await appr.post(`/api/v1/settlement/runs/${runId}/approve`);
    expect((await ok.json()) as Promise<J>).toEqual({ id: runId, status: 'goedgekeurd' });
    const file = await appr.post(`/api/v1/settlement/runs/${runId}/payment-file`, {
      format: 'pain',
      execution_date: '2024-07-12',
    });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toMatch(/xml/);
    expect(file.headers.get('x-control-sum')).toBe('8829.18');
    const xml = new XMLParser({ parseTagValue: false }).parse(await file.text());
    const inf = xml.Document.CstmrCdtTrfInitn.PmtInf;
    expect(inf.CtrlSum).toBe('8829.18');
    expect(inf.CdtTrfTxInf.map((t: { Amt: { InstdAmt: string } }) => t.Amt.InstdAmt)).toEqual([
      '5622.24',
      '3206.94',
    ]);
    const confirm = await appr.post(`/api/v1/settlement/runs/${runId}/confirm`);
    expect((await confirm.json()) as Promise<J>).toEqual({ id: runId, status: 'betaald' });
  });

  it('runs an advance month and an LDE quarter at once, same shape', async () => {
    // July: a third of the paid Q2 due: A 5.622,24 ÷ 3 = 1.874,08; B 3.206,94 ÷ 3 = 1.068,98; 2.943,06.
    const adv = await prep.post('/api/v1/settlement/runs', {
      measure: 'collectief-maatwerk',
      period: '2024-07',
    });
    expect(adv.status).toBe(200);
    const a = (await adv.json()) as J;
    expect(a).toMatchObject({ kind: 'voorschot', status: 'draft', totals: { due: 2943.06, advances: 0 } });
    expect(a.lines.map((l: J) => [l.kbo, l.component, l.amount])).toEqual([
      [KBO_A, 'voorschot', 1874.08],
      [KBO_B, 'voorschot', 1068.98],
    ]);
    // LDE Q1 2024: 13.638,64 × 2,50 VTE ÷ 4 = 8.524,15.
    const lde = await prep.post('/api/v1/settlement/runs', {
      measure: 'lde',
      period: '2024-Q1',
      lde_vte: [{ kbo: KBO_A, vte: 2.5 }],
      dry_run: true,
    });
    expect(((await lde.json()) as J).totals).toEqual({ due: 8524.15, advances: 0, balance: 8524.15 });
  });

  it('gives the calendar and documents the routes', async () => {
    const cal = (await (
      await prep.get('/api/v1/settlement/calendar/collectief-maatwerk?year=2024')
    ).json()) as J;
    expect(cal[0]).toHaveProperty('due');
    const doc = (await (await prep.get('/api/v1/openapi.json')).json()) as J;
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/settlement/runs', '/settlement/runs/{id}/payment-file']),
    );
  });
});
