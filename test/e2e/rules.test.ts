import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityProblems, type E2e, startE2e, textOf } from '../support/browser.ts';

describe('the Regelgeving explorer in Chromium', () => {
  let e2e: E2e;
  beforeAll(async () => {
    e2e = await startE2e();
  });
  afterAll(() => e2e?.close());

  it('lets anyone find a measure, read its source lines and calculate what it gives', async () => {
    const page = await e2e.newPage();
    await page.goto(`${e2e.url}/regelgeving`);
    await expect.poll(textOf(page, 'h1')).toBe('Regelgeving');
    await page.getByLabel('Zoek op naam, afkorting of uitvoerder').fill('aanwervingsincentive');
    await page.getByRole('button', { name: 'Filteren' }).click();
    await expect.poll(textOf(page, '[role=status]')).toMatch(/^1 van \d+ maatregelen$/);
    await e2e.screenshot(page, 'regelgeving');
    expect(await accessibilityProblems(page)).toEqual([]);

    await page.getByRole('link', { name: 'Aanwervingsincentive voor langdurig werkzoekenden' }).click();
    await expect.poll(textOf(page, 'h1')).toBe('Aanwervingsincentive voor langdurig werkzoekenden');
    // A parameter's source folds open to the cited text of the decree.
    const source = page
      .locator('section[aria-labelledby=parameters] details.source', { hasText: 'L3875-3877' })
      .first();
    await source.locator('summary').click();
    expect(await source.locator('blockquote').textContent()).toContain('55-jarigen');
    await e2e.screenshot(page, 'maatregel');
    expect(await accessibilityProblems(page)).toEqual([]);

    await page.getByRole('link', { name: 'Bereken wat deze maatregel geeft' }).click();
    await page.getByLabel('Datum').fill('2020-01-01');
    await page.getByLabel('Leeftijd bij aanwerving').fill('55');
    await page.getByLabel('Duur als werkzoekende vóór de aanwerving').fill('30');
    await page.getByLabel('Maanden tewerkstelling tot nu').fill('12');
    await page.getByRole('button', { name: 'Berekenen' }).click();
    await expect.poll(textOf(page, '.amount-headline strong')).toBe('€\u00a04.250,00 in totaal');
    expect(await page.getByRole('table', { name: 'Berekening stap voor stap' }).isVisible()).toBe(true);
    await e2e.screenshot(page, 'berekening');
    expect(await accessibilityProblems(page)).toEqual([]);
  });
});
