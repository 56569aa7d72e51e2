/**
 * The knipperlicht "voorschotten zonder afrekening": advances paid for the months of a quarter whose
 * settlement was due by the payment calendar (10th working day of the fourth month after the
 * quarter, seeds/001_4a57afe77d69f3a4.txt:L9592-9597) without an approved settlement.
 */
import { expect, it } from 'vitest';
import { type Actor, systemActor } from '../../src/access/index.ts';
import { execute } from '../../src/commands/index.ts';
import type { Db } from '../../src/db/client.ts';
import { riskCounts, riskHits } from '../../src/inspection/index.ts';
import { approveRun, confirmRun, markPaymentFile, prepareRun } from '../../src/settlement/index.ts';
import { describeEachDb } from '../support/db.ts';
import { makeOrganisation } from '../support/factories.ts';

const preparer = systemActor('cli', 'voorbereider');
const approver = systemActor('cli', 'goedkeurder');
const as = (role: Actor['roles'][number]): Actor => ({ ...systemActor('api'), kind: 'user', roles: [role] });
const RULE = 'voorschot-zonder-afrekening';

async function pay(db: Db, run: string) {
  await execute(db, approveRun, approver, { run });
  await execute(db, markPaymentFile, approver, { run });
  await execute(db, confirmRun, approver, { run });
}
const quarter = (kbo: string, months: string[]) =>
  months.map((month) => ({ kbo, worker: 'A', month, package: '60-hoog', wage: '3000', fte: 1 }));

describeEachDb('knipperlicht: advances without settlement', ({ db }) => {
  it('hits advances whose settlement is overdue, and stops once the quarter is settled', async () => {
    const o = await makeOrganisation(db(), { name: 'Voorschot vzw', type: 'maatwerkbedrijf' });
    const hits = async (asOf: string) =>
      (await riskHits(db(), as('inspecteur'), { asOf })).filter((h) => h.rule === RULE);
    // Q2 2024 settled and paid: due 5.622,24 (test/settlement/measure-runs.test.ts); advances for July
    // and August are each a third of it, 1.874,08 (assumption voorschot), together 3.748,16.
    const q2 = await execute(db(), prepareRun, preparer, {
      measure: 'collectief-maatwerk',
      period: '2024-Q2',
      wages: quarter(o.kbo, ['2024-04', '2024-05', '2024-06']),
    });
    await pay(db(), q2.id!);
    for (const month of ['2024-07', '2024-08']) {
      const adv = await execute(db(), prepareRun, preparer, {
        measure: 'collectief-maatwerk',
        period: month,
      });
      await pay(db(), adv.id!);
    }
    // Q3's settlement is due on the 10th working day of January 2025: 1 January is a holiday, so
    // 2, 3, 6, 7, 8, 9, 10, 13, 14, 15 January → 2025-01-15. Before that day: no hit.
    expect(await hits('2025-01-14')).toEqual([]);
    const got = await hits('2025-01-15');
    expect(got.map((h) => [h.organisation.name, h.person, h.reason])).toEqual([
      [
        'Voorschot vzw',
        null,
        'collectief-maatwerk: 3.748,16 € voorschot voor 2024-Q3 zonder afrekening, die beschikbaar moest zijn op 2025-01-15',
      ],
    ]);
    expect(got[0]!.organisation.id).toBe(o.id);
    // The two advance lines behind it.
    expect(got[0]!.records.map((r) => r.kind)).toEqual(['settlement-line', 'settlement-line']);
    expect((await riskCounts(db(), as('analist'), '2025-01-15')).find((c) => c.rule === RULE)?.count).toBe(1);

    // The Q3 settlement (approved) ends the hit.
    const q3 = await execute(db(), prepareRun, preparer, {
      measure: 'collectief-maatwerk',
      period: '2024-Q3',
      wages: quarter(o.kbo, ['2024-07', '2024-08', '2024-09']),
    });
    await execute(db(), approveRun, approver, { run: q3.id! });
    expect((await hits('2025-06-30')).map((h) => h.reason)).toEqual([]);
  });
});
