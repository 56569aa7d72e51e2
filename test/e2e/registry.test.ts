import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inszFor } from '../registry/support.ts';
import { accessibilityProblems, type E2e, signIn, startE2e, textOf } from '../support/browser.ts';
import { makeOrganisation, makeUser } from '../support/factories.ts';

describe('the registry in Chromium', () => {
  let e2e: E2e;
  beforeAll(async () => {
    e2e = await startE2e();
  });
  afterAll(() => e2e?.close());

  const personCount = async () =>
    Number((await e2e.db.query<{ n: string }>('SELECT count(*) AS n FROM persons')).rows[0]!.n);

  it('imports persons, adds a person and a placement, ends it; an analist sees only the pseudonym', async () => {
    const org = await makeOrganisation(e2e.db, { name: 'Maatwerk Leie' });
    const user = await makeUser(e2e.db, ['dossierbehandelaar'], [], 'e2e-register');
    const page = await e2e.newPage();
    await signIn(page, e2e.url, user.username, user.password);

    // Import: one bad row (line 3, a 5-digit INSZ) refuses the whole file.
    await page.goto(`${e2e.url}/register/import`);
    await expect.poll(textOf(page, 'h1')).toBe('Gegevens inlezen');
    expect(await accessibilityProblems(page)).toEqual([]);
    const upload = async (csv: string) => {
      await page.getByLabel('Soort gegevens').selectOption('personen');
      await page
        .getByLabel('Bestand (.csv of .xlsx)')
        .setInputFiles({ name: 'personen.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await page.getByRole('button', { name: 'Inlezen' }).click();
      await page.waitForLoadState('domcontentloaded');
    };
    const a = inszFor(920);
    const b = inszFor(921);
    await upload(`insz,voornaam,achternaam\n${a},An,Import\n12345,Bert,Fout\n`);
    await expect.poll(textOf(page, '.error-summary h2')).toBe('Er is niets ingelezen: 1 foute rij');
    expect(await page.getByRole('cell', { name: 'regel 3, kolom insz' }).isVisible()).toBe(true);
    expect(await personCount()).toBe(0);
    await e2e.screenshot(page, 'register-import-fouten');
    expect(await accessibilityProblems(page)).toEqual([]);

    await upload(`insz,voornaam,achternaam\n${a},An,Import\n${b},Bert,Import\n`);
    await expect
      .poll(textOf(page, '.flash'))
      .toBe('2 rijen gelezen, 2 weggeschreven: 2 nieuw, 0 gewijzigd, 0 ongewijzigd.');
    expect(await personCount()).toBe(2);

    // A large file (3.000 rows) continues in the background: the page follows its progress and
    // shows the counts when it is done.
    const many = Array.from({ length: 3000 }, (_, i) => `${inszFor(5000 + i)},Veel,Rij${i}`);
    await upload(`insz,voornaam,achternaam\n${many.join('\n')}\n`);
    expect(page.url()).toMatch(/\/register\/import\/[0-9a-f-]{36}$/);
    await expect
      .poll(textOf(page, '.flash'), { timeout: 60_000 })
      .toBe('3.000 rijen gelezen, 3.000 weggeschreven: 3.000 nieuw, 0 gewijzigd, 0 ongewijzigd.');
    expect(await personCount()).toBe(3002);
    expect(await accessibilityProblems(page)).toEqual([]);

    // A person with a wrong check digit is refused next to the INSZ field, then registered.
    await page.goto(`${e2e.url}/register/personen`);
    await page.getByRole('link', { name: 'Nieuwe persoon' }).click();
    const good = inszFor(922);
    const wrong = `${good.slice(0, 9)}${String((Number(good.slice(9)) % 97) + 1).padStart(2, '0')}`;
    await page.getByLabel('INSZ').fill(wrong);
    await page.getByLabel('Voornaam').fill('Chris');
    await page.getByLabel('Achternaam').fill('Nieuw');
    await page.getByRole('button', { name: 'Persoon registreren' }).click();
    await expect.poll(textOf(page, '#veld-insz-fout')).toMatch(/^Fout: /);
    expect(await page.getByLabel('INSZ').getAttribute('aria-invalid')).toBe('true');
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.getByLabel('INSZ').fill(good);
    await page.getByRole('button', { name: 'Persoon registreren' }).click();
    await expect.poll(textOf(page, 'h1')).toBe('Chris Nieuw');
    expect(await textOf(page, '.flash')()).toContain('is geregistreerd');
    const personUrl = page.url();

    // A placement from the person's page: INSZ filled in, organisation by KBO, measure from the catalogue.
    await page.getByRole('link', { name: 'Plaatsing toevoegen' }).click();
    await expect.poll(textOf(page, 'h1')).toBe('Nieuwe plaatsing');
    expect(await page.getByLabel('INSZ van de persoon').inputValue()).toBe(good);
    await page.getByLabel('KBO-nummer van de organisatie').fill(org.kbo);
    await page.getByLabel('Maatregel').selectOption('lde');
    await page.getByLabel('Startdatum').fill('2026-01-01');
    await page.getByLabel('VTE', { exact: true }).fill('0,8');
    await page.getByRole('button', { name: 'Plaatsing registreren' }).click();
    await expect.poll(() => page.url()).toBe(personUrl);
    expect(await textOf(page, '.flash')()).toContain('bij Maatwerk Leie is geregistreerd');
    expect(await page.getByRole('cell', { name: '0,80' }).isVisible()).toBe(true);
    expect(await accessibilityProblems(page)).toEqual([]);

    // Ending it asks for confirmation first.
    await page.getByRole('link', { name: /Beëindigen/ }).click();
    await page.getByLabel('Einddatum').fill('2026-06-30');
    const dialogs: string[] = [];
    page.once('dialog', (d) => {
      dialogs.push(d.message());
      void d.accept();
    });
    await page.getByRole('button', { name: 'Plaatsing beëindigen' }).click();
    await expect.poll(() => page.url()).toBe(personUrl);
    expect(dialogs[0]).toContain('Deze plaatsing beëindigen?');
    expect(await textOf(page, '.flash')()).toBe('De plaatsing is beëindigd op 30/06/2026.');
    await e2e.screenshot(page, 'register-persoon');

    // The analist sees the same person by pseudonym only.
    const analist = await makeUser(e2e.db, ['analist'], [], 'e2e-analist-register');
    const other = await e2e.newPage();
    await signIn(other, e2e.url, analist.username, analist.password);
    await other.goto(personUrl);
    await expect.poll(textOf(other, 'h1')).toMatch(/^P-[0-9a-f]{16}$/);
    const body = (await other.locator('main').textContent()) ?? '';
    expect(body).not.toContain(good);
    expect(body).not.toContain(`${good.slice(0, 2)}.${good.slice(2, 4)}.${good.slice(4, 6)}`);
    expect(body).not.toContain('Chris');
    expect(body).toContain('Geboortejaar');
    expect(await other.getByRole('link', { name: 'Plaatsing toevoegen' }).count()).toBe(0);
    expect(await accessibilityProblems(other)).toEqual([]);
  });
});
