import { afterAll, beforeAll, expect, it } from 'vitest';
import { catalogue } from '../../src/rules/index.ts';
import { describeEachDb } from '../support/db.ts';
import { makeOrganisation, makeUser } from '../support/factories.ts';
import { type ApiClient, loginClient, startTestServer, type TestServer } from '../support/http.ts';

// Facts from src/rules/measures/aanwervingsincentive/tests.yaml (first scenario): 40 years old,
// 26 months job-seeking, 12 months employed on 2018-03-01 → eligible, 1.250 + 3.000 = 4.250 euro.
const AWI = {
  measureId: 'aanwervingsincentive',
  date: '2018-03-01',
  facts: { leeftijd: 40, maanden_werkzoekend: 26, maanden_in_dienst: 12 },
};

interface Dossier {
  id: string;
  reference: string;
  state: string;
  outcome: string | null;
  withdrawal: string | null;
  handler: { id: string; name: string } | null;
  eligibility: { eligible: boolean | null; amount: number | null; notModelled: string[] } | null;
  ruleset: { version: string; hash: string } | null;
  paidCents: number;
  timeline: {
    action: string;
    fromState: string | null;
    toState: string;
    reason: string | null;
    actor: string;
  }[];
  nextActions: { action: string }[];
}

describeEachDb('dossiers over HTTP', ({ db }) => {
  let server: TestServer;
  let orgA: { id: string };
  let orgB: { id: string };
  let behandelaar: ApiClient;
  let behandelaarId: string;
  let werkgeverA: ApiClient;
  let werkgeverB: ApiClient;
  let analist: ApiClient;
  let beheerder: ApiClient;

  beforeAll(async () => {
    server = await startTestServer(db());
    orgA = await makeOrganisation(db(), { name: 'Maatwerk Oost' });
    orgB = await makeOrganisation(db(), { name: 'Maatwerk West' });
    const b = await makeUser(db(), ['dossierbehandelaar']);
    behandelaarId = b.id;
    const wa = await makeUser(db(), ['werkgever'], [orgA.id]);
    const wb = await makeUser(db(), ['werkgever'], [orgB.id]);
    const an = await makeUser(db(), ['analist']);
    const be = await makeUser(db(), ['beheerder']);
    const clients = await Promise.all([b, wa, wb, an, be].map((u) => loginClient(server.url, u.username)));
    [behandelaar, werkgeverA, werkgeverB, analist, beheerder] = clients as [
      ApiClient,
      ApiClient,
      ApiClient,
      ApiClient,
      ApiClient,
    ];
  });
  afterAll(() => server.close());

  const act = (c: ApiClient, id: string, body: Record<string, unknown>) =>
    c.post(`/api/v1/dossiers/${id}/transitions`, body);

  async function apply(c: ApiClient, body: Record<string, unknown> = {}): Promise<Dossier> {
    const res = await c.post('/api/v1/dossiers', { ...AWI, organisationId: orgA.id, ...body });
    expect(res.status, await res.clone().text()).toBe(201);
    return (await res.json()) as Dossier;
  }

  it('runs a dossier from ontvangen to afgesloten, with its timeline and audit events', async () => {
    const created = await apply(werkgeverA, { reason: 'Aanwerving van een langdurig werkzoekende' });
    expect(created).toMatchObject({ state: 'ontvangen', outcome: null });
    expect(created.reference).toMatch(/^DOS-\d{4}-\d{6}$/);
    // Eligibility from the rules engine, stored with the ruleset it used.
    const { ruleset } = await catalogue();
    expect(created.eligibility).toMatchObject({ eligible: true, amount: 4250, notModelled: [] });
    expect(created.ruleset).toEqual(ruleset);
    expect(created.ruleset?.version).toMatch(/\S/);

    const steps: [string, Record<string, unknown>, string][] = [
      ['toewijzen', {}, 'ontvangen'],
      ['ontvankelijk-verklaren', { reason: 'Volledig' }, 'ontvankelijk'],
      ['toekennen', { reason: 'Voorwaarden vervuld' }, 'beslist'],
      ['betalen', { amount: '1250', kind: 'schijf', reason: 'Eerste schijf' }, 'betaald'],
      ['betalen', { amount: 3000, kind: 'schijf', reason: 'Tweede schijf' }, 'betaald'],
      ['afsluiten', { reason: 'Alles betaald' }, 'afgesloten'],
    ];
    for (const [action, body, state] of steps) {
      const res = await act(behandelaar, created.id, { action, ...body });
      expect(res.status, `${action}: ${await res.clone().text()}`).toBe(200);
      expect(((await res.json()) as Dossier).state).toBe(state);
    }

    const detail = (await (await behandelaar.get(`/api/v1/dossiers/${created.id}`)).json()) as Dossier;
    expect(detail).toMatchObject({ state: 'afgesloten', outcome: 'toegekend', paidCents: 425_000 });
    expect(detail.handler?.id).toBe(behandelaarId);
    expect(detail.timeline.map((e) => [e.action, e.fromState, e.toState])).toEqual([
      ['aanvragen', null, 'ontvangen'],
      ['toewijzen', 'ontvangen', 'ontvangen'],
      ['ontvankelijk-verklaren', 'ontvangen', 'ontvankelijk'],
      ['toekennen', 'ontvankelijk', 'beslist'],
      ['betalen', 'beslist', 'betaald'],
      ['betalen', 'betaald', 'betaald'],
      ['afsluiten', 'betaald', 'afgesloten'],
    ]);
    expect(detail.timeline[3]?.reason).toBe('Voorwaarden vervuld');
    expect(detail.nextActions.map((a) => a.action)).toEqual(['terugvorderen']);

    const audit = (await (
      await beheerder.get(`/api/v1/audit?entityType=dossier&entityId=${created.id}`)
    ).json()) as { action: string; data: Record<string, unknown> }[];
    expect(audit.map((a) => a.action).reverse()).toEqual([
      'dossiers/aanvragen',
      'dossiers/toewijzen',
      'dossiers/ontvankelijk-verklaren',
      'dossiers/toekennen',
      'dossiers/betalen',
      'dossiers/betalen',
      'dossiers/afsluiten',
    ]);
    expect(audit.find((a) => a.action === 'dossiers/toekennen')?.data).toMatchObject({
      from: 'ontvankelijk',
      to: 'beslist',
      reason: 'Voorwaarden vervuld',
    });

    // An illegal transition names the current state and what can still be done.
    const illegal = await act(behandelaar, created.id, { action: 'toekennen', reason: 'nog eens' });
    expect(illegal.status).toBe(409);
    const body = (await illegal.json()) as { error: { code: string; message: string; details: unknown } };
    expect(body.error.code).toBe('illegal_transition');
    expect(body.error.message).toContain("toestand 'afgesloten'");
    expect(body.error.details).toMatchObject({ state: 'afgesloten', allowedActions: ['terugvorderen'] });
  });

  it('refuses a transition by the wrong role (403) and a refusal without reason (400)', async () => {
    const d = await apply(werkgeverA);
    expect((await act(werkgeverA, d.id, { action: 'ontvankelijk-verklaren' })).status).toBe(403);
    expect((await act(behandelaar, d.id, { action: 'ontvankelijk-verklaren' })).status).toBe(200);
    const noReason = await act(behandelaar, d.id, { action: 'weigeren' });
    expect(noReason.status).toBe(400);
    expect(
      ((await noReason.json()) as { error: { details: { path: string }[] } }).error.details[0]?.path,
    ).toBe('reason');
    // A payment before a decision is an illegal transition.
    expect((await act(behandelaar, d.id, { action: 'betalen', amount: 10 })).status).toBe(409);
    const refused = await act(behandelaar, d.id, { action: 'weigeren', reason: 'Geen doelgroepwerknemer' });
    expect(((await refused.json()) as Dossier).outcome).toBe('geweigerd');
    // No payment on a refused decision.
    expect((await act(behandelaar, d.id, { action: 'betalen', amount: 10 })).status).toBe(409);
    // An analyst does not read dossiers at all.
    expect((await analist.get('/api/v1/dossiers')).status).toBe(403);
    expect((await analist.get(`/api/v1/dossiers/${d.id}`)).status).toBe(403);
  });

  it('lets a werkgever withdraw its own application, and only its own', async () => {
    const d = await apply(werkgeverA);
    expect((await act(werkgeverB, d.id, { action: 'intrekken-vrijwillig' })).status).toBe(404);
    const res = await act(werkgeverA, d.id, { action: 'intrekken-vrijwillig', reason: 'Dubbele aanvraag' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ state: 'ingetrokken', withdrawal: 'vrijwillig' });
  });

  it("hides another organisation's dossiers from a werkgever through every endpoint (404)", async () => {
    const d = await apply(werkgeverA);
    expect((await werkgeverB.get(`/api/v1/dossiers/${d.id}`)).status).toBe(404);
    for (const action of ['intrekken-vrijwillig', 'toekennen', 'ontvankelijk-verklaren']) {
      const res = await act(werkgeverB, d.id, { action });
      // Actions its role may take: not found; actions it may never take: forbidden (no id leaks either way).
      expect([403, 404]).toContain(res.status);
      if (action === 'intrekken-vrijwillig') expect(res.status).toBe(404);
    }
    const list = (await (await werkgeverB.get('/api/v1/dossiers?pageSize=500')).json()) as {
      items: Dossier[];
      total: number;
    };
    expect(list.items.map((i) => i.id)).not.toContain(d.id);
    const filtered = (await (await werkgeverB.get(`/api/v1/dossiers?organisationId=${orgA.id}`)).json()) as {
      total: number;
    };
    expect(filtered.total).toBe(0);
    expect((await werkgeverB.post('/api/v1/dossiers', { ...AWI, organisationId: orgA.id })).status).toBe(404);
    expect((await werkgeverB.get('/api/v1/dossiers/lead-times?year=2026')).status).toBe(403);
    // The web pages too: the dossier page and its action form answer 404, the list leaves it out.
    expect((await werkgeverB.get(`/dossiers/${d.id}`)).status).toBe(404);
    const form = await werkgeverB.request('POST', `/dossiers/${d.id}/acties`, 'action=intrekken-vrijwillig', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(404);
    expect(await (await werkgeverB.get('/dossiers')).text()).not.toContain(d.reference);
    const page = await werkgeverA.get(`/dossiers/${d.id}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(d.reference);
    // The organisation page lists the organisation's dossiers.
    expect(await (await werkgeverA.get(`/register/organisaties/${orgA.id}`)).text()).toContain(d.reference);
    // Its own organisation's list does contain what it applied for.
    const own = (await (await werkgeverA.get('/api/v1/dossiers?pageSize=500')).json()) as {
      items: Dossier[];
    };
    expect(own.items.map((i) => i.id)).toContain(d.id);
  });

  it('stores "not modelled" when the seeds give no rule for the measure, and refuses unknown measures and bad facts', async () => {
    const d = await apply(behandelaar, {
      measureId: 'vop',
      facts: {},
      date: '2022-05-01',
      channel: 'papier',
    });
    expect(d.eligibility?.eligible).toBeNull();
    expect(d.ruleset?.hash).toMatch(/\S/);
    const unknown = await behandelaar.post('/api/v1/dossiers', {
      ...AWI,
      measureId: 'bestaat-niet',
      organisationId: orgA.id,
    });
    expect(unknown.status).toBe(400);
    const bad = await behandelaar.post('/api/v1/dossiers', {
      ...AWI,
      facts: { leeftijd: 'veertig' },
      organisationId: orgA.id,
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('facts.');
  });

  it('registers the receipt date of a paper application (case handlers only)', async () => {
    // 5 January 2026 starts at 23:00 UTC the day before in Brussels (CET, UTC+1).
    const d = await apply(behandelaar, { channel: 'papier', receivedOn: '2026-01-05' });
    expect((d as unknown as { receivedAt: string }).receivedAt).toBe('2026-01-04T23:00:00.000Z');
    const detail = (await (await behandelaar.get(`/api/v1/dossiers/${d.id}`)).json()) as Dossier & {
      timeline: { occurredAt: string; data: Record<string, unknown> }[];
    };
    expect(detail.timeline[0]?.occurredAt).toBe('2026-01-04T23:00:00.000Z');
    expect(detail.timeline[0]?.data['registeredAt']).toEqual(expect.any(String));
    // 1 July is summer time (CEST, UTC+2).
    const summer = await apply(behandelaar, { channel: 'papier', receivedOn: '2026-07-01' });
    expect((summer as unknown as { receivedAt: string }).receivedAt).toBe('2026-06-30T22:00:00.000Z');
    const byWerkgever = await werkgeverA.post('/api/v1/dossiers', {
      ...AWI,
      organisationId: orgA.id,
      receivedOn: '2026-01-05',
    });
    expect(byWerkgever.status).toBe(403);
    const future = await behandelaar.post('/api/v1/dossiers', {
      ...AWI,
      organisationId: orgA.id,
      receivedOn: '2999-01-01',
    });
    expect(future.status).toBe(400);
  });

  it('filters the list by state, measure and handler (the work queue)', async () => {
    const d = await apply(werkgeverA);
    await act(behandelaar, d.id, { action: 'toewijzen' });
    const mine = (await (
      await behandelaar.get('/api/v1/dossiers?handler=mij&open=true&sort=ontvangen')
    ).json()) as {
      items: Dossier[];
    };
    expect(mine.items.map((i) => i.id)).toContain(d.id);
    expect(mine.items.every((i) => i.handler?.id === behandelaarId)).toBe(true);
    const unassigned = (await (
      await behandelaar.get('/api/v1/dossiers?handler=geen&state=ontvangen')
    ).json()) as {
      items: Dossier[];
    };
    expect(unassigned.items.map((i) => i.id)).not.toContain(d.id);
    expect(unassigned.items.every((i) => i.state === 'ontvangen' && i.handler === null)).toBe(true);
    // The web list filters the same way.
    expect(await (await behandelaar.get('/dossiers?behandelaar=mij')).text()).toContain(d.reference);
    expect(await (await behandelaar.get('/dossiers?behandelaar=geen')).text()).not.toContain(d.reference);
    const queue = await (await behandelaar.get('/dossiers/werkvoorraad')).text();
    expect(queue).toContain(d.reference);
    const vop = (await (await behandelaar.get('/api/v1/dossiers?measureId=vop')).json()) as {
      items: Dossier[];
    };
    expect(vop.items.length).toBeGreaterThan(0);
    expect(vop.items.every((i) => (i as unknown as { measureId: string }).measureId === 'vop')).toBe(true);
  });
});
