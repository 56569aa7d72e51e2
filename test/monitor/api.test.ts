import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validate } from '@readme/openapi-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDb } from '../support/db.ts';
import { makeOrganisation, makeUser } from '../support/factories.ts';
import { client, loginClient, startTestServer, type TestServer } from '../support/http.ts';
import { runCli } from '../support/process.ts';

describeEachDb('the monitor API over real HTTP', ({ db }) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(db());
  });
  afterAll(() => server.close());

  it('gives an analyst the 2019 West-Flemish ladder computed from the leaves, with a source per value', async () => {
    const u = await makeUser(db(), ['analist']);
    const api = await loginClient(server.url, u.username);
    const res = await api.get('/api/v1/monitor/ladder?year=2019&region=west-vlaanderen');
    expect(res.status).toBe(200);
    const l = (await res.json()) as {
      year: number;
      region: string;
      total: number;
      basis: string;
      rungs: { rung: number; total: number }[];
      measures: { measure: string; rung: number; value: number | null; source: string }[];
    };
    expect(l).toMatchObject({ year: 2019, region: 'west-vlaanderen', total: 63552, basis: 'reference' });
    expect(l.rungs.map((r) => [r.rung, r.total])).toEqual([
      [5, 51901],
      [4, 10198],
      [3, 1453],
    ]);
    expect(l.measures.find((m) => m.measure === 'rsz-korting-ouderen')).toMatchObject({
      rung: 5,
      value: 34480,
      source: 'seeds/004_694cfc149f605398.txt:L6377',
    });
    // Regions of Tabel 40: Zuid-West-Vlaanderen 18,346 (L6607).
    const zwvl = await api.get('/api/v1/monitor/ladder?year=2019&region=zuid-west-vlaanderen');
    expect(((await zwvl.json()) as { total: number }).total).toBe(18346);
  });

  it('serves series, the check and the KPIs', async () => {
    const u = await makeUser(db(), ['analist']);
    const api = await loginClient(server.url, u.username);
    const s = (await (
      await api.get('/api/v1/monitor/series?measure=totaal&region=west-vlaanderen')
    ).json()) as {
      points: { year: number; value: number; vlaanderen: number; share: number }[];
      growth: { period: string; value: number }[];
    };
    expect(s.points.at(-1)).toEqual({ year: 2019, value: 63552, vlaanderen: 317495, share: 20 });
    // 63,551.8 / 55,706 − 1 = +14.08 % → 14.1; 63,551.8 / 57,461.6 − 1 = +10.60 % → 10.6 (L6473).
    expect(s.growth).toEqual([
      { period: '2014-2019', region: 'west-vlaanderen', value: 14.1 },
      { period: '2018-2019', region: 'west-vlaanderen', value: 10.6 },
    ]);
    const check = (await (await api.get('/api/v1/monitor/check')).json()) as { findings: unknown[] };
    expect(check.findings).toHaveLength(13);
    const kpis = (await (await api.get('/api/v1/monitor/kpis')).json()) as {
      kpis: { id: string; value: number }[];
    };
    // 76,476.81 / 82,456.46 = 92.748 % → 92.7 (seeds/003 L2494-2495).
    expect(kpis.kpis.find((k) => k.id === 'cmw-invulling-contingent')?.value).toBe(92.7);
  });

  it('refuses without login (401) and without monitor:read (403); bad input is 400', async () => {
    expect((await client(server.url).get('/api/v1/monitor/ladder?year=2019&region=vlaanderen')).status).toBe(
      401,
    );
    const org = await makeOrganisation(db());
    const w = await makeUser(db(), ['werkgever'], [org.id]);
    const api = await loginClient(server.url, w.username);
    expect((await api.get('/api/v1/monitor/ladder?year=2019&region=vlaanderen')).status).toBe(403);
    const a = await loginClient(server.url, (await makeUser(db(), ['analist'])).username);
    expect((await a.get('/api/v1/monitor/ladder?year=2019&region=atlantis')).status).toBe(400);
    expect((await a.get('/api/v1/monitor/ladder?year=2012&region=vlaanderen')).status).toBe(400);
    // A province has no reference ladder of its own: 400, not a server error.
    expect((await a.get('/api/v1/monitor/ladder?year=2019&region=antwerpen')).status).toBe(400);
    // An empty registry gives a ladder without values (no measure has placements), not an error.
    const reg = await a.get('/api/v1/monitor/ladder?year=2019&region=vlaanderen&source=registry');
    expect(reg.status).toBe(200);
    expect(await reg.json()).toMatchObject({ total: null, measures: [] });
  });

  it('serves the dashboard to monitor:read only, with its downloads', async () => {
    const org = await makeOrganisation(db());
    const w = await loginClient(server.url, (await makeUser(db(), ['werkgever'], [org.id])).username);
    expect((await w.get('/monitor')).status).toBe(403);
    expect((await w.get('/monitor/download/tabel-39.csv')).status).toBe(403);
    const a = await loginClient(server.url, (await makeUser(db(), ['analist'])).username);
    const page = await a.get('/monitor?jaar=2019&regio=west-vlaanderen');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(
      '<svg role="img" aria-label="Gestapelde staafgrafiek: plaatsen per trede in West-Vlaanderen',
    );
    expect(html).toContain('63.552');
    const csv = await a.get('/monitor/download/ladder.csv?jaar=2019&regio=west-vlaanderen');
    expect(csv.headers.get('content-disposition')).toBe(
      'attachment; filename="ladder-west-vlaanderen-2019.csv"',
    );
    expect(await csv.text()).toContain(';totaal;totaal;Trede 3 + 4 + 5;;63552;;63551,8;;');
  });

  it('offers open data without login', async () => {
    const res = await client(server.url).get('/api/v1/open/ladder?year=2018&region=vlaanderen');
    expect(res.status).toBe(200);
    expect(((await res.json()) as { total: number }).total).toBe(279438);
    const s = await client(server.url).get('/api/v1/open/series?measure=sine&region=vlaanderen');
    expect(((await s.json()) as { points: { value: number }[] }).points.map((p) => p.value)).toEqual([
      6790, 6633, 6402, 6059, 5872, 5740,
    ]);
  });

  it('documents the routes in a valid OpenAPI document', async () => {
    const doc = (await (await client(server.url).get('/api/v1/openapi.json')).json()) as { paths: object };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/monitor/ladder', '/monitor/series', '/open/ladder', '/open/series']),
    );
    expect(await validate(structuredClone(doc) as never)).toMatchObject({ valid: true });
  });
});

