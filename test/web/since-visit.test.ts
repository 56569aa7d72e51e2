/** The start page says what waits since the previous sign-in (issue 17: notifications of work). */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemActor } from '../../src/access/index.ts';
import { execute } from '../../src/commands/index.ts';
import { applyForMeasure } from '../../src/dossiers/index.ts';
import { prepareRun } from '../../src/settlement/index.ts';
import { describeEachDb } from '../support/db.ts';
import { admin, makeOrganisation, makeUser } from '../support/factories.ts';
import { loginClient, startTestServer, type TestServer } from '../support/http.ts';
import { visibleText } from '../support/web-session.ts';

describeEachDb('the start page since the previous sign-in', ({ db }) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(db());
  });
  afterAll(() => server.close());

  it('counts new dossiers in the queue and runs waiting for approval, with links', async () => {
    const user = await makeUser(db(), ['dossierbehandelaar']);
    const first = visibleText(await (await (await loginClient(server.url, user.username)).get('/')).text());
    expect(first).toContain('Welkom bij uw eerste aanmelding');

    const org = await makeOrganisation(db(), { name: 'Startbedrijf' });
    await execute(db(), applyForMeasure, admin, {
      measureId: 'aanwervingsincentive',
      organisationId: org.id,
      facts: { leeftijd: 40, maanden_werkzoekend: 26, maanden_in_dienst: 12 },
      date: '2018-03-01',
    });
    await execute(db(), prepareRun, systemActor('cli', 'iemand-anders'), {
      measure: 'collectief-maatwerk',
      period: '2024-Q2',
      wages: ['2024-04'].map((month) => ({
        kbo: org.kbo,
        worker: 'A',
        month,
        package: '60-hoog',
        wage: '3000',
        fte: 1,
      })),
    });
    const html = await (await (await loginClient(server.url, user.username)).get('/')).text();
    const text = visibleText(html);
    expect(text).toContain('Sinds uw vorige aanmelding');
    expect(text).toContain('1 nieuw dossier in de werkvoorraad');
    expect(text).toContain('1 afrekeningsrun wacht op goedkeuring');
    expect(html).toContain('href="/dossiers/werkvoorraad"');
  });
});
