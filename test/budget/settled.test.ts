import { expect, it } from 'vitest';
import { systemActor } from '../../src/access/index.ts';
import { settledForecast } from '../../src/budget/index.ts';
import { execute } from '../../src/commands/index.ts';
import { approveRun, confirmRun, markPaymentFile, prepareRun } from '../../src/settlement/index.ts';
import { describeEachDb } from '../support/db.ts';

const preparer = systemActor('cli', 'voorbereider');
const approver = systemActor('cli', 'goedkeurder');
const KBO = '0123456749';
// As in test/settlement/runs.test.ts: 3 × 1.705,10 loonpremie + 506,94 begeleidingspremie = 5.622,24 €.
const input = {
  measure: 'collectief-maatwerk',
  period: '2024-Q2',
  wages: ['2024-04', '2024-05', '2024-06'].map((month) => ({
    kbo: KBO,
    worker: 'A',
    month,
    package: '60-hoog',
    wage: '3000',
    fte: 1,
  })),
  advances_paid: [],
};

describeEachDb('budget from settlement', ({ db }) => {
  it('shows a run as committed once approved and as paid once confirmed, and moves the forecast', async () => {
    const forecast = () => settledForecast(db(), approver, { year: 2024, quartersSettled: 1 });
    const run = await execute(db(), prepareRun, preparer, input);
    // A draft commits nothing.
    expect(await forecast()).toEqual([
      expect.objectContaining({ article: 'JB0-1JEC2HA-WT', committedCents: 0, forecastCents: 0 }),
    ]);
    await execute(db(), approveRun, approver, { run: run.id });
    // Committed 5.622,24; one quarter settled → forecast 5.622,24 + 3 × 5.622,24 = 22.488,96; accrual = unpaid.
    expect(await forecast()).toEqual([
      expect.objectContaining({
        article: 'JB0-1JEC2HA-WT',
        committedCents: 562224,
        paidCents: 0,
        accrualCents: 562224,
        forecastCents: 2248896,
      }),
    ]);
    await execute(db(), markPaymentFile, approver, { run: run.id });
    await execute(db(), confirmRun, approver, { run: run.id });
    expect(await forecast()).toEqual([
      expect.objectContaining({ committedCents: 562224, paidCents: 562224, accrualCents: 0 }),
    ]);
    await expect(settledForecast(db(), approver, { year: 2024, quartersSettled: 5 })).rejects.toMatchObject({
      kind: 'validation',
    });
  });
});
