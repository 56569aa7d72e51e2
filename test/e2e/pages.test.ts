/**
 * Every page as every role that may see it, at desktop (1366×900) and phone (390×844) size: zero
 * serious axe findings of WCAG 2.1 A/AA, no horizontal overflow of the page body at either size, no
 * raw `true`/`false` shown as values; a screenshot of each (issue 17).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execute } from '../../src/commands/index.ts';
import { applyForMeasure } from '../../src/dossiers/index.ts';
import { accessibilityProblems, type E2e, signIn, startE2e } from '../support/browser.ts';
import { admin, makeOrganisation, makeUser } from '../support/factories.ts';

const SIZES = [
  { name: 'desktop', width: 1366, height: 900 },
  { name: 'telefoon', width: 390, height: 844 },
] as const;

/** The page body is never wider than the window, on the phone and on the desktop (issue 17). */
async function check(page: Page, url: string, label: string, e2e: E2e): Promise<string[]> {
  const problems: string[] = [];
  const res = await page.goto(url);
  if (!res || res.status() >= 400) problems.push(`${label}: status ${res?.status()}`);
  const main = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
  if (/\b(true|false)\b/.test(main)) problems.push(`${label}: toont true/false`);
  const overflow = (await page.evaluate(
    'document.documentElement.scrollWidth - window.innerWidth',
  )) as number;
  if (overflow > 0) problems.push(`${label}: ${overflow}px horizontale overloop`);
  for (const a of await accessibilityProblems(page)) problems.push(`${label}: ${a}`);
  await e2e.screenshot(page, `pagina-${label.replace(/[^\w-]+/g, '_')}`);
  return problems;
}

describe('every page as every role, at desktop and phone size', () => {
  let e2e: E2e;
  let dossierId = '';
  let orgId = '';
  beforeAll(async () => {
    e2e = await startE2e();
    const org = await makeOrganisation(e2e.db, { name: 'Paginabedrijf' });
    orgId = org.id;
    const d = await execute(e2e.db, applyForMeasure, admin, {
      measureId: 'aanwervingsincentive',
      organisationId: org.id,
      facts: { leeftijd: 40, maanden_werkzoekend: 26, maanden_in_dienst: 12 },
      date: '2018-03-01',
    });
    dossierId = d.id;
  });
  afterAll(() => e2e?.close());

  const PAGES: Record<string, () => string[]> = {
    anoniem: () => [
      '/',
      '/regelgeving',
      '/regelgeving/aanwervingsincentive',
      '/aanmelden',
      '/zoeken?q=maatwerk',
    ],
    beheerder: () => [
      '/',
      '/register/organisaties',
      `/register/organisaties/${orgId}`,
      '/register/personen',
      '/register/plaatsingen',
      '/dossiers',
      `/dossiers/${dossierId}`,
      '/beheer',
      '/afrekeningen',
      '/begroting',
      '/plannen',
      '/zoeken?q=Paginabedrijf',
    ],
    dossierbehandelaar: () => ['/', '/dossiers', '/dossiers/werkvoorraad', `/dossiers/${dossierId}`],
    werkgever: () => ['/', '/dossiers', `/dossiers/${dossierId}`],
    analist: () => [
      '/',
      '/monitor',
      '/monitor?jaar=2018&regio=vlaanderen&reeks=sine',
      '/monitor?bron=register',
      '/dossiers/doorlooptijden',
      '/afrekeningen',
      '/begroting',
      '/inspectie/rapport',
    ],
    inspecteur: () => ['/', '/dossiers', `/dossiers/${dossierId}`, '/inspectie', '/inspectie/rapport'],
  };

  for (const role of Object.keys(PAGES)) {
    it(`${role}: every page passes at desktop and phone size`, async () => {
      const problems: string[] = [];
      for (const size of SIZES) {
        const context = await e2e.browser.newContext({
          locale: 'nl-BE',
          viewport: { width: size.width, height: size.height },
        });
        const page = await context.newPage();
        if (role !== 'anoniem') {
          const u = await makeUser(e2e.db, [role as 'beheerder'], role === 'werkgever' ? [orgId] : []);
          await signIn(page, e2e.url, u.username, u.password);
        }
        for (const path of PAGES[role]!()) {
          problems.push(...(await check(page, e2e.url + path, `${role}-${size.name}${path}`, e2e)));
        }
        await context.close();
      }
      expect(problems).toEqual([]);
    });
  }
});
