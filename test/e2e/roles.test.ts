/**
 * One coherent Dutch interface per role, in Chromium: each role signs in, finds its work on the
 * start page and completes its main task there, through the pages of the modules (dossiers,
 * monitor, registry), with an accessibility check on each role's main page.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execute } from '../../src/commands/index.ts';
import { applyForMeasure } from '../../src/dossiers/index.ts';
import { accessibilityProblems, type E2e, signIn, startE2e, textOf } from '../support/browser.ts';
import { admin, kboFor, makeOrganisation, makeUser } from '../support/factories.ts';
import { loginClient } from '../support/http.ts';

/** The first scenario of src/rules/measures/aanwervingsincentive/tests.yaml: € 1.250 + € 3.000. */
const INCENTIVE_FACTS = { leeftijd: 40, maanden_werkzoekend: 26, maanden_in_dienst: 12 };

/** A valid INSZ for someone born in 1985 (check digit 97 − number mod 97). */
function inszFor(n: number): string {
  const base = `850101${String(n % 1000).padStart(3, '0')}`;
  return `${base}${String(97 - (Number(base) % 97)).padStart(2, '0')}`;
}

function nav(page: Page) {
  return page.getByRole('navigation', { name: 'Hoofdnavigatie' });
}

/** The visible text of the main content (not the header or footer). */
async function mainText(page: Page): Promise<string> {
  return (await page.locator('main').innerText()).replace(/\s+/g, ' ');
}

