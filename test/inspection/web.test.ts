import { afterAll, beforeAll, expect, it } from 'vitest';
import { execute } from '../../src/commands/index.ts';
import { openInspection } from '../../src/inspection/index.ts';
import { describeEachDb } from '../support/db.ts';
import { admin, makeOrganisation, makeUser } from '../support/factories.ts';
import { loginClient, startTestServer, type TestServer } from '../support/http.ts';

describeEachDb('inspection web pages', ({ db }) => {
  let server: TestServer;
  let id: string;
  beforeAll(async () => {
    server = await startTestServer(db());
    const org = await makeOrganisation(db(), { name: 'Webinspectie' });
    id = (
      await execute(db(), openInspection, admin, {
        organisationId: org.id,
        domain: 'Maatwerk',
        origin: 'klacht',
      })
    ).id;
  });
  afterAll(() => server.close());

  it('shows the inspecteur open inspections, the risk list and the dossier timeline; refuses an analist', async () => {
    const api = await loginClient(server.url, (await makeUser(db(), ['inspecteur'])).username);
    const start = await (await api.get('/inspectie')).text();
    expect(start).toContain('Open inspecties (1)');
    expect(start).toContain('Nieuwe risicotreffers');
    const risks = await api.get('/inspectie/risicos?regel=loon-onder-minimum');
    expect(risks.status).toBe(200);
    expect(await risks.text()).toContain('GGMMI');
    const page = await (await api.get(`/inspectie/dossiers/${id}`)).text();
    expect(page).toContain('Tijdlijn');
    expect(page).toContain('openen');
    const analist = await loginClient(server.url, (await makeUser(db(), ['analist'])).username);
    expect((await analist.get('/inspectie')).status).toBe(403);
  });
});
