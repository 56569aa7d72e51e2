/**
 * Collectief maatwerk end to end on the registry: organisations, persons, placements, support
 * packages, monthly wages and contingents are imported; the run reads them (no --input); a wage
 * correction after payment gives one delta line; the contingent report applies the 90% rule.
 * Every amount is worked out by hand below.
 */
import { expect, it } from 'vitest';
import { systemActor } from '../../src/access/index.ts';
import { execute } from '../../src/commands/index.ts';
import { ImportRejectedError } from '../../src/registry/index.ts';
import {
  approveRun,
  confirmRun,
  contingentReport,
  markPaymentFile,
  prepareRun,
} from '../../src/settlement/index.ts';
import { describeEachDb } from '../support/db.ts';
import { admin, importCsv, inszFor, kboFor } from './support.ts';

const preparer = systemActor('cli', 'voorbereider');
const approver = systemActor('cli', 'goedkeurder');
const M1 = kboFor(101); // maatwerkbedrijf with workers A, B, C
const M2 = kboFor(102); // maatwerkbedrijf with worker D, fully filled
const [A, B, C, D] = [inszFor(201), inszFor(202), inszFor(203), inszFor(204)];

async function loadRegistry(db: Parameters<typeof importCsv>[0]) {
  await importCsv(
    db,
    'organisaties',
    `kbo,naam,type,nis_code\n${M1},Maatwerk Een,maatwerkbedrijf,44021\n${M2},Maatwerk Twee,maatwerkbedrijf,44021\n`,
  );
  await importCsv(
    db,
    'personen',
    `insz,voornaam,achternaam\n${A},An,A\n${B},Bo,B\n${C},Cas,C\n${D},Dirk,D\n`,
  );
  await importCsv(
    db,
    'plaatsingen',
    [
      'insz,kbo,maatregel,start,einde,vte,uren_per_week',
      `${A},${M1},collectief-maatwerk,2024-01-01,,1,38`,
      `${B},${M1},collectief-maatwerk,2024-01-01,,0.5,19`,
      `${C},${M1},collectief-maatwerk,2024-05-16,,1,38`,
      `${D},${M2},collectief-maatwerk,2024-01-01,,1,38`,
    ].join('\n'),
  );
  await importCsv(
    db,
    'pakketten',
    [
      'insz,kbo,maatregel,pakket,vanaf',
      `${A},${M1},collectief-maatwerk,60-hoog,2024-01-01`,
      `${B},${M1},collectief-maatwerk,45-gemiddeld,2024-01-01`,
      `${C},${M1},collectief-maatwerk,45-hoog,2024-05-16`,
      `${D},${M2},collectief-maatwerk,60-gemiddeld,2024-01-01`,
    ].join('\n'),
  );
}

const wages = (bMay: string) =>
  [
    'insz,kbo,maatregel,maand,referteloon,vte',
    ...['04', '05', '06'].map((m) => `${A},${M1},collectief-maatwerk,2024-${m},3200,1`),
    ...['04', '05', '06'].map(
      (m) => `${B},${M1},collectief-maatwerk,2024-${m},${m === '05' ? bMay : '1500'},0.5`,
    ),
    `${C},${M1},collectief-maatwerk,2024-05,1400,1`,
    `${C},${M1},collectief-maatwerk,2024-06,2600,1`,
  ].join('\n');

