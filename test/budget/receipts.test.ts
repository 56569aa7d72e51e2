/**
 * Recoveries on the budget: a claim (vordering) is a receipt on the measure's receipts article
 * (data/receipts.yaml; arbeidszorg → JB0-9JECAGA-OW from 2024, seeds/003_041d48c097fadc86.txt:L1825-1832),
 * one that a settlement run offsets is a negative line on the expenditure article, and a measure the
 * seeds give no receipts article keeps its claims "zonder artikel".
 */
import { expect, it } from 'vitest';
import { type Actor, systemActor } from '../../src/access/index.ts';
import { receiptsArticle, recoveryReceipts } from '../../src/budget/index.ts';
import { execute } from '../../src/commands/index.ts';
import { prepareRun, registerRecovery } from '../../src/settlement/index.ts';
import { describeEachDb } from '../support/db.ts';
import { makeOrganisation, makeUser } from '../support/factories.ts';
import { loginClient, startTestServer } from '../support/http.ts';
import { visibleText } from '../support/web-session.ts';

const as = (role: Actor['roles'][number]): Actor => ({ ...systemActor('api'), kind: 'user', roles: [role] });
// 23:30 UTC on 31 December 2025 is 00:30 on 1 January 2026 in Brussels: the recovery counts for 2026.
const NEW_YEAR = new Date('2025-12-31T23:30:00Z');

it('maps a measure to the receipts article of its year', () => {
  expect(receiptsArticle('arbeidszorg', 2021)?.article).toBe('JB0-9JEBAGA-OW');
  expect(receiptsArticle('arbeidszorg', 2023)?.article).toBe('JB0-9JEBAGA-OW');
  expect(receiptsArticle('ama-wse', 2026)?.article).toBe('JB0-9JECAGA-OW');
  expect(receiptsArticle('collectief-maatwerk', 2026)).toBeNull();
});

describeEachDb('recoveries on the receipts article', ({ db }) => {
  it('counts claims as receipts, offsets as lower expenditure, per Brussels year', async () => {
    const org = await makeOrganisation(db(), { name: 'Ontvangst vzw', type: 'maatwerkbedrijf' });
    const inspecteur = as('inspecteur');
    const register = (measure: string, amountCents: number) =>
      execute(
        db(),
        registerRecovery,
        inspecteur,
        { measure, kbo: org.kbo, amountCents, reason: 'controle' },
        {
          now: NEW_YEAR,
        },
      );
    // Arbeidszorg and WES have no settlement plan: a claim at once. Collectief maatwerk waits for a run.
    await register('arbeidszorg', 78_300);
    await register('wes', 12_345);
    await register('collectief-maatwerk', 50_000);
    await register('collectief-maatwerk', 10_000);
    const before = await recoveryReceipts(db(), as('analist'), 2026);
    expect(before).toEqual([
      {
        measure: 'arbeidszorg',
        article: 'JB0-9JECAGA-OW',
        claimed: 783,
        offset: 0,
        open: 0,
        source: 'seeds/003_041d48c097fadc86.txt:L1825-1832',
      },
      { measure: 'collectief-maatwerk', article: null, claimed: 0, offset: 0, open: 600, source: null },
      { measure: 'wes', article: null, claimed: 123.45, offset: 0, open: 0, source: null },
    ]);
    expect(await recoveryReceipts(db(), as('analist'), 2025)).toEqual([]);
    // The next run of the organisation offsets both collectief maatwerk recoveries (600,00).
    await execute(db(), prepareRun, systemActor('cli', 'voorbereider'), {
      measure: 'collectief-maatwerk',
      period: '2026-Q1',
      wages: ['2026-01', '2026-02', '2026-03'].map((month) => ({
        kbo: org.kbo,
        worker: 'A',
        month,
        package: '60-hoog',
        wage: '3000',
        fte: 1,
      })),
    });
    const after = await recoveryReceipts(db(), as('analist'), 2026);
    expect(after.find((r) => r.measure === 'collectief-maatwerk')).toMatchObject({ offset: 600, open: 0 });
  });

  it('shows the runs and the recoveries of the year on /begroting', async () => {
    const server = await startTestServer(db());
    try {
      const web = await loginClient(server.url, (await makeUser(db(), ['analist'])).username);
      const text = visibleText(await (await web.get('/begroting?jaar=2024')).text());
      expect(text).toContain('Afrekeningen van Trede op de artikels, 2024');
      expect(text).toContain('Terugvorderingen op het ontvangstenartikel, 2024');
      expect(text).toContain('Geen terugvorderingen geregistreerd in 2024.');
    } finally {
      await server.close();
    }
  });
});
