/**
 * The first hour of a new user, as the README promises it: `npm start` on an empty data folder
 * prints the administrator's one-time password; in Chromium the administrator signs in, chooses a
 * password, calculates a measure in Regelgeving, reads the ladder dashboard, registers an
 * organisation and takes a dossier for it from application to closure.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatKbo } from '../../src/domain/index.ts';
import { accessibilityProblems, launchChromium, newPage, screenshot, textOf } from '../support/browser.ts';
import { kboFor } from '../support/factories.ts';
import { type ServerProcess, startServerProcess } from '../support/process.ts';

describe('a new user after npm start', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'trede-journey-'));
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    server = await startServerProcess({ TREDE_DATA_DIR: dataDir, TREDE_ADMIN_PASSWORD: '' });
    browser = await launchChromium();
    page = await newPage(browser);
  });
  afterAll(async () => {
    await browser?.close();
    server?.child.kill('SIGTERM');
    await server?.exited.catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('signs in with the printed one-time password and must choose a new one', async () => {
    const oneTime = /eenmalig wachtwoord: (\S+)/.exec(server.output())?.[1];
    // Printed once, long enough for the password rule (at least 12 characters).
    expect(oneTime).toMatch(/^\S{12,}$/);
    // The front door is the public start page; sign-in is beside it (issue 17).
    await page.goto(server.url);
    await page.locator('main').getByRole('link', { name: 'Aanmelden' }).click();
    await expect.poll(() => page.url()).toContain('/aanmelden');
    await page.getByLabel('Gebruikersnaam').fill('admin');
    await page.getByLabel('Wachtwoord').fill(oneTime!);
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await expect.poll(textOf(page, 'h1')).toBe('Wachtwoord wijzigen');
    await page.getByLabel('Huidig wachtwoord').fill(oneTime!);
    await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill('mijn-eigen-wachtwoord');
    await page.getByLabel('Herhaal het nieuwe wachtwoord').fill('mijn-eigen-wachtwoord');
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await expect.poll(textOf(page, '.flash')).toContain('Uw wachtwoord is gewijzigd');
  });

  it('browses the rules catalogue and calculates a measure', async () => {
    await page
      .getByRole('navigation', { name: 'Hoofdnavigatie' })
      .getByRole('link', { name: 'Regelgeving' })
      .click();
    await expect.poll(textOf(page, 'h1')).toBe('Regelgeving');
    await page.getByRole('link', { name: 'Aanwervingsincentive voor langdurig werkzoekenden' }).click();
    await page.getByRole('link', { name: 'Bereken wat deze maatregel geeft' }).click();
    await page.getByLabel('Datum').fill('2018-03-01');
    await page.getByLabel('Leeftijd bij aanwerving').fill('40');
    await page.getByLabel('Duur als werkzoekende vóór de aanwerving').fill('26');
    await page.getByLabel('Maanden tewerkstelling tot nu').fill('3');
    await page.getByRole('button', { name: 'Berekenen' }).click();
    // 1.250 euro after three months (BVR 17 februari 2017).
    await expect.poll(textOf(page, '.amount-headline strong')).toBe('€\u00a01.250,00 in totaal');
  });

  it('registers an organisation', async () => {
    await page
      .getByRole('navigation', { name: 'Hoofdnavigatie' })
      .getByRole('link', { name: 'Register' })
      .click();
    await page.getByRole('link', { name: 'Nieuwe organisatie' }).click();
    await page.getByLabel('KBO-nummer').fill(kboFor(34_022));
    await page.getByLabel('Naam', { exact: true }).fill('De Vlaspit maatwerk');
    await page.getByLabel('Type').selectOption('maatwerkbedrijf');
    await page.getByLabel('NIS-code').fill('34022');
    await page.getByRole('button', { name: 'Organisatie registreren' }).click();
    await expect.poll(textOf(page, 'h1')).toBe('De Vlaspit maatwerk');
    await screenshot(page, 'eerste-organisatie');
  });

  it('reads the participation ladder on the monitor dashboard', async () => {
    await page
      .getByRole('navigation', { name: 'Hoofdnavigatie' })
      .getByRole('link', { name: 'Monitor' })
      .click();
    await expect.poll(textOf(page, 'h1')).toBe('Monitor');
    // 2019, West-Vlaanderen: 63.552 places computed from the leaves of Tabel 39 (seeds/004).
    await page.goto(`${server.url}/monitor?jaar=2019&regio=west-vlaanderen`);
    expect(await page.locator('main').textContent()).toContain('63.552');
    await screenshot(page, 'monitor');
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it('takes a dossier for the new organisation from application to closure', async () => {
    await page
      .getByRole('navigation', { name: 'Hoofdnavigatie' })
      .getByRole('link', { name: 'Dossiers' })
      .click();
    await page.getByRole('link', { name: 'Nieuw dossier' }).click();
    await page.getByLabel('Maatregel').selectOption('aanwervingsincentive');
    await page.getByRole('button', { name: 'Verder' }).click();
    await page
      .getByLabel('Organisatie')
      .selectOption({ label: `De Vlaspit maatwerk (${formatKbo(kboFor(34_022))})` });
    await page.getByLabel('Datum waarop de regels gelden').fill('2018-03-01');
    await page.locator('input[name="facts.leeftijd"]').fill('40');
    await page.locator('input[name="facts.maanden_werkzoekend"]').fill('26');
    await page.locator('input[name="facts.maanden_in_dienst"]').fill('3');
    await page.getByRole('button', { name: 'Aanvraag indienen' }).click();
    await expect.poll(textOf(page, '.dossier-state')).toBe('Ontvangen');

    await page.getByRole('button', { name: 'Ontvankelijk verklaren', exact: true }).click();
    await expect.poll(textOf(page, '.dossier-state')).toBe('Ontvankelijk');
    const grant = page.getByRole('form', { name: 'Toekennen' });
    await grant.getByLabel('Reden').fill('Langdurig werkzoekend, drie maanden in dienst');
    await grant.getByRole('button', { name: 'Toekennen' }).click();
    await expect.poll(textOf(page, '.dossier-state')).toBe('Beslist (toegekend)');
    // The first instalment after three months: 1.250 euro, typed the Belgian way.
    const pay = page.getByRole('form', { name: 'Betaling registreren' });
    await pay.getByLabel('Bedrag in euro').fill('1.250,00');
    await pay.getByRole('button', { name: 'Betaling registreren' }).click();
    await expect.poll(textOf(page, '.dossier-state')).toBe('Betaald (toegekend)');
    await page.getByRole('form', { name: 'Afsluiten' }).getByRole('button', { name: 'Afsluiten' }).click();
    await expect.poll(textOf(page, '.dossier-state')).toMatch(/^Afgesloten/);
    const timeline = (await page.locator('ol.timeline').textContent()) ?? '';
    expect(timeline).toContain('€\u00a01.250,00');
    await screenshot(page, 'dossier-afgesloten');
    expect(await accessibilityProblems(page)).toEqual([]);
  });
});
