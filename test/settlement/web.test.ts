/**
 * The settlement pages: the runs with their totals, a run with its lines, approval by a second
 * user (four eyes) and the SEPA file of an approved run; a werkgever sees only its own lines, an
 * analist only totals.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemActor } from '../../src/access/index.ts';
import { execute } from '../../src/commands/index.ts';
import { setAssumption } from '../../src/settlement/index.ts';
import { describeEachDb } from '../support/db.ts';
import { makeOrganisation, makeUser } from '../support/factories.ts';
import { type ApiClient, loginClient, startTestServer, type TestServer } from '../support/http.ts';

const KBO_A = '0123456848';
const KBO_B = '0123456947';
const q2 = (kbo: string, worker: string, pkg: string, wage: string) =>
  ['2024-04', '2024-05', '2024-06'].map((month) => ({ kbo, worker, month, package: pkg, wage, fte: 1 }));
const form = (c: ApiClient, path: string) =>
  c.request('POST', path, '', { 'content-type': 'application/x-www-form-urlencoded' });

describeEachDb('settlement web pages', ({ db }) => {
  let server: TestServer;
  let preparer: ApiClient;
  let approver: ApiClient;
  let werkgever: ApiClient;
  let analist: ApiClient;
  let runId = '';
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
    [preparer, approver, werkgever, analist] = (await Promise.all(
      users.map((u) => loginClient(server.url, u.username)),
    )) as [ApiClient, ApiClient, ApiClient, ApiClient];
    // A: 60 % of the cap 2.841,83 → 1.705,10 × 3 + 506,94 = 5.622,24.
    // B: 45 % of 2.000 → 900,00 × 3 + 506,94 = 3.206,94. Total 8.829,18.
    const res = await preparer.post('/api/v1/settlement/runs', {
      measure: 'collectief-maatwerk',
      period: '2024-Q2',
      wages: [...q2(KBO_A, 'A1', '60-hoog', '3000'), ...q2(KBO_B, 'B1', '45-hoog', '2000')],
    });
    expect(res.status).toBe(202);
    let job = (await res.json()) as { id: string; state: string; result?: { id: string } };
    while (job.state === 'wachtend' || job.state === 'bezig') {
      await new Promise((r) => setTimeout(r, 50));
      job = (await (await preparer.get(`/api/v1/jobs/${job.id}`)).json()) as typeof job;
    }
    expect(job.state).toBe('klaar');
    runId = job.result!.id;
  });
  afterAll(async () => server?.close());

  it('lists the run with its totals and shows its lines in euros', async () => {
    const list = await (await approver.get('/afrekeningen')).text();
    expect(list).toContain('collectief-maatwerk');
    expect(list).toContain('8.829,18');
    const page = await (await approver.get(`/afrekeningen/${runId}`)).text();
    expect(page).toContain('Lijnen (8)');
    expect(page).toContain('1.705,10');
    expect(page).toContain('Goedkeuren (vier ogen)');
  });

  it('refuses approval by the preparer, approves by another user and serves the SEPA file', async () => {
    await form(preparer, `/afrekeningen/${runId}/goedkeuren`);
    expect(await (await preparer.get(`/afrekeningen/${runId}`)).text()).toContain('Ontwerp');
    const ok = await form(approver, `/afrekeningen/${runId}/goedkeuren`);
    expect(ok.status).toBe(303);
    const approved = await (await approver.get(`/afrekeningen/${runId}`)).text();
    expect(approved).toContain('Goedgekeurd');
    expect(approved).not.toContain('Goedkeuren (vier ogen)');
    expect(approved).toContain('Betaalbestand (SEPA) downloaden');
    const file = await form(approver, `/afrekeningen/${runId}/betaalbestand`);
    expect(file.headers.get('content-disposition')).toMatch(/attachment/);
    const xml = await file.text();
    // The control sum is the run's balance: 5.622,24 + 3.206,94 = 8.829,18.
    expect(xml).toContain('<CtrlSum>8829.18</CtrlSum>');
  });

  it('shows a werkgever only its own lines and an analist no lines at all', async () => {
    const own = await (await werkgever.get(`/afrekeningen/${runId}`)).text();
    expect(own).toContain(KBO_A);
    expect(own).not.toContain(KBO_B);
    const totals = await (await analist.get(`/afrekeningen/${runId}`)).text();
    expect(totals).toContain('Lijnen (0)');
    expect(totals).not.toContain('Goedkeuren');
  });
});