describe('one interface per role in Chromium', () => {
  let e2e: E2e;
  beforeAll(async () => {
    e2e = await startE2e();
  });
  afterAll(() => e2e?.close());

  it('beheerder: creates a user with a role in Beheer and finds the event in the audit log', async () => {
    const org = await makeOrganisation(e2e.db, { name: 'Beschutte Werkplaats Oost', kbo: kboFor(41_001) });
    const me = await makeUser(e2e.db, ['beheerder'], [], 'rol-beheerder');
    const page = await e2e.newPage();
    await signIn(page, e2e.url, me.username, me.password);
    await expect.poll(textOf(page, 'h1')).toBe(`Welkom, ${me.displayName}`);
    // The start page leads to Beheer and straight to the audit log.
    const cards = page.locator('ul.cards');
    expect(await cards.getByRole('link', { name: 'Beheer' }).isVisible()).toBe(true);
    expect(await cards.getByRole('link', { name: 'Auditlogboek' }).isVisible()).toBe(true);
    expect(await accessibilityProblems(page)).toEqual([]);

    await cards.getByRole('link', { name: 'Beheer' }).click();
    await expect.poll(textOf(page, 'h1')).toBe('Beheer');
    await page.getByRole('link', { name: 'Gebruikers en rollen' }).click();
    await page.getByRole('link', { name: 'Nieuwe gebruiker' }).click();
    await page.getByLabel('Gebruikersnaam').fill('werkgever.oost');
    await page.getByLabel('Naam', { exact: true }).fill('An Werkgever');
    await page.getByLabel('Werkgever / organisatie').check();
    await page.getByLabel('KBO-nummers van de organisaties').fill(kboFor(41_001));
    await page.getByRole('button', { name: 'Gebruiker aanmaken' }).click();
    await expect.poll(textOf(page, 'h1')).toBe('An Werkgever');
    expect(await textOf(page, '.flash')()).toContain("Gebruiker 'werkgever.oost' aangemaakt");
    expect(await page.getByLabel('Werkgever / organisatie').isChecked()).toBe(true);
    expect(await page.getByLabel('Beheerder').isChecked()).toBe(false);
    await e2e.screenshot(page, 'rol-beheerder-gebruiker');
    expect(await accessibilityProblems(page)).toEqual([]);

    // The audit log, filtered on this user, shows who created it with which role.
    await page.getByRole('link', { name: 'Audit van deze gebruiker' }).click();
    await expect.poll(textOf(page, 'h1')).toBe('Auditlogboek');
    const row = page.locator('table.data tbody tr', { hasText: 'users/create' });
    expect(await row.count()).toBe(1);
    const text = (await row.innerText()).replace(/\s+/g, ' ');
    expect(text).toContain(`${me.username} (web)`);
    expect(text).toContain('werkgever.oost');
    expect(text).toContain('werkgever');
    expect(text).toContain(org.id);
    await e2e.screenshot(page, 'rol-beheerder-audit');
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it('dossierbehandelaar: sees an empty work queue on the start page', async () => {
    const me = await makeUser(e2e.db, ['dossierbehandelaar'], [], 'rol-leeg');
    const page = await e2e.newPage();
    await signIn(page, e2e.url, me.username, me.password);
    await expect.poll(textOf(page, '#werkvoorraad')).toBe('Mijn werkvoorraad');
    const text = await mainText(page);
    expect(text).toContain('Aan mij toegewezen (0)');
    expect(text).toContain('Er zijn geen open dossiers aan u toegewezen.');
  });

  it('dossierbehandelaar: opens the work queue, creates a dossier and decides it, with the timeline', async () => {
    const org = await makeOrganisation(e2e.db, { name: 'Maatwerk Leie', kbo: kboFor(41_002) });
    const me = await makeUser(e2e.db, ['dossierbehandelaar'], [], 'rol-behandelaar');
    // Someone else's application waits in the queue already.
    const waiting = await execute(e2e.db, applyForMeasure, admin, {
      measureId: 'aanwervingsincentive',
      organisationId: org.id,
      facts: INCENTIVE_FACTS,
      date: '2018-03-01',
    });
    const page = await e2e.newPage();
    await signIn(page, e2e.url, me.username, me.password);
    const unassigned = page.getByRole('table', { name: 'Open dossiers zonder behandelaar, oudste eerst' });
    expect(await unassigned.getByRole('link', { name: waiting.reference }).isVisible()).toBe(true);
    expect(await unassigned.innerText()).toContain('Maatwerk Leie');
    expect(await unassigned.innerText()).toContain('Ontvangen');
    await e2e.screenshot(page, 'rol-behandelaar-start');
    expect(await accessibilityProblems(page)).toEqual([]);

    await page.getByRole('link', { name: 'Naar de volledige werkvoorraad' }).click();
    await expect.poll(textOf(page, 'h1')).toBe('Mijn werkvoorraad');
    expect(await page.getByRole('link', { name: waiting.reference }).count()).toBe(1);

    // A new (paper) dossier for the organisation.
    await nav(page).getByRole('link', { name: 'Dossiers' }).click();
    await page.getByRole('link', { name: 'Nieuw dossier' }).click();
    await page.getByLabel('Maatregel').selectOption('aanwervingsincentive');
    await page.getByRole('button', { name: 'Verder' }).click();
    await page.getByLabel('Organisatie').selectOption(org.id);
    await page.getByLabel('Kanaal').selectOption('papier');
    await page.getByLabel('Datum waarop de regels gelden').fill('2018-03-01');
    await page.locator('input[name="facts.leeftijd"]').fill('40');
    await page.locator('input[name="facts.maanden_werkzoekend"]').fill('26');
    await page.locator('input[name="facts.maanden_in_dienst"]').fill('12');
    await page.getByRole('button', { name: 'Aanvraag indienen' }).click();
    await expect.poll(textOf(page, 'h1')).toMatch(/^Dossier DOS-\d{4}-\d{6}$/);
    const reference = (await textOf(page, 'h1')()).replace('Dossier ', '');
    expect(await textOf(page, '.dossier-state')()).toBe('Ontvangen');
    // 1.250 + 3.000 euro from the rules engine.
    expect(await page.locator('.details').first().textContent()).toContain('€\u00a04.250,00');

    await page.getByRole('button', { name: 'Aan mij toewijzen' }).click();
    await expect.poll(textOf(page, '.flash')).toContain('Ontvangen');
    await page.getByRole('button', { name: 'Ontvankelijk verklaren', exact: true }).click();
    await expect.poll(textOf(page, '.dossier-state')).toBe('Ontvankelijk');
    const grant = page.getByRole('form', { name: 'Toekennen' });
    await grant.getByLabel('Reden').fill('Aanwerving na 26 maanden werkloosheid aangetoond');
    await grant.getByRole('button', { name: 'Toekennen' }).click();
    await expect.poll(textOf(page, '.dossier-state')).toBe('Beslist (toegekend)');
    const timeline = (await page.locator('ol.timeline').innerText()).replace(/\s+/g, ' ');
    expect(timeline).toContain('Aanvraag ontvangen');
    expect(timeline).toContain('Ontvankelijk verklaren');
    expect(timeline).toContain('Aanwerving na 26 maanden werkloosheid aangetoond');
    await e2e.screenshot(page, 'rol-behandelaar-beslist');
    // Printed, the dossier keeps its state and timeline and drops the forms that change it.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('ol.timeline').isVisible()).toBe(true);
    expect(await page.locator('.dossier-state').isVisible()).toBe(true);
    expect(await page.getByRole('form', { name: 'Betaling registreren' }).isVisible()).toBe(false);
    for (const control of await page.locator('main button, main textarea, main select').all()) {
      expect(await control.isVisible()).toBe(false);
    }
    await page.emulateMedia({ media: 'screen' });
    expect(await accessibilityProblems(page)).toEqual([]);

    // Back on the start page: a granted dossier stays open work (the payment follows), now mine;
    // the other one still waits unassigned.
    await page.goto(e2e.url);
    const start = await mainText(page);
    expect(start).toContain('Aan mij toegewezen (1)');
    expect(start).toContain('Niet toegewezen (1)');
    const mine = page.getByRole('table', { name: 'Open dossiers aan mij toegewezen, oudste eerst' });
    const row = (await mine.locator('tbody tr').innerText()).replace(/\s+/g, ' ');
    expect(row).toContain(reference);
    expect(row).toContain('Beslist');
    expect(await unassigned.innerText()).not.toContain(reference);
  });

  it('werkgever: sees only its own organisation and cannot open another one', async () => {
    const own = await makeOrganisation(e2e.db, { name: 'Kringwinkel Zuid', kbo: kboFor(41_003) });
    const other = await makeOrganisation(e2e.db, { name: 'Concurrent Noord', kbo: kboFor(41_004) });
    const me = await makeUser(e2e.db, ['werkgever'], [own.id], 'rol-werkgever');
    const page = await e2e.newPage();
    await signIn(page, e2e.url, me.username, me.password);
    await expect.poll(textOf(page, '#mijn-organisatie')).toBe('Mijn organisatie');
    const mine = page.getByRole('table', { name: 'Mijn organisaties' });
    expect(await mine.locator('tbody tr').count()).toBe(1);
    expect(await mine.innerText()).toContain('Kringwinkel Zuid');
    expect(await mainText(page)).not.toContain('Concurrent Noord');
    // No dossiers yet: said in Dutch.
    expect(await mainText(page)).toContain('Uw organisatie heeft nog geen dossiers.');
    // Internal modules are not offered.
    expect(await nav(page).getByRole('link', { name: 'Beheer' }).count()).toBe(0);
    expect(await page.locator('ul.cards').getByRole('link', { name: 'Register' }).count()).toBe(0);
    await e2e.screenshot(page, 'rol-werkgever-start');
    expect(await accessibilityProblems(page)).toEqual([]);

    await mine.getByRole('link', { name: 'Kringwinkel Zuid' }).click();
    await expect.poll(textOf(page, 'h1')).toBe('Kringwinkel Zuid');
    const res = await page.goto(`${e2e.url}/register/organisaties/${other.id}`);
    expect(res?.status()).toBe(404);
    expect(await textOf(page, 'h1')()).toBe('Niet gevonden');
    expect(await mainText(page)).not.toContain('Concurrent Noord');
  });

  it('werkgever: applies for a measure and sees the dossier on the start page', async () => {
    const own = await makeOrganisation(e2e.db, { name: 'Sociale Werkplaats Kust', kbo: kboFor(41_005) });
    const other = await makeOrganisation(e2e.db, { name: 'Andere Werkplaats', kbo: kboFor(41_006) });
    await execute(e2e.db, applyForMeasure, admin, {
      measureId: 'aanwervingsincentive',
      organisationId: other.id,
      facts: INCENTIVE_FACTS,
      date: '2018-03-01',
    });
    const me = await makeUser(e2e.db, ['werkgever'], [own.id], 'rol-werkgever-aanvraag');
    const page = await e2e.newPage();
    await signIn(page, e2e.url, me.username, me.password);
    // Straight from the start page to a new application.
    await page.getByRole('link', { name: 'Een maatregel aanvragen' }).click();
    await page.getByLabel('Maatregel').selectOption('aanwervingsincentive');
    await page.getByRole('button', { name: 'Verder' }).click();
    // Only its own organisation can be chosen.
    const options = await page.getByLabel('Organisatie').locator('option').allInnerTexts();
    expect(options.filter((o) => !o.startsWith('—'))).toEqual([
      `Sociale Werkplaats Kust (${own.kboFormatted})`,
    ]);
    await page.getByLabel('Organisatie').selectOption(own.id);
    await page.getByLabel('Datum waarop de regels gelden').fill('2018-03-01');
    await page.locator('input[name="facts.leeftijd"]').fill('40');
    await page.locator('input[name="facts.maanden_werkzoekend"]').fill('26');
    await page.locator('input[name="facts.maanden_in_dienst"]').fill('12');
    await page.getByRole('button', { name: 'Aanvraag indienen' }).click();
    await expect.poll(textOf(page, 'h1')).toMatch(/^Dossier DOS-\d{4}-\d{6}$/);
    const reference = (await textOf(page, 'h1')()).replace('Dossier ', '');
    expect(await textOf(page, '.dossier-state')()).toBe('Ontvangen');
    // An employer cannot handle its own dossier.
    expect(await page.getByRole('button', { name: 'Ontvankelijk verklaren' }).count()).toBe(0);

    await page.goto(e2e.url);
    const table = page.getByRole('table', {
      name: 'Dossiers van mijn organisaties, laatst gewijzigd eerst',
    });
    expect(await table.locator('tbody tr').count()).toBe(1);
    const row = (await table.locator('tbody tr').innerText()).replace(/\s+/g, ' ');
    expect(row).toContain(reference);
    expect(row).toContain('Sociale Werkplaats Kust');
    expect(row).toContain('Ontvangen');
    expect(await mainText(page)).not.toContain('Andere Werkplaats');
    await e2e.screenshot(page, 'rol-werkgever-dossier');
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it('analist: reads the monitor headline on the start page, 63.552 places in West-Vlaanderen in 2019', async () => {
    const me = await makeUser(e2e.db, ['analist'], [], 'rol-analist-start');
    const page = await e2e.newPage();
    await signIn(page, e2e.url, me.username, me.password);
    // Tabel 39, West-Vlaanderen 2019: 51.901 + 10.198 + 1.453 = 63.552 places on rungs 5, 4, 3.
    await expect
      .poll(textOf(page, '#monitor-totaal'))
      .toBe('63.552 plaatsen op de participatieladder (treden 3, 4 en 5) in West-Vlaanderen in 2019.');
    expect(await page.getByRole('link', { name: 'Naar het monitordashboard' }).getAttribute('href')).toBe(
      '/monitor',
    );
    // No dossiers or administration for an analyst.
    expect(await page.locator('#werkvoorraad, #recente-dossiers, #mijn-dossiers').count()).toBe(0);
    expect(await nav(page).getByRole('link', { name: 'Beheer' }).count()).toBe(0);
    await e2e.screenshot(page, 'rol-analist-start');
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it('analist: opens the monitor dashboard and reads the 2019 ladder total', async () => {
    const me = await makeUser(e2e.db, ['analist'], [], 'rol-analist');
    const page = await e2e.newPage();
    await signIn(page, e2e.url, me.username, me.password);
    await page.getByRole('link', { name: 'Naar het monitordashboard' }).click();
    await expect.poll(textOf(page, 'h1')).toBe('Monitor');
    expect(await textOf(page, '#tegel-totaal .value')()).toBe('63.552');
    // The table is folded under its chart (issue 17): open it.
    await page.locator('#ladder summary').first().click();
    const totalRow = page.locator('#tabel-ladder tr', { hasText: 'Totaal treden 3 + 4 + 5' });
    expect(await totalRow.locator('td').last().innerText()).toBe('63.552');
    await e2e.screenshot(page, 'rol-analist-monitor');
    // Printed: the chart and its table, without navigation, filters or download links.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#grafiek-ladder svg').isVisible()).toBe(true);
    expect(await page.locator('#tabel-ladder').isVisible()).toBe(true);
    expect(await nav(page).isVisible()).toBe(false);
    expect(await page.locator('main .filters').first().isVisible()).toBe(false);
    expect(await page.locator('main .downloads').first().isVisible()).toBe(false);
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it('analist: sees a pseudonym, never an INSZ, on the person pages', async () => {
    const beheerder = await makeUser(e2e.db, ['beheerder'], [], 'rol-beheerder-personen');
    const api = await loginClient(e2e.url, beheerder.username);
    const insz = inszFor(417);
    const created = await api.post('/api/v1/persons', { insz, firstName: 'Verborgen', lastName: 'Naam' });
    expect(created.status).toBe(201);
    const me = await makeUser(e2e.db, ['analist'], [], 'rol-analist-personen');
    const page = await e2e.newPage();
    await signIn(page, e2e.url, me.username, me.password);
    const formatted = `${insz.slice(0, 2)}.${insz.slice(2, 4)}.${insz.slice(4, 6)}-${insz.slice(6, 9)}.${insz.slice(9)}`;
    for (const path of ['/', '/register/personen']) {
      await page.goto(e2e.url + path);
      const html = await page.content();
      expect(html).not.toContain(insz);
      expect(html).not.toContain(formatted);
      expect(html).not.toContain('Verborgen');
    }
    expect(await mainText(page)).toContain('Pseudoniem');
    await e2e.screenshot(page, 'rol-analist-personen');
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it('inspecteur: sees recent dossiers on the start page and reads one without buttons to change it', async () => {
    const org = await makeOrganisation(e2e.db, { name: 'Maatwerk Inspectie', kbo: kboFor(41_007) });
    const dossier = await execute(e2e.db, applyForMeasure, admin, {
      measureId: 'aanwervingsincentive',
      organisationId: org.id,
      facts: INCENTIVE_FACTS,
      date: '2018-03-01',
    });
    const me = await makeUser(e2e.db, ['inspecteur'], [], 'rol-inspecteur');
    const page = await e2e.newPage();
    await signIn(page, e2e.url, me.username, me.password);
    await expect.poll(textOf(page, '#recente-dossiers')).toBe('Recente dossiers');
    const table = page.getByRole('table', { name: 'Laatst gewijzigde dossiers' });
    const row = table.locator('tbody tr', { hasText: dossier.reference });
    expect((await row.innerText()).replace(/\s+/g, ' ')).toContain('Maatwerk Inspectie');
    // Reading is not handling: no work queue.
    expect(await page.locator('#werkvoorraad').count()).toBe(0);
    await e2e.screenshot(page, 'rol-inspecteur-start');
    expect(await accessibilityProblems(page)).toEqual([]);

    await row.getByRole('link', { name: dossier.reference }).click();
    await expect.poll(textOf(page, 'h1')).toBe(`Dossier ${dossier.reference}`);
    expect(await textOf(page, '.dossier-state')()).toBe('Ontvangen');
    expect(await page.locator('ol.timeline').innerText()).toContain('Aanvraag ontvangen');
    // Nothing on the page changes the dossier: no post forms, no buttons in main.
    expect(await page.locator('main form[method="post"]').count()).toBe(0);
    expect(await page.locator('main button').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Nieuw dossier' }).count()).toBe(0);
    await page.goto(e2e.url);
    expect(await page.getByRole('link', { name: 'Een maatregel aanvragen' }).count()).toBe(0);
    await e2e.screenshot(page, 'rol-inspecteur-dossier');
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it('tablet (768×1024): the navigation and a table are usable without scrolling sideways', async () => {
    for (let i = 0; i < 3; i += 1) {
      await makeOrganisation(e2e.db, { name: `Tabletorganisatie ${i + 1}`, kbo: kboFor(41_100 + i) });
    }
    const me = await makeUser(e2e.db, ['dossierbehandelaar'], [], 'rol-tablet');
    const context = await e2e.browser.newContext({ locale: 'nl-BE', viewport: { width: 768, height: 1024 } });
    const page = await context.newPage();
    await signIn(page, e2e.url, me.username, me.password);
    await expect.poll(textOf(page, 'h1')).toMatch(/^Welkom/);
    const noSideways = () =>
      page.evaluate('document.documentElement.scrollWidth <= window.innerWidth') as Promise<boolean>;

    // Every navigation item is on screen and wide and tall enough to tap.
    const links = nav(page).getByRole('link');
    expect(await links.count()).toBeGreaterThan(1);
    for (const link of await links.all()) {
      expect(await link.isVisible()).toBe(true);
      const box = await link.boundingBox();
      expect(box).not.toBeNull();
      if (!box) continue;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(768);
      expect(box.height).toBeGreaterThanOrEqual(24);
    }
    expect(await noSideways()).toBe(true);

    await nav(page).getByRole('link', { name: 'Register' }).click();
    await expect.poll(textOf(page, 'h1')).toBe('Organisaties');
    const table = page.locator('table.data');
    expect(await table.isVisible()).toBe(true);
    expect(await table.locator('tbody tr', { hasText: 'Tabletorganisatie' }).count()).toBe(3);
    // The table stays inside its scroll container; the page itself does not scroll sideways.
    expect(await noSideways()).toBe(true);
    // A header still sorts with a tap.
    await page.getByRole('link', { name: /^Naam/ }).click();
    const sorted = page.locator('th[aria-sort]');
    expect(await sorted.textContent()).toContain('Naam');
    expect(await sorted.getAttribute('aria-sort')).toMatch(/^(ascending|descending)$/);
    await page.getByRole('cell', { name: 'Tabletorganisatie 2' }).getByRole('link').click();
    await expect.poll(textOf(page, 'h1')).toBe('Tabletorganisatie 2');
    await e2e.screenshot(page, 'rol-tablet');
    expect(await accessibilityProblems(page)).toEqual([]);
    await context.close();
  });

  it('print: navigation, filters and buttons are hidden, the table is shown', async () => {
    const me = await makeUser(e2e.db, ['beheerder'], [], 'rol-print');
    const page = await e2e.newPage();
    await signIn(page, e2e.url, me.username, me.password);
    await page.goto(`${e2e.url}/register/organisaties`);
    await page.emulateMedia({ media: 'print' });
    expect(await nav(page).isVisible()).toBe(false);
    expect(await page.locator('.page-actions').isVisible()).toBe(false);
    expect(await page.locator('footer').isVisible()).toBe(false);
    // The registry's own sub-navigation too.
    expect(await page.locator('main nav').count()).toBeGreaterThan(0);
    for (const subnav of await page.locator('main nav').all()) {
      expect(await subnav.isVisible()).toBe(false);
    }
    for (const button of await page.locator('main button, main a.button').all()) {
      expect(await button.isVisible()).toBe(false);
    }
    expect(await page.locator('table.data').isVisible()).toBe(true);
    expect(await textOf(page, 'h1')()).toBe('Organisaties');
    await page.emulateMedia({ media: 'screen' });
    expect(await nav(page).isVisible()).toBe(true);
  });
});
