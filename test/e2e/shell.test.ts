import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityProblems, type E2e, signIn, startE2e, textOf } from '../support/browser.ts';
import { kboFor, makeUser } from '../support/factories.ts';

describe('the web application shell in Chromium', () => {
  let e2e: E2e;
  beforeAll(async () => {
    e2e = await startE2e();
  });
  afterAll(() => e2e?.close());

  it('signs an administrator in, registers an organisation and shows it in the sortable list', async () => {
    const admin = await makeUser(e2e.db, ['beheerder'], [], 'e2e-beheerder');
    const page = await e2e.newPage();
    // The front door is the public start page, with sign-in beside it (issue 17).
    await page.goto(e2e.url);
    await expect.poll(textOf(page, 'h1')).toBe('Trede: werk en sociale economie in Vlaanderen');
    await page.locator('main').getByRole('link', { name: 'Aanmelden' }).click();
    await expect.poll(() => page.url()).toContain('/aanmelden');
    await signIn(page, e2e.url, admin.username, admin.password);
    await expect.poll(textOf(page, 'h1')).toMatch(/^Welkom/);

    await page
      .getByRole('navigation', { name: 'Hoofdnavigatie' })
      .getByRole('link', { name: 'Register' })
      .click();
    await page.getByRole('link', { name: 'Nieuwe organisatie' }).click();
    // A wrong check digit is refused next to the field.
    await page.getByLabel('KBO-nummer').fill('0123.456.748');
    await page.getByLabel('Naam', { exact: true }).fill('Maatwerk Westhoek');
    await page.getByLabel('Type').selectOption('maatwerkbedrijf');
    await page.getByRole('button', { name: 'Organisatie registreren' }).click();
    await expect.poll(textOf(page, '.error-summary')).toContain('controlegetal');
    expect(await page.getByLabel('KBO-nummer').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('KBO-nummer').fill(kboFor(31_005));
    await page.getByRole('button', { name: 'Organisatie registreren' }).click();
    await expect.poll(textOf(page, 'h1')).toBe('Maatwerk Westhoek');
    expect(await textOf(page, '.flash')()).toContain('is geregistreerd');
    await e2e.screenshot(page, 'organisatie');
    expect(await accessibilityProblems(page)).toEqual([]);

    await page.goto(`${e2e.url}/register/organisaties`);
    expect(await page.getByRole('cell', { name: 'Maatwerk Westhoek' }).isVisible()).toBe(true);
    // The KBO column header sorts on the server and says so to assistive technology.
    await page.getByRole('link', { name: /KBO-nummer/ }).click();
    expect(await page.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('ascending');
    expect(await accessibilityProblems(page)).toEqual([]);
  });
});
