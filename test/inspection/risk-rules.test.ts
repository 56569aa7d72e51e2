import { beforeAll, expect, it } from 'vitest';
import { type Actor, systemActor } from '../../src/access/index.ts';
import { execute } from '../../src/commands/index.ts';
import { riskCounts, riskHits } from '../../src/inspection/index.ts';
import {
  addIndication,
  createPerson,
  createPlacement,
  recordWageQuarter,
  setContingent,
} from '../../src/registry/index.ts';
import { approveRun, prepareRun } from '../../src/settlement/index.ts';
import { inszFor } from '../registry/support.ts';
import { describeEachDb } from '../support/db.ts';
import { admin, makeOrganisation } from '../support/factories.ts';

const as = (role: Actor['roles'][number]): Actor => ({ ...systemActor('api'), kind: 'user', roles: [role] });
const RULES = [
  'persoon-boven-1-vte',
  'uitsluiting-overlap',
  'loon-onder-minimum',
  'contingent-sprong',
  'premie-zonder-indicering',
  'niet-combineerbaar',
];
const AS_OF = '2026-06-30';

describeEachDb('knipperlichten as data (risk-rules.yaml)', ({ db }) => {
  let n = 8100;
  let clean: { id: string; kbo: string };
  let dirty: { id: string; kbo: string };
  async function person(indicated = false): Promise<string> {
    const insz = inszFor(n++);
    await execute(db(), createPerson, admin, { insz, firstName: 'R', lastName: `P${n}` });
    if (indicated)
      await execute(db(), addIndication, admin, {
        insz,
        indicatedOn: '2024-12-01',
        validFrom: '2024-12-01',
        guidanceNeed: '60-hoog',
      });
    return insz;
  }
  const place = (
    o: { kbo: string },
    insz: string,
    measure: string,
    start: string,
    end: string | null,
    fte: number,
  ) => execute(db(), createPlacement, admin, { insz, kbo: o.kbo, measure, start, end, fte });
  const wage = (placementId: string, quarter: string, euro: number, fte = 1) =>
    execute(db(), recordWageQuarter, admin, {
      placementId,
      quarter,
      grossWageCents: euro * 100,
      days: 90,
      fte,
    });
  const hits = async () =>
    (await riskHits(db(), as('inspecteur'), { asOf: AS_OF })).filter((h) => RULES.includes(h.rule));
  async function settle(kbo: string, worker: string, period: string, months: string[]) {
    const run = await execute(db(), prepareRun, systemActor('cli', 'voorbereider'), {
      measure: 'collectief-maatwerk',
      period,
      wages: months.map((month) => ({ kbo, worker, month, package: '60-hoog', wage: '2500', fte: 1 })),
    });
    await execute(db(), approveRun, systemActor('cli', 'goedkeurder'), { run: run.id! });
  }

  beforeAll(async () => {
    clean = await makeOrganisation(db(), { name: 'Schoon', type: 'maatwerkbedrijf' });
    dirty = await makeOrganisation(db(), { name: 'Knipperlicht', type: 'maatwerkbedrijf' });
  });

  it('gives no hit on a clean registry', async () => {
    // 0,5 + 0,5 VTE = exactly 1 VTE.
    const a = await person();
    await wage((await place(clean, a, 'ibo', '2025-01-01', '2025-12-31', 0.5)).id, '2025-Q1', 9000, 0.5);
    await wage((await place(clean, a, 'twe', '2025-01-01', '2025-12-31', 0.5)).id, '2025-Q1', 9000, 0.5);
    // Arbeidszorg ends before the IBO starts.
    const b = await person();
    await place(clean, b, 'arbeidszorg', '2025-01-01', '2025-06-30', 0.5);
    await place(clean, b, 'ibo', '2025-07-01', '2025-08-31', 0.5);
    // 6.300 € in 2025-Q1 = 2.100 € a month ≥ GGMMI 2.070,48; the contingent fill stays 100 %.
    const c = await person(true);
    const pc = await place(clean, c, 'collectief-maatwerk', '2025-01-01', null, 1);
    await wage(pc.id, '2025-Q1', 6300);
    await wage(pc.id, '2025-Q2', 6300);
    for (const quarter of ['2025-Q1', '2025-Q2'])
      await execute(db(), setContingent, admin, {
        organisationId: clean.id,
        measure: 'collectief-maatwerk',
        quarter,
        fte: 1,
      });
    // A premium for a worker with an indication.
    await settle(clean.kbo, pc.person.pseudonym, '2025-Q1', ['2025-01', '2025-02', '2025-03']);
    // Collectief then individueel maatwerk, one after the other.
    const d = await person();
    await place(clean, d, 'collectief-maatwerk', '2024-01-01', '2024-12-31', 0.5);
    await place(clean, d, 'individueel-maatwerk', '2025-01-01', '2025-12-31', 0.5);
    expect(await hits()).toEqual([]);
  });

  it('hits each rule on a registry made for it, with its records and a pseudonym', async () => {
    const a = await person();
    // The wage data report 0,6 + 0,6 VTE in 2025-Q1 for two placements of 0,5 VTE.
    const a1 = await place(dirty, a, 'ibo', '2025-01-01', '2025-12-31', 0.5);
    const a2 = await place(dirty, a, 'twe', '2025-01-01', '2025-12-31', 0.5);
    const wa1 = await wage(a1.id, '2025-Q1', 9000, 0.6);
    const wa2 = await wage(a2.id, '2025-Q1', 9000, 0.6);
    const b = await person();
    const b1 = await place(dirty, b, 'arbeidszorg', '2025-01-01', '2025-06-30', 0.5);
    const b2 = await place(dirty, b, 'ibo', '2025-06-01', '2025-08-31', 0.5);
    // 6.000 € in 2025-Q1 = 2.000 € a month < GGMMI 2.070,48 (assumption ggmmi).
    const c = await person(true);
    const pc = await place(dirty, c, 'collectief-maatwerk', '2025-01-01', null, 1);
    const w1 = await wage(pc.id, '2025-Q1', 6000);
    // Contingent 2 VTE: Q1 filled 2 VTE (100 %), Q2 1 VTE (50 %): a jump of 50 > 25 points.
    const c2 = await person(true);
    const pc2 = await place(dirty, c2, 'collectief-maatwerk', '2025-01-01', '2025-03-31', 1);
    const w2 = await wage(pc2.id, '2025-Q1', 7000);
    const w3 = await wage(pc.id, '2025-Q2', 7000);
    for (const quarter of ['2025-Q1', '2025-Q2'])
      await execute(db(), setContingent, admin, {
        organisationId: dirty.id,
        measure: 'collectief-maatwerk',
        quarter,
        fte: 2,
      });
    // A premium paid for a worker without an indication.
    const e = await person(false);
    const pe = await place(dirty, e, 'wes', '2024-01-01', '2024-01-31', 0.5);
    await settle(dirty.kbo, pe.person.pseudonym, '2025-Q2', ['2025-04']);
    // Collectief and individueel maatwerk at the same time.
    const f = await person();
    const f1 = await place(dirty, f, 'collectief-maatwerk', '2025-01-01', '2025-12-31', 0.5);
    const f2 = await place(dirty, f, 'individueel-maatwerk', '2025-06-01', '2025-12-31', 0.5);

    const got = await hits();
    const ids = (h: (typeof got)[number]) => h.records.map((r) => `${r.kind}:${r.id}`).sort();
    expect(got.map((h) => [h.rule, h.reason])).toEqual([
      ['persoon-boven-1-vte', '1,2 VTE in de loongegevens van 2025-Q1 over 2 plaatsingen, meer dan 1 VTE'],
      ['uitsluiting-overlap', 'arbeidszorg sluit ibo uit: samen van 2025-06-01 tot 2025-06-30'],
      [
        'loon-onder-minimum',
        '2025-Q1: 2.000 € per maand per VTE, onder het GGMMI van 2.070,48 € (aanname ggmmi)',
      ],
      [
        'contingent-sprong',
        'collectief-maatwerk: invulling 100 % in 2025-Q1 → 50 % in 2025-Q2, meer dan 25 procentpunten (aanname drempel_sprong_invulling)',
      ],
      ['premie-zonder-indicering', 'loonpremie 2025-04 (1.500 €) zonder geldige indicering'],
      [
        'niet-combineerbaar',
        'collectief-maatwerk en individueel-maatwerk tegelijk (aanname niet_combineerbare_paren, 2026-12-03): samen van 2025-06-01 tot 2025-12-31',
      ],
    ]);
    expect(ids(got[0]!)).toEqual(
      [`placement:${a1.id}`, `placement:${a2.id}`, `wage-quarter:${wa1.id}`, `wage-quarter:${wa2.id}`].sort(),
    );
    expect(ids(got[1]!)).toEqual([`placement:${b1.id}`, `placement:${b2.id}`].sort());
    expect(ids(got[2]!)).toEqual([`placement:${pc.id}`, `wage-quarter:${w1.id}`].sort());
    expect(ids(got[3]!)).toEqual(
      [
        `contingent:${dirty.id}|collectief-maatwerk|2025-Q1`,
        `contingent:${dirty.id}|collectief-maatwerk|2025-Q2`,
        `wage-quarter:${w1.id}`,
        `wage-quarter:${w2.id}`,
        `wage-quarter:${w3.id}`,
      ].sort(),
    );
    expect(got[4]!.records[0]!.kind).toBe('settlement-line');
    expect(ids(got[5]!)).toEqual([`placement:${f1.id}`, `placement:${f2.id}`].sort());
    for (const h of got) {
      expect(h.organisation.name).toBe('Knipperlicht');
      // The person is a pseudonym, and no INSZ (11 digits) is anywhere else in the hit. Record ids
      // (random UUIDs) and the pseudonym (random hex) may hold 11 digits in a row: they are removed first.
      if (h.person !== null) expect(h.person).toMatch(/^P-[0-9a-f]{16}$/);
      const shown = JSON.stringify({ ...h, personId: undefined, person: undefined }).replace(
        /[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}/g,
        '',
      );
      expect(shown).not.toMatch(/\d{11}/);
    }
    // An analist: counts per rule only.
    const counts = await riskCounts(db(), as('analist'), AS_OF);
    for (const r of RULES) expect(counts.find((x) => x.rule === r)?.count).toBe(1);
    expect(Object.keys(counts[0]!)).toEqual(['rule', 'count']);
  });
});