describe('the monitor CLI', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'trede-monitor-'));
  const env = { TREDE_DATA_DIR: dataDir };
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('npx trede monitor ladder --year 2019 --region west-vlaanderen --format json reproduces the study', async () => {
    const r = await runCli(
      ['monitor', 'ladder', '--year', '2019', '--region', 'west-vlaanderen', '--format', 'json'],
      env,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const l = JSON.parse(r.stdout) as { total: number; rungs: { rung: number; total: number }[] };
    expect(l.total).toBe(63552);
    expect(l.rungs.map((x) => x.total)).toEqual([51901, 10198, 1453]);
  }, 120_000);

  it('check lists the findings; csv has a decimal comma', async () => {
    const c = await runCli(['monitor', 'check'], env);
    expect(c.code).toBe(0);
    expect(c.stdout).toContain('19 gepubliceerde cijfers volgen niet uit hun delen');
    expect(c.stdout).toContain('seeds/004_694cfc149f605398.txt:L6399');
    const csv = await runCli(
      ['monitor', 'ladder', '--year', '2019', '--region', 'west-vlaanderen', '--format', 'csv'],
      env,
    );
    expect(csv.stdout).toContain(
      '2019;west-vlaanderen;maatregel;sine;SINE (in hervorming naar individueel maatwerk);5;1412;0,4;564,8;;',
    );
  }, 120_000);
});
