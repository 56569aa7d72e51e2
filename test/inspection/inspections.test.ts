import { beforeAll, expect, it } from 'vitest';
import { type Actor, systemActor } from '../../src/access/index.ts';
import { execute } from '../../src/commands/index.ts';
import { ConflictError, ForbiddenError, ValidationError } from '../../src/domain/index.ts';
import {
  getInspection,
  INSPECTION_TRANSITIONS,
  inspectionCounts,
  listInspections,
  openInspection,
} from '../../src/inspection/index.ts';
import { describeEachDb } from '../support/db.ts';
import { makeOrganisation } from '../support/factories.ts';

const as = (role: Actor['roles'][number], orgs: string[] = []): Actor => ({
  ...systemActor('api'),
  kind: 'user',
  label: role,
  roles: [role],
  organisationIds: orgs,
});

describeEachDb('inspection dossiers', ({ db }) => {
  let org: { id: string };
  const inspecteur = as('inspecteur');
  beforeAll(async () => {
    org = await makeOrganisation(db(), { name: 'Poetsbedrijf Zuid' });
  });

  it('opens, plans, performs, records a finding and closes with a proposed recovery', async () => {
    const opened = await execute(db(), openInspection, inspecteur, {
      organisationId: org.id,
      domain: 'Dienstencheques',
      origin: 'klacht',
      openedOn: '2026-11-02',
    });
    expect(opened).toMatchObject({ state: 'open', domain: 'Dienstencheques', origin: 'klacht' });
    expect(opened.reference).toMatch(/^VSI-\d{4}-\d{6}$/);
    const t = INSPECTION_TRANSITIONS;
    await execute(db(), t.plannen, inspecteur, { id: opened.id });
    await execute(db(), t.uitvoeren, inspecteur, { id: opened.id });
    await execute(db(), t.vaststellen, inspecteur, {
      id: opened.id,
      note: 'Cheques aangerekend voor niet-gepresteerde uren',
      rule: 'dienstencheques',
    });
    // 1.234,56 euro proposed → 123456 cents
    const closed = await execute(db(), t.afsluiten, inspecteur, {
      id: opened.id,
      outcome: 'terugvordering-voorgesteld',
      amount: '1234,56',
    });
    expect(closed).toMatchObject({
      state: 'afgesloten',
      outcome: 'terugvordering-voorgesteld',
      recoveryCents: 123456,
    });
    const detail = await getInspection(db(), inspecteur, opened.id);
    expect(detail.timeline.map((e) => e.action)).toEqual([
      'openen',
      'plannen',
      'uitvoeren',
      'vaststellen',
      'afsluiten',
    ]);
    const audit = await db().query<{ action: string }>(
      'SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY id',
      [opened.id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual([
      'inspection/open',
      'inspection/plannen',
      'inspection/uitvoeren',
      'inspection/vaststellen',
      'inspection/afsluiten',
    ]);
  });

  it('refuses an illegal transition, a missing outcome and an unknown domain', async () => {
    const o = await execute(db(), openInspection, inspecteur, {
      organisationId: org.id,
      domain: 'Maatwerk',
      origin: 'risicolijst',
    });
    await expect(
      execute(db(), INSPECTION_TRANSITIONS.afsluiten, inspecteur, { id: o.id, outcome: 'in-orde' }),
    ).rejects.toThrow(ConflictError);
    await execute(db(), INSPECTION_TRANSITIONS.plannen, inspecteur, { id: o.id });
    await execute(db(), INSPECTION_TRANSITIONS.uitvoeren, inspecteur, { id: o.id });
    await expect(execute(db(), INSPECTION_TRANSITIONS.afsluiten, inspecteur, { id: o.id })).rejects.toThrow(
      ValidationError,
    );
    await expect(
      execute(db(), INSPECTION_TRANSITIONS.afsluiten, inspecteur, {
        id: o.id,
        outcome: 'terugvordering-voorgesteld',
      }),
    ).rejects.toThrow(ValidationError);
    await expect(
      execute(db(), openInspection, inspecteur, {
        organisationId: org.id,
        domain: 'Koffie',
        origin: 'klacht',
      }),
    ).rejects.toThrow(ValidationError);
  });

  it('refuses a werkgever and an analist on dossiers; an analist sees only counts', async () => {
    const werkgever = as('werkgever', [org.id]);
    const analist = as('analist');
    for (const a of [werkgever, analist]) {
      await expect(
        execute(db(), openInspection, a, { organisationId: org.id, domain: 'Maatwerk', origin: 'klacht' }),
      ).rejects.toThrow(ForbiddenError);
      await expect(listInspections(db(), a)).rejects.toThrow(ForbiddenError);
    }
    const counts = await inspectionCounts(db(), analist);
    expect(counts.find((c) => c.domain === 'Dienstencheques')).toEqual({
      domain: 'Dienstencheques',
      state: 'afgesloten',
      outcome: 'terugvordering-voorgesteld',
      count: 1,
    });
    await expect(inspectionCounts(db(), werkgever)).rejects.toThrow(ForbiddenError);
  });
});
