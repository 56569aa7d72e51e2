import { expect, it } from 'vitest';
import { systemActor } from '../../src/access/index.ts';
import { settledForecast, settledYearEnd } from '../../src/budget/index.ts';
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

describeEachDb('budget accrual from settlement', ({ db }) => {
  it('puts a Q4 settlement paid in the next year on the overlopende rekening of its year', async () => {
    const q4 = {
      ...input,
      period: '2024-Q4',
      wages: ['2024-10', '2024-11', '2024-12'].map((month) => ({ ...input.wages[0]!, month })),
    };
    const at = (iso: string) => ({ now: new Date(iso) });
    const run = await execute(db(), prepareRun, preparer, q4, at('2025-01-20T09:00:00Z'));
    await execute(db(), approveRun, approver, { run: run.id }, at('2025-01-21T09:00:00Z'));
    await execute(db(), markPaymentFile, approver, { run: run.id }, at('2025-01-22T09:00:00Z'));
    await execute(db(), confirmRun, approver, { run: run.id }, at('2025-02-03T09:00:00Z'));
    const [y2024] = await settledYearEnd(db(), approver, { year: 2024 });
    // 3 × 1.705,10 + 506,94 = 5.622,24 € committed for 2024, paid on 3/2/2025: all of it is accrual.
    expect(y2024).toMatchObject({
      article: 'JB0-1JEC2HA-WT',
      committedCents: 562224,
      paidInYearCents: 0,
      accrualCents: 562224,
      priorYearsPaidCents: 0,
    });
    // In 2025 the same run is a prior-year settlement paid that year.
    expect(await settledYearEnd(db(), approver, { year: 2025 })).toEqual([
      expect.objectContaining({ article: 'JB0-1JEC2HA-WT', committedCents: 0, priorYearsPaidCents: 562224 }),
    ]);
  });
});
