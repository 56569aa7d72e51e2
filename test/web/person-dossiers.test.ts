/** The person page lists the person's dossiers (issue 17: "the person page lists no dossiers"). */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { execute } from '../../src/commands/index.ts';
import { applyForMeasure } from '../../src/dossiers/index.ts';
import { createPerson } from '../../src/registry/index.ts';
import { inszFor } from '../registry/support.ts';
import { describeEachDb } from '../support/db.ts';
import { admin, makeOrganisation, makeUser } from '../support/factories.ts';
import { loginClient, startTestServer, type TestServer } from '../support/http.ts';
import { visibleText } from '../support/web-session.ts';

describeEachDb('the person page', ({ db }) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(db());
  });
  afterAll(() => server.close());

  it('lists the dossiers of the person with their reference', async () => {
    const org = await makeOrganisation(db(), { name: 'Persoonsbedrijf' });
    const person = await execute(db(), createPerson, admin, {
      insz: inszFor(9501),
      firstName: 'Pim',
      lastName: 'Dossier',
    });
    const d = await execute(db(), applyForMeasure, admin, {
      measureId: 'aanwervingsincentive',
      organisationId: org.id,
      personId: person.id,
      facts: { leeftijd: 40, maanden_werkzoekend: 26, maanden_in_dienst: 12 },
      date: '2018-03-01',
    });
    const web = await loginClient(server.url, (await makeUser(db(), ['beheerder'])).username);
    const text = visibleText(await (await web.get(`/register/personen/${person.id}`)).text());
    expect(text).toContain('Dossiers van deze persoon');
    expect(text).toContain(d.reference);
    const other = await execute(db(), createPerson, admin, {
      insz: inszFor(9502),
      firstName: 'Zonder',
      lastName: 'Dossier',
    });
    expect(visibleText(await (await web.get(`/register/personen/${other.id}`)).text())).toContain(
      'Geen dossiers voor deze persoon.',
    );
  });
});
