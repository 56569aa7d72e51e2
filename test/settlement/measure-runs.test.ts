/**
 * Advance runs (collectief maatwerk, LDE, AMA WSE), the LDE quarterly and AMA WSE annual runs
 * through the one run lifecycle: amounts worked out by hand, advances deducted from the
 * settlement that follows them, the automatic withholding on the next advance, re-runs that
 * change nothing, and a payment file whose control sum is the run's balance.
 */
import { XMLParser } from 'fast-xml-parser';
import { expect, it } from 'vitest';
import { systemActor } from '../../src/access/index.ts';
import { execute } from '../../src/commands/index.ts';
import type { Db } from '../../src/db/client.ts';
import { updateOrganisation } from '../../src/registry/index.ts';
import {
  approveRun,
  confirmRun,
  createPaymentFile,
  markPaymentFile,
  prepareRun,
  setAssumption,
} from '../../src/settlement/index.ts';
import { describeEachDb } from '../support/db.ts';
import { makeOrganisation } from '../support/factories.ts';

const preparer = systemActor('cli', 'voorbereider');
const approver = systemActor('cli', 'goedkeurder');
const KBO = '0123456749';

async function pay(db: Db, run: string | null) {
  expect(run).toBeTruthy();
  await execute(db, approveRun, approver, { run: run! });
  await execute(db, markPaymentFile, approver, { run: run! });
  await execute(db, confirmRun, approver, { run: run! });
}
const cmwQuarter = (months: string[], wages: string[]) =>
  months.map((month, i) => ({ kbo: KBO, worker: 'A', month, package: '60-hoog', wage: wages[i]!, fte: 1 }));
const run = (db: Db, input: Record<string, unknown>) => execute(db, prepareRun, preparer, input);

