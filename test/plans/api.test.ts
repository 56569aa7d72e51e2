/**
 * Over real HTTP, on both backends: every signed-in role reads the plan; a beheerder changes a
 * status with a reason, which shows in the roll-up, on the milestone and in the audit log; another
 * role is refused and nothing is recorded. The event log is append-only.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { listItemSchema, milestoneViewSchema, summarySchema } from '../../src/plans/index.ts';
import { describeEachDb } from '../support/db.ts';
import { makeOrganisation, makeUser } from '../support/factories.ts';
import { type ApiClient, loginClient, startTestServer, type TestServer } from '../support/http.ts';

describeEachDb('plans over HTTP', ({ db }) => {
  let server: TestServer;
  let beheerder: ApiClient;
  let analist: ApiClient;
  let werkgever: ApiClient;

  beforeAll(async () => {
    // A fixed clock: 2023-05-15 lies in 2023-Q2.
    server = await startTestServer(db(), undefined, () => new Date('2023-05-15T10:00:00Z'));
    const org = await makeOrganisation(db(), { name: 'Maatwerkbedrijf Plan' });
    const users = await Promise.all([
      makeUser(db(), ['beheerder']),
      makeUser(db(), ['analist']),
      makeUser(db(), ['werkgever'], [org.id]),
    ]);
    [beheerder, analist, werkgever] = (await Promise.all(
      users.map((u) => loginClient(server.url, u.username)),
    )) as [ApiClient, ApiClient, ApiClient];
  });
  afterAll(() => server.close());

  it('lists milestones with the CLI shape and filters by project, status and quarter', async () => {
    const res = await werkgever.get('/api/v1/plans/milestones?project=BP9&status=Loopt%20met%20vertraging');
    expect(res.status).toBe(200);
    const items = listItemSchema.array().parse(await res.json());
    expect(items).toHaveLength(7); // BP9/OD11: 7 × Loopt met vertraging (notes §3)
    expect(Object.keys(items[0]!)).toEqual(['id', 'project', 'level', 'title', 'status', 'timing', 'source']);
    expect(items[0]).toMatchObject({ id: 'M0333', source: 'seeds/001_4a57afe77d69f3a4.txt:L3745' });
    const q2 = listItemSchema
      .array()
      .parse(await (await analist.get('/api/v1/plans/milestones?quarter=2023-Q2')).json());
    expect(q2.length).toBeGreaterThan(0);
    expect(q2.every((i) => i.timing?.quarters.includes('2023-Q2'))).toBe(true);
    expect((await analist.get('/api/v1/plans/milestones?quarter=Q2')).status).toBe(400);
  });

  it('refuses anonymous reads', async () => {
    expect((await fetch(`${server.url}/api/v1/plans/summary`)).status).toBe(401);
  });

  it('records a beheerder’s status change in the roll-up, on the milestone and in the audit log', async () => {
    const before = summarySchema.parse(await (await analist.get('/api/v1/plans/summary')).json());
    const bp9 = (s: typeof before) => s.projects.find((p) => p.id === 'BP9/OD11')!.rollup;
    expect(before.asOf).toBe('2023-05-15');
    expect(bp9(before).status2022['Gerealiseerd']!.count).toBe(36);
    expect(bp9(before).late).toContain('M0333');

    const res = await beheerder.post('/api/v1/plans/milestones/M0333/status', {
      status: 'Gerealiseerd',
      reason: 'Disseminatie afgerond in april 2023',
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const m = milestoneViewSchema.parse(await res.json());
    expect(m.status).toEqual({ label: 'Gerealiseerd', asterisk: false, meaning: null });
    expect(m.changes).toMatchObject([{ kind: 'status', reason: 'Disseminatie afgerond in april 2023' }]);

    const after = summarySchema.parse(await (await analist.get('/api/v1/plans/summary')).json());
    expect(bp9(after).status2022['Gerealiseerd']!.count).toBe(37); // 36 + M0333
    expect(bp9(after).status2022['Loopt met vertraging']!.count).toBe(6); // 7 − M0333
    expect(bp9(after).late).not.toContain('M0333');
    expect(after.plan.status2022['Gerealiseerd']!.count).toBe(325); // 324 + 1

    const audit = (await (
      await beheerder.get('/api/v1/audit?entityType=plan-milestone&entityId=M0333')
    ).json()) as { action: string; data: { to: { label: string }; reason: string } }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'plans/set-status',
      data: { to: { label: 'Gerealiseerd' }, reason: 'Disseminatie afgerond in april 2023' },
    });
  });

  it('refuses a change by another role and records nothing', async () => {
    for (const c of [analist, werkgever]) {
      const res = await c.post('/api/v1/plans/milestones/M0343/status', {
        status: 'Gerealiseerd',
        reason: 'poging',
      });
      expect(res.status).toBe(403);
      expect(
        (await c.post('/api/v1/plans/milestones', { project: 'BP9/OD11', title: 'Nieuw', reason: 'poging' }))
          .status,
      ).toBe(403);
    }
    const m = milestoneViewSchema.parse(await (await analist.get('/api/v1/plans/milestones/M0343')).json());
    expect(m.status?.label).toBe('Loopt met vertraging');
    expect(m.changes).toEqual([]);
  });

  it('lets a beheerder move a quarter and add a milestone; rejects bad input on its field', async () => {
    const moved = await beheerder.post('/api/v1/plans/milestones/M0107/timing', {
      timing: '2023/Q3',
      reason: 'Uitgesteld',
    });
    expect(moved.status, await moved.clone().text()).toBe(200);
    expect(milestoneViewSchema.parse(await moved.json()).timing).toMatchObject({
      kind: 'quarter',
      quarters: ['2023-Q3'],
    });
    const bad = await beheerder.post('/api/v1/plans/milestones/M0107/timing', {
      timing: 'later',
      reason: 'Uitgesteld',
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('timing');
    const added = await beheerder.post('/api/v1/plans/milestones', {
      project: 'BP9/OD11',
      title: 'Evaluatie ESF+ programma',
      timing: '2023/Q4',
      reason: 'Nieuwe mijlpaal in de opvolging',
    });
    expect(added.status, await added.clone().text()).toBe(201);
    const view = milestoneViewSchema.parse(await added.json());
    expect(view).toMatchObject({ id: 'M0832', project: 'BP9/OD11', table: '2023' }); // after M0831
    const s = summarySchema.parse(await (await analist.get('/api/v1/plans/summary')).json());
    expect(s.projects.find((p) => p.id === 'BP9/OD11')!.rollup.items2023).toBe(53); // 52 + 1
    expect(
      (await beheerder.post('/api/v1/plans/milestones/M9999/status', { status: 'Nvt', reason: 'x x x' }))
        .status,
    ).toBe(404);
  });

  it('keeps plan_events append-only', async () => {
    await expect(db().query("UPDATE plan_events SET reason = 'weg'")).rejects.toThrow(/append-only/);
  });

  it('answers the check with the stated-count mismatches', async () => {
    const f = (await (await analist.get('/api/v1/plans/check')).json()) as { where: string; ok: boolean }[];
    expect(f.find((x) => x.where === 'organisatieprojecten-2022')?.ok).toBe(false);
  });
});
