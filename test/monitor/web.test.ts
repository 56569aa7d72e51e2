/**
 * The monitor page over real HTTP (issue 17, issue 9): a summary with each headline figure's change
 * against the year before, filters that stand in the URL, and no year written into the page code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { execute } from '../../src/commands/index.ts';
import { createPerson, createPlacement, placementYears } from '../../src/registry/index.ts';
import { inszFor } from '../registry/support.ts';
import { describeEachDb } from '../support/db.ts';
import { admin, makeOrganisation, makeUser } from '../support/factories.ts';
import { loginClient, startTestServer, type TestServer } from '../support/http.ts';
import { ROOT } from '../support/process.ts';

const text = (html: string) => html.replace(/\u00a0/g, ' ');
const tile = (html: string, id: string) =>
  (new RegExp(`id="${id}"[^>]*>(.*?)</div>\\s*</div>`, 's').exec(html)?.[1] ?? '').replace(/<[^>]+>/g, ' ');

describeEachDb('the monitor page', ({ db }) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(db());
  });
  afterAll(() => server.close());

  it('opens on the latest reference year with the headline figures and their change', async () => {
    const a = await loginClient(server.url, (await makeUser(db(), ['analist'])).username);
    const html = text(await (await a.get('/monitor')).text());
    expect(html).toContain('<option value="2019" selected="">2019</option>');
    // Tabel 39, West-Vlaanderen: 2019 63.551,8 (63.552) against 2018 57.461,6:
    // 63.551,8 − 57.461,6 = 6.090,2 → +6.090; 63.551,8 / 57.461,6 − 1 = 10,60 % → +10,6 %,
    // the study's own evolution 2018-2019 (seeds/004_694cfc149f605398.txt:L6473).
    const total = tile(html, 'tegel-totaal').replace(/\s+/g, ' ');
    expect(total).toContain('63.552');
    expect(total).toContain('+6.090 (+10,6 %) t.o.v. 2018');
    // Rungs 51.901, 10.198 and 1.453 (seeds/004 Tabel 39).
    expect(tile(html, 'tegel-trede-5')).toContain('51.901');
    expect(tile(html, 'tegel-trede-4')).toContain('10.198');
    expect(tile(html, 'tegel-trede-3')).toContain('1.453');
    // Every section to jump to, each table folded under its chart and scrolling in its own box.
    for (const id of ['ladder', 'maatregelen', 'regios', 'reeksen', 'doorlooptijden', 'kpis'])
      expect(html).toContain(`<a href="#${id}">`);
    expect(html).toContain('<details class="data-table"><summary>Tabel: plaatsen per trede, West-Vlaanderen');
    expect(html).toContain('<section class="table-wrap" tabindex="0" aria-label="Tabel: ');
  });

  it('shows the year and region of the URL, with their figures and the regions of that year', async () => {
    const a = await loginClient(server.url, (await makeUser(db(), ['analist'])).username);
    const html = text(await (await a.get('/monitor?jaar=2018&regio=vlaanderen&reeks=sine')).text());
    expect(html).toContain('<option value="2018" selected="">2018</option>');
    expect(html).toContain('<option value="vlaanderen" selected="">Vlaams Gewest</option>');
    expect(html).toContain('<option value="sine" selected="">');
    // Vlaams Gewest 2018: 279.438 places (open data test, seeds/004 Tabel 39).
    expect(tile(html, 'tegel-totaal')).toContain('279.438');
    // Regional figures exist only for Tabel 40's year: the page says so and links to it.
    expect(html).toContain('De studie geeft cijfers per regio enkel voor 2019.');
    expect(html).toContain('download/ladder.csv?jaar=2018&amp;regio=vlaanderen');
    // The first year has no year before to compare with.
    expect(tile(await (await a.get('/monitor?jaar=2014')).text(), 'tegel-totaal')).toContain(
      'geen vergelijking met 2013',
    );
    // The regional CSV of 2019: Zuid-West-Vlaanderen 18.346 (seeds/004 L6607); none for 2018.
    const csv = await a.get('/monitor/download/regios.csv?jaar=2019');
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="regios-2019.csv"');
    expect(await csv.text()).toContain('2019;zuid-west-vlaanderen;totaal;totaal;Trede 3 + 4 + 5;;18346;');
    expect((await a.get('/monitor/download/regios.csv?jaar=2018')).status).toBe(404);
    // An unknown year falls back to the latest available one.
    expect(await (await a.get('/monitor?jaar=1999')).text()).toContain('<option value="2019" selected="">');
  });

  it('counts the registry for the chosen year when the source is the registry', async () => {
    const a = await loginClient(server.url, (await makeUser(db(), ['analist'])).username);
    const res = await a.get('/monitor?bron=register&jaar=2024');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<option value="register" selected="">');
    expect(html).toContain('<option value="2024" selected="">2024</option>');
    expect(html).toContain('Geen plaatsingen in het register voor 2024.');
  });

  it('offers for the registry only the years in which placements run, asked in SQL', async () => {
    const { kbo } = await makeOrganisation(db());
    const place = async (n: number, start: string, end: string | null) => {
      const insz = inszFor(9100 + n);
      await execute(db(), createPerson, admin, { insz, firstName: 'Jaar', lastName: `P${n}` });
      await execute(db(), createPlacement, admin, { insz, kbo, measure: 'wes', start, end, fte: 0.5 });
    };
    // 2021-03-01..2022-06-30 runs in 2021 and 2022; 2024-05-01..2025-02-28 in 2024 and 2025; 2023 none.
    await place(1, '2021-03-01', '2022-06-30');
    await place(2, '2024-05-01', '2025-02-28');
    expect(await placementYears(db(), admin, 2026)).toEqual([2021, 2022, 2024, 2025]);
    // An open placement runs up to the year asked for, not beyond.
    await place(3, '2022-01-01', null);
    expect(await placementYears(db(), admin, 2026)).toEqual([2021, 2022, 2023, 2024, 2025, 2026]);
    expect(await placementYears(db(), admin, 2023)).toEqual([2021, 2022, 2023]);
    const a = await loginClient(server.url, (await makeUser(db(), ['analist'])).username);
    const html = await (await a.get('/monitor?bron=register&jaar=2022')).text();
    expect(html).toContain('<option value="2022" selected="">2022</option>');
    expect(html).toContain('<option value="2021">2021</option>');
    expect(html).not.toContain('<option value="2020">');
    expect(html).not.toContain('<option value="2019">');
    // A year without placements falls back to the latest year with placements (this year: the open one).
    const thisYear = new Date().getUTCFullYear();
    const back = await (await a.get('/monitor?bron=register&jaar=2019')).text();
    expect(back).toContain(`<option value="${thisYear}" selected="">${thisYear}</option>`);
    // The study source keeps the study years.
    expect(await (await a.get('/monitor?jaar=2019')).text()).toContain('<option value="2019" selected="">');
  });
});

it('writes no year into the monitor page code: years come from the reference data', () => {
  const dir = join(ROOT, 'src/web/pages/monitor');
  const files = [...readdirSync(dir).map((f) => join(dir, f)), join(ROOT, 'src/web/pages/monitor.tsx')];
  const years = files.flatMap((f) =>
    [...readFileSync(f, 'utf8').matchAll(/\b(19|20)\d\d\b/g)].map((m) => `${f}: ${m[0]}`),
  );
  expect(years).toEqual([]);
  for (const f of files) expect(readFileSync(f, 'utf8').split('\n').length).toBeLessThan(300);
});
