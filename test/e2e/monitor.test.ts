import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2e, signIn, startE2e, textOf } from '../support/browser.ts';
import { makeUser } from '../support/factories.ts';

describe('the monitor dashboard in Chromium', () => {
  let e2e: E2e;
  beforeAll(async () => {
    e2e = await startE2e();
  });
  afterAll(() => e2e?.close());

  it('shows the ladder chart and its data table with 63.552 places for West-Vlaanderen 2019', async () => {
    const analyst = await makeUser(e2e.db, ['analist'], [], 'e2e-analist');
    const page = await e2e.newPage();
    await signIn(page, e2e.url, analyst.username, analyst.password);
    await page
      .getByRole('navigation', { name: 'Hoofdnavigatie' })
      .getByRole('link', { name: 'Monitor' })
      .click();
    await expect.poll(textOf(page, 'h1')).toBe('Monitor');

    // The chart: a server-rendered SVG with an accessible name, bars drawn.
    const chart = page.getByRole('img', {
      name: /plaatsen per trede in West-Vlaanderen per jaar; 2019: 63\.552 plaatsen/,
    });
    expect(await chart.isVisible()).toBe(true);
    expect(await page.locator('#grafiek-ladder svg path').count()).toBeGreaterThan(10);

    // The table is folded under its chart (issue 17): open it.
    await page.locator('#ladder summary').first().click();
    // Its data table: the 2019 column of the total row (the last cell) reads 63.552.
    const totalRow = page.locator('#tabel-ladder tr', { hasText: 'Totaal treden 3 + 4 + 5' });
    expect(await totalRow.locator('td').last().innerText()).toBe('63.552');
    const rungs = await page
      .locator('#tabel-ladder tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.lastElementChild?.textContent ?? ''));
    expect(rungs).toEqual(['51.901', '10.198', '1.453', '63.552']);
    expect(await textOf(page, '#tegel-totaal .value')()).toBe('63.552');

    // Downloads next to the table.
    const csv = await page.request.get(`${e2e.url}/monitor/download/tabel-39.csv`);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain('totaal;Tewerkstelling en arbeidsmatige participatie');
    const xlsx = await page.request.get(
      `${e2e.url}/monitor/download/monitor.xlsx?jaar=2019&regio=west-vlaanderen`,
    );
    expect(xlsx.headers()['content-type']).toContain('spreadsheetml');

    // Flanders 2018 through the filter form.
    await page.getByLabel('Jaar', { exact: true }).selectOption('2018');
    await page.getByLabel('Gebied', { exact: true }).selectOption('vlaanderen');
    await page.getByRole('button', { name: 'Toon' }).click();
    await expect.poll(textOf(page, '#tegel-totaal .value')).toBe('279.438');
    await e2e.screenshot(page, 'monitor');
  });
});
