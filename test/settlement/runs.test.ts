import { expect, it } from 'vitest';
import { systemActor } from '../../src/access/index.ts';
import { execute } from '../../src/commands/index.ts';
import {
  approveRun,
  articleTotals,
  confirmRun,
  getRun,
  listRuns,
  markPaymentFile,
  prepareRun,
} from '../../src/settlement/index.ts';
import { describeEachDb } from '../support/db.ts';

const preparer = systemActor('cli', 'voorbereider');
const approver = systemActor('cli', 'goedkeurder');
const KBO = '0123456749';
// GGMMI 2.029,88 € (shipped assumption from 2024-04-01): cap 1,4 × 2.029,88 = 2.841,832 → 2.841,83.
// A: 60%, wage 3.000 above the cap → 2.841,83 × 60% = 1.705,098 → 1.705,10 a month.
const wages = (mayWage: string) => [
  { kbo: KBO, worker: 'A', month: '2024-04', package: '60-hoog', wage: '3000', fte: 1 },
  { kbo: KBO, worker: 'A', month: '2024-05', package: '60-hoog', wage: mayWage, fte: 1 },
  { kbo: KBO, worker: 'A', month: '2024-06', package: '60-hoog', wage: '3000', fte: 1 },
];
const input = (mayWage: string) => ({
  measure: 'collectief-maatwerk',
  period: '2024-Q2',
  wages: wages(mayWage),
  advances_paid: [{ kbo: KBO, amount: '5000' }],
});

describeEachDb('settlement runs', ({ db }) => {
  it('stores a run, refuses self-approval, and pays nothing twice', async () => {
    const run = await execute(db(), prepareRun, preparer, input('3000'));
    // Due 3 × 1.705,10 + 506,94 = 5.622,24; advances 5.000 → balance 622,24.
    expect(run.totals).toEqual({ due: 5622.24, advances: 5000, balance: 622.24 });
    expect(run.status).toBe('draft');
    expect(run.lines.every((l) => l.budget_article === 'JB0-1JEC2HA-WT')).toBe(true);
    expect(run.assumptions.map((a) => (a as { name: string }).name)).toContain('ggmmi');

    await expect(execute(db(), approveRun, preparer, { run: run.id })).rejects.toThrow(/Vier ogen/);
    await execute(db(), approveRun, approver, { run: run.id });
    await execute(db(), markPaymentFile, approver, { run: run.id });
    await execute(db(), confirmRun, approver, { run: run.id });

    // Same inputs again: no new payable line, no run.
    const again = await execute(db(), prepareRun, preparer, input('3000'));
    expect(again.status).toBe('ongewijzigd');
    expect(again.lines).toEqual([]);

    // May wage corrected to 2.000 (below the cap): 2.000 × 60% = 1.200,00 instead of 1.705,10 → −505,10.
    const corr = await execute(db(), prepareRun, preparer, input('2000'));
    expect(corr.correction).toBe(true);
    expect(corr.lines).toHaveLength(1);
    expect(corr.lines[0]).toMatchObject({ key: `${KBO}|A|loonpremie|2024-05`, amount: -505.1 });
    expect(corr.lines[0]!.corrects).toMatch(/[0-9a-f-]{36}/);
    expect(corr.totals.balance).toBe(-505.1);

    // Paid lines cannot be changed in place.
    await expect(db().query('UPDATE settlement_lines SET amount_cents = 0')).rejects.toThrow(
      /onveranderlijk/,
    );

    // Budget: the first run is paid (5.622,24 − 5.000 = 622,24), the correction is a draft.
    expect(await articleTotals(db(), preparer, { year: 2024 })).toEqual([
      { article: 'JB0-1JEC2HA-WT', measure: 'collectief-maatwerk', committedCents: 62224, paidCents: 62224 },
    ]);
  });

  it('lists runs; an analist sees totals without lines', async () => {
    const runs = await listRuns(db(), preparer, { period: '2024-Q2' });
    expect(runs.map((r) => [r.correction, r.status, r.totals.balance])).toEqual([
      [true, 'draft', -505.1],
      [false, 'betaald', 622.24],
    ]);
    const analist = {
      ...preparer,
      kind: 'user' as const,
      userId: 'a1',
      label: 'analist',
      roles: ['analist' as const],
    };
    const shown = await getRun(db(), analist, runs[1]!.id);
    expect(shown.totals.due).toBe(5622.24);
    expect(shown.lines).toEqual([]);
    expect((await getRun(db(), preparer, runs[1]!.id)).lines).toHaveLength(5); // 3 × loonpremie, 1 × forfait, 1 × verrekening of the advances
  });

  it('names a missing assumption', async () => {
    const early = {
      ...input('3000'),
      period: '2023-Q2',
      wages: wages('3000').map((w) => ({ ...w, month: w.month.replace('2024', '2023') })),
    };
    await expect(execute(db(), prepareRun, preparer, early)).rejects.toThrow(/Aanname 'ggmmi'/);
  });
});