describeEachDb('collectief maatwerk from the registry', ({ db }) => {
  it('refuses a bad file row by row and writes nothing', async () => {
    await loadRegistry(db());
    const bad = [
      'insz,kbo,maatregel,maand,referteloon,vte',
      `${A},${M1},collectief-maatwerk,2024-04,3200,1`,
      `${C},${M1},collectief-maatwerk,2024-04,1000,1`, // C starts on 16 May
      `${B},${M1},collectief-maatwerk,2024-13,1500,0.5`,
      `${B},${M1},collectief-maatwerk,2024-04,15,00,0.5`,
      `${A},${M1},collectief-maatwerk,2024-04,3200,1`,
    ].join('\n');
    const err = await importCsv(db(), 'loonmaanden', bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportRejectedError);
    const issues = (err as ImportRejectedError).importIssues.map((i) => `${i.line}:${i.column}`);
    expect(issues).toEqual(['3:maand', '4:maand', '5:vte', '6:maand']);
    const { rows } = await db().query<{ n: number }>('SELECT count(*)::int AS n FROM wage_months');
    expect(rows[0]!.n).toBe(0);
  });

  it('settles Q2 2024 from the registry, then corrects a wage after payment with one delta', async () => {
    const first = await importCsv(db(), 'loonmaanden', wages('1500'));
    expect(first).toMatchObject({ rows: 8, inserted: 8 });
    const run = await execute(db(), prepareRun, preparer, {
      measure: 'collectief-maatwerk',
      period: '2024-Q2',
    });
    // GGMMI 2.029,88 € (shipped assumption from 2024-04-01); cap = 1,4 × GGMMI × VTE × days/days.
    // A (60%, full-time, 3.200 above the cap): cap 2.841,832 → 2.841,83; × 60% = 1.705,098 → 1.705,10
    //   a month; 3 × 1.705,10 = 5.115,30; forfait 506,94 (3/3 months) → 5.622,24.
    // B (45%, half-time, 1.500): cap 2.841,832 × 0,5 = 1.420,916 → 1.420,92 < 1.500;
    //   × 45% = 639,414 → 639,41 a month; 3 × 639,41 = 1.918,23; forfait 506,94 → 2.425,17.
    // C (45%, enters 16 May): May cap 2.029,88 × 1,4 × 16/31 = 1.466,7519 → 1.466,75 > 1.400 → 1.400
    //   × 45% = 630,00; June 2.600 < 2.841,83 → 1.170,00; forfait 506,94 × 2/3 = 337,96 → 2.137,96.
    // Due: 5.622,24 + 2.425,17 + 2.137,96 = 10.185,37; nothing paid in advance.
    expect(run.totals).toEqual({ due: 10185.37, advances: 0, balance: 10185.37 });
    expect(run.lines).toHaveLength(11); // 8 loonpremie worker-months + 3 forfaits
    const amounts = run.lines.map((l) => l.amount).sort((x, y) => x - y);
    expect(amounts).toEqual([
      337.96, 506.94, 506.94, 630, 639.41, 639.41, 639.41, 1170, 1705.1, 1705.1, 1705.1,
    ]);
    // Lines carry the pseudonym, never the INSZ.
    expect(run.lines.some((l) => JSON.stringify(l).includes(A))).toBe(false);
    const cMay = run.lines.find((l) => l.amount === 630)!;
    expect(cMay.basis).toMatchObject({ plafond: '1466.75', dagen: '16/31', percentage: 45 });

    await execute(db(), approveRun, approver, { run: run.id });
    await execute(db(), markPaymentFile, approver, { run: run.id });
    await execute(db(), confirmRun, approver, { run: run.id });

    // Unchanged registry: nothing new to pay.
    const same = await execute(db(), prepareRun, preparer, {
      measure: 'collectief-maatwerk',
      period: '2024-Q2',
    });
    expect(same.status).toBe('ongewijzigd');

    // B's May wage corrected to 1.000 (below the cap 1.420,92): 1.000 × 45% = 450,00 instead of
    // 639,41 → one delta of 450,00 − 639,41 = −189,41 that refers to the paid line.
    const again = await importCsv(db(), 'loonmaanden', wages('1000'));
    expect(again).toMatchObject({ rows: 8, inserted: 0, updated: 1, unchanged: 7 });
    const corr = await execute(db(), prepareRun, preparer, {
      measure: 'collectief-maatwerk',
      period: '2024-Q2',
    });
    expect(corr.correction).toBe(true);
    expect(corr.lines).toHaveLength(1);
    expect(corr.lines[0]).toMatchObject({ component: 'loonpremie', period: '2024-05', amount: -189.41 });
    const { rows: ref } = await db().query<{ run_id: string; amount_cents: string }>(
      'SELECT run_id, amount_cents::text FROM settlement_lines WHERE id = $1',
      [corr.lines[0]!.corrects],
    );
    expect(ref[0]).toEqual({ run_id: run.id, amount_cents: '63941' });
    expect(corr.totals).toEqual({ due: -189.41, advances: 0, balance: -189.41 });
  });

  it('imports contingents all-or-nothing and applies the 90% rule with redistribution', async () => {
    const bad = await importCsv(
      db(),
      'contingenten',
      `kbo,maatregel,kwartaal,vte\n${M1},collectief-maatwerk,2024-Q5,4\n0123456789,collectief-maatwerk,2024-Q1,4\n${M1},onbestaand,2024-Q1,-1\n`,
    ).catch((e: unknown) => e);
    expect((bad as ImportRejectedError).importIssues.map((i) => `${i.line}:${i.column}`)).toEqual([
      '2:kwartaal',
      '3:kbo',
      '4:maatregel',
      '4:vte',
    ]);
    const csv = [
      'kbo,maatregel,kwartaal,vte',
      ...[1, 2, 3, 4].map((q) => `${M1},collectief-maatwerk,2024-Q${q},4`),
      ...[1, 2, 3, 4].map((q) => `${M2},collectief-maatwerk,2024-Q${q},1`),
    ].join('\n');
    expect(await importCsv(db(), 'contingenten', csv)).toMatchObject({ rows: 8, inserted: 8 });
    // Re-import: the append-only history gets no new row.
    expect(await importCsv(db(), 'contingenten', csv)).toMatchObject({
      inserted: 0,
      updated: 0,
      unchanged: 8,
    });

    const r = await contingentReport(db(), admin, 'collectief-maatwerk', 2024);
    // M1 employed VTE per quarter (placements × days ÷ days of the quarter):
    //   Q1: A 1 + B 0,5 = 1,50; Q2 (91 days): 1 + 0,5 + C 46/91 (16 May–30 June) = 2,0055 → 2,01;
    //   Q3, Q4: 2,50. Within the contingent of 4: 1,50 + 2,01 + 2,50 + 2,50 = 8,51 of 16,00
    //   → fill 8,51/16 = 0,531875 → 0,5319 < 90%. Yearly averages: 16/4 = 4,00 and 8,51/4 = 2,1275
    //   → 2,13; reduction (assumption tot-invulling) 4,00 − 2,13 = 1,87 VTE.
    // M2: D 1,00 in every quarter of a 1,00 contingent → 100% > 95%: receives the one whole VTE;
    //   0,87 stays (no whole VTE).
    expect(r.organisations).toEqual(
      [
        {
          kbo: M1,
          contingent_vte: 4,
          filled_vte: 2.13,
          fill_rate: 0.5319,
          reduction_vte: 1.87,
          received_vte: 0,
        },
        { kbo: M2, contingent_vte: 1, filled_vte: 1, fill_rate: 1, reduction_vte: 0, received_vte: 1 },
      ].sort((x, y) => (x.kbo < y.kbo ? -1 : 1)),
    );
    expect(r).toMatchObject({ reduced_vte: 1.87, redistributed_vte: 1, not_redistributed_vte: 0.87 });
    expect(r.assumptions.map((a) => a.name)).toEqual(['contingent_vermindering', 'herverdeling_volgorde']);
  });
});