describeEachDb('advance runs and the settlements that deduct them', ({ db }) => {
  it('collectief maatwerk: three advances, the quarter settles due − advances, the next advance withholds', async () => {
    // Q2 2024: GGMMI 2.029,88 (shipped assumption from 2024-04-01), cap 1,4 × 2.029,88 = 2.841,83;
    // wage 3.000 above the cap → 2.841,83 × 60% = 1.705,098 → 1.705,10 a month;
    // due 3 × 1.705,10 + forfait 506,94 = 5.622,24; no advance runs for April-June → balance 5.622,24.
    const q2 = await run(db(), {
      measure: 'collectief-maatwerk',
      period: '2024-Q2',
      wages: cmwQuarter(['2024-04', '2024-05', '2024-06'], ['3000', '3000', '3000']),
    });
    expect(q2.totals).toEqual({ due: 5622.24, advances: 0, balance: 5622.24 });
    await pay(db(), q2.id);

    // Advances July-September: a third of Q2's due (assumption voorschot) = 5.622,24 ÷ 3 = 1.874,08.
    for (const month of ['2024-07', '2024-08', '2024-09']) {
      const adv = await run(db(), { measure: 'collectief-maatwerk', period: month });
      expect(adv.kind).toBe('voorschot');
      expect(adv.lines.map((l) => [l.component, l.period, l.amount])).toEqual([
        ['voorschot', month, 1874.08],
      ]);
      expect(adv.totals).toEqual({ due: 1874.08, advances: 0, balance: 1874.08 });
      expect(adv.assumptions.map((a) => (a as { name: string }).name)).toEqual(['voorschot']);
      await pay(db(), adv.id);
    }
    // Re-running a paid advance month changes nothing.
    const again = await run(db(), { measure: 'collectief-maatwerk', period: '2024-08' });
    expect(again.status).toBe('ongewijzigd');
    expect(again.lines).toEqual([]);

    // Q3: July 1.705,10; August wage 2.000 below the cap → 1.200,00; September 1.705,10; forfait 506,94
    // → due 5.117,14; advances paid 3 × 1.874,08 = 5.622,24; balance 5.117,14 − 5.622,24 = −505,10.
    const q3 = await run(db(), {
      measure: 'collectief-maatwerk',
      period: '2024-Q3',
      wages: cmwQuarter(['2024-07', '2024-08', '2024-09'], ['3000', '2000', '3000']),
    });
    expect(q3.totals).toEqual({ due: 5117.14, advances: 5622.24, balance: -505.1 });
    expect(q3.lines.find((l) => l.component === 'verrekening')).toMatchObject({
      key: `${KBO}||verrekening|2024-Q3`,
      amount: -5622.24,
    });
    await pay(db(), q3.id);

    // October: a third of Q3's due 5.117,14 ÷ 3 = 1.705,7133 → 1.705,71, less the automatic
    // withholding of the open −505,10 → 1.200,61 paid.
    const oct = await run(db(), { measure: 'collectief-maatwerk', period: '2024-10' });
    expect(oct.lines.map((l) => [l.component, l.amount])).toEqual([
      ['inhouding', -505.1],
      ['voorschot', 1705.71],
    ]);
    expect(oct.totals).toEqual({ due: 1705.71, advances: 505.1, balance: 1200.61 });
    await pay(db(), oct.id);
    expect((await run(db(), { measure: 'collectief-maatwerk', period: '2024-10' })).status).toBe(
      'ongewijzigd',
    );
    // November: nothing left to withhold.
    const nov = await run(db(), { measure: 'collectief-maatwerk', period: '2024-11', dry_run: true });
    expect(nov.lines.map((l) => [l.component, l.amount])).toEqual([['voorschot', 1705.71]]);
  });

  it('an approved advance that is not yet paid stops the quarterly settlement', async () => {
    // 2025 (the first test settles 2024 in the same database).
    const q1 = await run(db(), {
      measure: 'collectief-maatwerk',
      period: '2025-Q1',
      wages: cmwQuarter(['2025-01', '2025-02', '2025-03'], ['3000', '3000', '3000']),
    });
    await pay(db(), q1.id);
    const apr = await run(db(), { measure: 'collectief-maatwerk', period: '2025-04' });
    await execute(db(), approveRun, approver, { run: apr.id! });
    await expect(
      run(db(), {
        measure: 'collectief-maatwerk',
        period: '2025-Q2',
        wages: cmwQuarter(['2025-04', '2025-05', '2025-06'], ['3000', '3000', '3000']),
      }),
    ).rejects.toThrow(/2025-04 .*nog niet als betaald bevestigd/);
  });

  it('LDE: the quarter, three advances of a third, the next quarter less the advances', async () => {
    // 13.638,64 € per VTE per year (from 2020-10-01) × 2,50 VTE ÷ 4 = 8.524,15.
    const q1 = await run(db(), { measure: 'lde', period: '2024-Q1', lde_vte: [{ kbo: KBO, vte: 2.5 }] });
    expect(q1.lines.map((l) => [l.component, l.amount, l.budget_article])).toEqual([
      ['vergoeding', 8524.15, 'JB0-1JEC2HF-WT'],
    ]);
    expect(q1.totals).toEqual({ due: 8524.15, advances: 0, balance: 8524.15 });
    await expect(execute(db(), approveRun, preparer, { run: q1.id! })).rejects.toThrow(/Vier ogen/);
    await pay(db(), q1.id);
    // April-June: 8.524,15 ÷ 3 = 2.841,3833 → 2.841,38 each.
    for (const month of ['2024-04', '2024-05', '2024-06']) {
      const adv = await run(db(), { measure: 'lde', period: month });
      expect(adv.totals).toEqual({ due: 2841.38, advances: 0, balance: 2841.38 });
      await pay(db(), adv.id);
    }
    // Q2: 13.638,64 × 2,33 ÷ 4 = 7.944,5078 → 7.944,51; advances 3 × 2.841,38 = 8.524,14;
    // balance 7.944,51 − 8.524,14 = −579,63.
    const q2 = await run(db(), { measure: 'lde', period: '2024-Q2', lde_vte: [{ kbo: KBO, vte: 2.33 }] });
    expect(q2.totals).toEqual({ due: 7944.51, advances: 8524.14, balance: -579.63 });
    // Same inputs again: nothing new.
    const same = await run(db(), { measure: 'lde', period: '2024-Q2', lde_vte: [{ kbo: KBO, vte: 2.33 }] });
    expect(same.status).toBe('ongewijzigd');
    await expect(run(db(), { measure: 'lde', period: '2024' })).rejects.toThrow(/per kwartaal/);
  });

  it('AMA WSE: monthly advances, the annual settlement less them, and its payment file', async () => {
    const participants = [
      ...Array.from({ length: 12 }, (_, i) => ({
        kbo: KBO,
        worker: 'P1',
        month: `2024-${String(i + 1).padStart(2, '0')}`,
        hours_per_week: 16,
      })),
      ...['10', '11', '12'].map((m) => ({ kbo: KBO, worker: 'P2', month: `2024-${m}`, hours_per_week: 12 })),
      // 10 hours a week: below the minimum of 12, not counted.
      { kbo: KBO, worker: 'P3', month: '2024-12', hours_per_week: 10 },
    ];
    // November and December: P1 + P2 = 2 × (2.650 ÷ 12 = 220,8333 → 220,83) = 441,66 each.
    for (const month of ['2024-11', '2024-12']) {
      const adv = await run(db(), {
        measure: 'ama-wse',
        period: month,
        participants: participants.filter((p) => p.month === month),
      });
      expect(adv.lines.map((l) => [l.component, l.amount, l.budget_article])).toEqual([
        ['voorschot', 441.66, 'JB0-1JEC2HC-WT'],
      ]);
      await pay(db(), adv.id);
    }
    // Year: P1 2.650 × 12/12 = 2.650,00, P2 2.650 × 3/12 = 662,50 → due 3.312,50;
    // advances 2 × 441,66 = 883,32; balance 3.312,50 − 883,32 = 2.429,18.
    const year = await run(db(), { measure: 'ama-wse', period: '2024', participants });
    expect(year.kind).toBe('jaarafrekening');
    expect(year.lines.map((l) => [l.worker, l.component, l.amount])).toEqual([
      ['P1', 'begeleidingssubsidie', 2650],
      ['P2', 'begeleidingssubsidie', 662.5],
      [null, 'verrekening', -883.32],
    ]);
    expect(year.totals).toEqual({ due: 3312.5, advances: 883.32, balance: 2429.18 });
    await expect(run(db(), { measure: 'ama-wse', period: '2024-Q1', participants: [] })).rejects.toThrow(
      /per jaar/,
    );

    const org = await makeOrganisation(db(), { kbo: KBO, name: 'Atelier Aalst' });
    await execute(db(), updateOrganisation, approver, { id: org.id, iban: 'BE71096123456769' });
    await execute(db(), setAssumption, approver, {
      name: 'betaalrekening_iban',
      valid_from: '2019-01-01',
      value: 'BE62510007547061',
      source: 'test',
    });
    await execute(db(), approveRun, approver, { run: year.id! });
    const file = await execute(db(), createPaymentFile, approver, {
      run: year.id!,
      execution_date: '2025-03-31',
    });
    const doc = new XMLParser().parse(file.content);
    const info = doc.Document.CstmrCdtTrfInitn.GrpHdr;
    expect(String(info.CtrlSum)).toBe('2429.18');
    expect(file.payments.map((p) => [p.kbo, p.amount])).toEqual([[KBO, 2429.18]]);
  });
});
