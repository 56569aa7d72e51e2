import { validate } from '@readme/openapi-parser';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../support/db.ts';
import { makeUser } from '../support/factories.ts';
import { client, loginClient, startTestServer, type TestServer } from '../support/http.ts';

describeEachDb('the budget API over real HTTP', ({ db }) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(db());
  });
  afterAll(() => server.close());

  it('gives an analyst the 2021 domain total computed from the articles (000:L794)', async () => {
    const u = await makeUser(db(), ['analist']);
    const api = await loginClient(server.url, u.username);
    const res = await api.get('/api/v1/budget?year=2021');
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      rows: { code: string; level: string; credit: string; stage: string; amount: number }[];
    };
    const t = body.rows.find((r) => r.level === 'domein' && r.credit === 'VAK' && r.stage === 'BU');
    expect(t?.amount).toBe(3_623_512_000);
    const check = (await (await api.get('/api/v1/budget/check')).json()) as { sources: string[] }[];
    expect(check.some((f) => f.sources[0] === 'seeds/000_3bfdbb028fdab786.txt:L5177')).toBe(true); // T4
    const ex = (await (await api.get('/api/v1/budget/execution?year=2024')).json()) as {
      rows: { code: string; credit: string; ratePercent: number }[];
    };
    expect(ex.rows.find((r) => r.code === 'JB0-1JEC2HA-WT' && r.credit === 'VAK')?.ratePercent).toBe(93.9);
  });

  it('refuses a dossierbehandelaar, a bad year and no login', async () => {
    const u = await makeUser(db(), ['dossierbehandelaar']);
    const api = await loginClient(server.url, u.username);
    expect((await api.get('/api/v1/budget?year=2021')).status).toBe(403);
    const a = await loginClient(server.url, (await makeUser(db(), ['beheerder'])).username);
    expect((await a.get('/api/v1/budget?year=2030')).status).toBe(400);
    expect((await client(server.url).get('/api/v1/budget?year=2021')).status).toBe(401);
  });

  it('offers the tables as open data without login', async () => {
    const res = await client(server.url).get('/api/v1/open/budget?year=2024&article=JB0-1JEC2HA-WT');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { rows: { credit: string; stage: string; amount: number }[] };
    expect(body.rows.find((r) => r.credit === 'VEK' && r.stage === 'BU')?.amount).toBe(552_157_000); // 003:L731
    expect((await client(server.url).get('/api/v1/open/budget?year=2024&article=NOPE')).status).toBe(404);
  });

  it('shows the web page with nl-BE keuro, the waterfall and CSV downloads', async () => {
    const api = await loginClient(server.url, (await makeUser(db(), ['analist'])).username);
    const res = await api.get('/begroting?jaar=2024');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('653.584'); // JE VAK BU computed from the articles
    expect(html).toContain('552.289'); // CMW VAK BU (003:L731)
    expect(html).toContain('<svg');
    const csv = await (await api.get('/begroting/download/begroting.csv?jaar=2021')).text();
    expect(csv).toContain('domein;TOTAAL;');
    expect(csv).toContain(';3623512000;');
    const denied = await loginClient(server.url, (await makeUser(db(), ['dossierbehandelaar'])).username);
    expect((await denied.get('/begroting')).status).toBe(403);
  });

  it('documents the routes in a valid OpenAPI document', async () => {
    const doc = (await (await client(server.url).get('/api/v1/openapi.json')).json()) as { paths: object };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/budget', '/budget/check', '/budget/execution', '/open/budget']),
    );
    expect(await validate(structuredClone(doc) as never)).toMatchObject({ valid: true });
  });
});
