/**
 * End-to-end tests in a real browser: Debian's Chromium driven by playwright-core (no browser
 * download). `startE2e()` serves Trede in-process on a fresh database and opens a browser;
 * screenshots go to .e2e-artifacts/screenshots (CI prints that path).
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import type { Db } from '../../src/db/index.ts';
import { createTestDb, type TestDb } from './db.ts';
import { startTestServer, type TestServer } from './http.ts';
import { ROOT } from './process.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(ROOT, '.e2e-artifacts', 'screenshots');

export interface E2e {
  db: Db;
  url: string;
  browser: Browser;
  /** A fresh page (own cookies) for one user. */
  newPage(): Promise<Page>;
  screenshot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

/** Debian's Chromium, headless, with the flags this machine needs. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium ontbreekt op ${CHROMIUM}: installeer het Debian-pakket 'chromium' (bash .ci/run doet dat).`,
    );
  }
  mkdirSync(SCREENSHOTS, { recursive: true });
  // playwright starts Chromium with a fresh temporary --user-data-dir of its own; each test user
  // gets its own context (cookies) on top of it.
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export function newPage(browser: Browser): Promise<Page> {
  return browser
    .newContext({ locale: 'nl-BE', viewport: { width: 1280, height: 900 } })
    .then((context) => context.newPage());
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Trede served in-process on a fresh PGlite database, and a browser. */
export async function startE2e(): Promise<E2e> {
  const browser = await launchChromium();
  const t: TestDb = await createTestDb('pglite');
  const server: TestServer = await startTestServer(t.db);
  return {
    db: t.db,
    url: server.url,
    browser,
    newPage: () => newPage(browser),
    screenshot,
    async close() {
      await browser.close();
      await server.close();
      await t.drop();
    },
  };
}

/** Signs in through the login form. */
export async function signIn(page: Page, url: string, username: string, password: string): Promise<void> {
  await page.goto(`${url}/aanmelden`);
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await page.waitForLoadState('domcontentloaded');
}

/** The visible text of the first element matching a selector (for expect.poll). */
export function textOf(page: Page, selector: string): () => Promise<string> {
  return async () => (await page.locator(selector).first().textContent())?.trim() ?? '';
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string;
  targets: string[];
}

/**
 * WCAG 2.1 A/AA problems axe-core finds on the page, as `rule: where` lines (empty when none).
 * Only `serious` and `critical` findings count: they block users; the rest are reviewed by hand.
 * axe is evaluated through the DevTools protocol, so the app's strict CSP stays in force.
 */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  const violations = (await page.evaluate(`(async () => {
    ${AXE}
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')) }));
  })()`)) as AxeViolation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.targets.slice(0, 3).join(', ')}`);
}
