import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2e, signIn, startE2e, textOf } from '../support/browser.ts';
import { makeOrganisation, makeUser } from '../support/factories.ts';

describe('dossiers in Chromium', () => {
  let e2e: E2e;
  beforeAll(async () => {
    e2e = await startE2e();
  });
  afterAll(() => e2e?.close());

  it('lets a dossierbehandelaar create a dossier and grant it', async () => {
    const org = await makeOrganisation(e2e.db, { name: 'Maatwerk Kempen' });
    const user = await makeUser(e2e.db, ['dossierbehandelaar'], [], 'e2e-behandelaar');
    const page = await e2e.newPage();
    await signIn(page, e2e.url, user.username, user.password);

    await page
      .getByRole('navigation', { name: 'Hoofdnavigatie' })
      .getByRole('link', { name: 'Dossiers' })
      .click();
    await expect.poll(textOf(page, 'h1')).toBe('Dossiers');
    await page.getByRole('link', { name: 'Nieuw dossier' }).click();
    await page.getByLabel('Maatregel').selectOption('aanwervingsincentive');
    await page.getByRole('button', { name: 'Verder' }).click();

    await page.getByLabel('Organisatie').selectOption(org.id);
    await page.getByLabel('Datum waarop de regels gelden').fill('2018-03-01');
    // A missing fact is refused next to its field.
    await page.getByRole('button', { name: 'Aanvraag indienen' }).click();
    await expect.poll(textOf(page, '.error-summary')).toContain('ontbreekt');

    // The facts of the measure (src/rules/measures/aanwervingsincentive, first scenario of tests.yaml).
    await page.locator('input[name="facts.leeftijd"]').fill('40');
    await page.locator('input[name="facts.maanden_werkzoekend"]').fill('26');
    await page.locator('input[name="facts.maanden_in_dienst"]').fill('12');
    await page.getByRole('button', { name: 'Aanvraag indienen' }).click();
    await expect.poll(textOf(page, 'h1')).toMatch(/^Dossier DOS-\d{4}-\d{6}$/);
    expect(await textOf(page, '.flash')()).toContain('is ontvangen');
    expect(await textOf(page, '.dossier-state')()).toBe('Ontvangen');
    // Eligibility from the rules engine: 1.250 + 3.000 euro.
    expect(await page.locator('.details').first().textContent()).toContain('€\u00a04.250,00');

    await page.getByRole('button', { name: 'Aan mij toewijzen' }).click();
    await expect.poll(textOf(page, '.flash')).toContain('Ontvangen');
    await page.getByRole('button', { name: 'Ontvankelijk verklaren', exact: true }).click();
    await expect.poll(textOf(page, '.dossier-state')).toBe('Ontvankelijk');

    // Refusing asks for confirmation first; dismissing it keeps the dossier as it is.
    page.once('dialog', (d) => {
      expect(d.message()).toContain('Weigeren');
      void d.dismiss();
    });
    await page.getByRole('button', { name: 'Weigeren', exact: true }).click();
    expect(await textOf(page, '.dossier-state')()).toBe('Ontvankelijk');

    const grant = page.getByRole('form', { name: 'Toekennen' });
    await grant.getByLabel('Reden').fill('Doelgroep en tewerkstelling aangetoond');
    await grant.getByRole('button', { name: 'Toekennen' }).click();
    await expect.poll(textOf(page, '.dossier-state')).toBe('Beslist (toegekend)');
    expect(await textOf(page, '.flash')()).toContain('Beslist (toegekend)');
    const timeline = (await page.locator('ol.timeline').textContent()) ?? '';
    expect(timeline).toContain('Aanvraag ontvangen');
    expect(timeline).toContain('Ontvankelijk verklaren');
    expect(timeline).toContain('Doelgroep en tewerkstelling aangetoond');
    // The next step after a grant is a payment.
    expect(await page.getByRole('form', { name: 'Betaling registreren' }).isVisible()).toBe(true);
    await e2e.screenshot(page, 'dossier-toegekend');

    // The work queue shows it as assigned to me.
    await page.goto(`${e2e.url}/dossiers/werkvoorraad`);
    expect(await page.getByRole('link', { name: /^DOS-/ }).count()).toBe(1);

    // The lead-time page: the grant came the same day, within the 1,5-day norm of the measure.
    await page
      .getByRole('navigation', { name: 'Dossiers' })
      .getByRole('link', { name: 'Doorlooptijden' })
      .click();
    await expect.poll(textOf(page, 'h1')).toMatch(/^Doorlooptijden \d{4}$/);
    const row = page.getByRole('row', { name: /1,5 dag/ });
    expect(await row.textContent()).toContain('100,00\u00a0%');
    expect(await row.textContent()).toContain('Op streefdoel');
    await e2e.screenshot(page, 'doorlooptijden');
  });
});
