import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { systemActor } from '../../src/access/index.ts';
import { execute } from '../../src/commands/index.ts';
import { updateOrganisation } from '../../src/registry/index.ts';
import {
  approveRun,
  confirmRun,
  createPaymentFile,
  formatOgm,
  getRun,
  isValidOgm,
  ogmCheck,
  prepareRun,
  setAssumption,
  structuredReference,
} from '../../src/settlement/index.ts';
import { describeEachDb } from '../support/db.ts';
import { makeOrganisation } from '../support/factories.ts';

const preparer = systemActor('cli', 'voorbereider');
const approver = systemActor('cli', 'goedkeurder');
const behandelaar = {
  ...preparer,
  kind: 'user' as const,
  userId: 'b1',
  label: 'behandelaar',
  roles: ['dossierbehandelaar' as const],
};
const KBO_A = '0123456848';
const KBO_B = '0123456947';
const KBO_C = '0123457046';
const KBO_D = '0400000086';
const IBAN_A = 'BE71096123456769';
const IBAN_B = 'BE62510007547061';
const IBAN_D = 'BE68539007547034';
const IBAN_C = 'NL91ABNA0417164300';
const months = ['2024-04', '2024-05', '2024-06'];
const q2 = (kbo: string, worker: string, pkg: string, wage: string, fte: number) =>
  months.map((month) => ({ kbo, worker, month, package: pkg, wage, fte }));

describe('Belgian structured communication (OGM/VCS)', () => {
  it('has mod-97 check digits, 0 → 97', () => {
    // 1.234.567.890 = 97 × 12.727.504 + 2 → check 02.
    expect(ogmCheck('1234567890')).toBe('02');
    // 97 × 1 = 97 → remainder 0 → check 97.
    expect(ogmCheck('0000000097')).toBe('97');
    expect(formatOgm('123456789002')).toBe('+++123/4567/89002+++');
    expect(isValidOgm('+++123/4567/89002+++')).toBe(true);
    expect(isValidOgm('123456789003')).toBe(false);
    const r = structuredReference('6f1c2a4e-0000-4000-8000-000000000001', KBO_A);
    expect(r).toMatch(/^\d{12}$/);
    expect(isValidOgm(r)).toBe(true);
    expect(structuredReference('6f1c2a4e-0000-4000-8000-000000000001', KBO_A)).toBe(r);
  });
});

describeEachDb('settlement payment file', ({ db }) => {
  let runId = '';
  let orgC = '';
  it('refuses while an organisation to be paid has no IBAN, naming it', async () => {
    await makeOrganisation(db(), { kbo: KBO_A, name: 'Maatwerk Aalst' });
    await makeOrganisation(db(), { kbo: KBO_B, name: 'Maatwerk Brugge' });
    orgC = (await makeOrganisation(db(), { kbo: KBO_C, name: 'Atelier Çà et Là & Co' })).id;
    await makeOrganisation(db(), { kbo: KBO_D, name: 'Maatwerk Diest' });
    const orgs = await db().query<{ id: string; kbo: string }>('SELECT id, kbo FROM organisations');
    const id = (kbo: string) => orgs.rows.find((r) => r.kbo === kbo)!.id;
    for (const [kbo, iban] of [
      [KBO_A, IBAN_A],
      [KBO_B, IBAN_B],
      [KBO_D, IBAN_D],
    ] as const) {
      // Typed with spaces and lower case: stored in electronic format.
      await execute(db(), updateOrganisation, approver, {
        id: id(kbo),
        iban: iban.toLowerCase().replace(/(.{4})/g, '$1 '),
      });
    }
    await expect(
      execute(db(), updateOrganisation, approver, { id: orgC, iban: 'BE71096123456768' }),
    ).rejects.toThrow(/geen geldig IBAN/);

    const run = await execute(db(), prepareRun, preparer, {
      measure: 'collectief-maatwerk',
      period: '2024-Q2',
      wages: [
        // A: 60%, 3.000 above the cap 2.841,83 (1,4 × 2.029,88) → 1.705,10 a month; + 506,94 forfait
        //    = 5.622,24; − 5.000 advances = 622,24.
        ...q2(KBO_A, 'A1', '60-hoog', '3000', 1),
        // B: 45%, 2.000 below the cap → 900,00 a month × 3 + 506,94 = 3.206,94.
        ...q2(KBO_B, 'B1', '45-hoog', '2000', 1),
        // C: 45%, half-time, 1.000 below the cap 1.420,92 → 450,00 × 3 + 506,94 = 1.856,94.
        ...q2(KBO_C, 'C1', '45-gemiddeld', '1000', 0.5),
        // D: 45%, 1.000 → 1.856,94; − 2.000 advances = −143,06 (withheld later, not paid).
        ...q2(KBO_D, 'D1', '45-laag', '1000', 1),
      ],
      advances_paid: [
        { kbo: KBO_A, amount: '5000' },
        { kbo: KBO_D, amount: '2000' },
      ],
    });
    // 622,24 + 3.206,94 + 1.856,94 − 143,06 = 5.543,06.
    expect(run.totals.balance).toBe(5543.06);
    runId = run.id!;
    await expect(execute(db(), createPaymentFile, approver, { run: runId })).rejects.toThrow(
      /goedgekeurde run/,
    );
    await execute(db(), approveRun, approver, { run: runId });
    await expect(
      execute(db(), setAssumption, behandelaar, {
        name: 'betaalrekening_iban',
        valid_from: '2019-01-01',
        value: 'BE00 0000',
        source: 'x',
      }),
    ).rejects.toThrow(/toegang/);
    const beheerder = systemActor('system', 'beheerder');
    await expect(execute(db(), createPaymentFile, approver, { run: runId })).rejects.toThrow(
      /Aanname 'betaalrekening_iban'/,
    );
    await execute(db(), setAssumption, beheerder, {
      name: 'betaalrekening_iban',
      valid_from: '2019-01-01',
      value: 'BE43 0689 9999 9501',
      source: 'test: rekening van het departement',
    });
    await execute(db(), setAssumption, beheerder, {
      name: 'betaalrekening_bic',
      valid_from: '2019-01-01',
      value: 'GKCCBEBB',
      source: 'test',
    });
    const refused = execute(db(), createPaymentFile, approver, { run: runId });
    await expect(refused).rejects.toThrow(/Atelier Çà et Là & Co \(0123457046\): geen IBAN/);
    await expect(refused).rejects.toMatchObject({ code: 'payment_iban_missing' });
    expect((await getRun(db(), approver, runId)).status).toBe('goedgekeurd');
  });

  it('writes pain.001.001.03 with every amount and the control sum to the cent', async () => {
    await execute(db(), updateOrganisation, approver, { id: orgC, iban: IBAN_C, bic: 'ABNANL2A' });
    const file = await execute(db(), createPaymentFile, approver, {
      run: runId,
      format: 'pain',
      execution_date: '2024-07-12',
    });
    const xml = new XMLParser({ ignoreAttributes: false, parseTagValue: false }).parse(file.content);
    const doc = xml.Document;
    expect(doc['@_xmlns']).toBe('urn:iso:std:iso:20022:tech:xsd:pain.001.001.03');
    const init = doc.CstmrCdtTrfInitn;
    // Paid: 622,24 + 3.206,94 + 1.856,94 = 5.686,12 (D's −143,06 is withheld, not paid).
    expect(init.GrpHdr.CtrlSum).toBe('5686.12');
    expect(init.GrpHdr.NbOfTxs).toBe('3');
    expect(init.GrpHdr.MsgId).toBe(file.message_id);
    const inf = init.PmtInf;
    expect(inf.CtrlSum).toBe('5686.12');
    expect(inf.PmtMtd).toBe('TRF');
    expect(inf.ReqdExctnDt).toBe('2024-07-12');
    expect(inf.DbtrAcct.Id.IBAN).toBe('BE43068999999501');
    expect(inf.DbtrAgt.FinInstnId.BIC).toBe('GKCCBEBB');
    expect(inf.Dbtr.Nm).toBe('Departement Werk en Sociale Economie');
    // biome-ignore lint/suspicious/noExplicitAny: a parsed XML tree
    const txs = inf.CdtTrfTxInf as Record<string, any>[];
    expect(
      txs.map((t) => [t.CdtrAcct.Id.IBAN, t.Amt.InstdAmt['#text'], t.Amt.InstdAmt['@_Ccy'], t.Cdtr.Nm]),
    ).toEqual([
      [IBAN_A, '622.24', 'EUR', 'Maatwerk Aalst'],
      [IBAN_B, '3206.94', 'EUR', 'Maatwerk Brugge'],
      [IBAN_C, '1856.94', 'EUR', 'Atelier Ca et La + Co'],
    ]);
    const sumCents = txs.reduce((s, t) => s + Math.round(Number(t.Amt.InstdAmt['#text']) * 100), 0);
    expect(sumCents).toBe(568612);
    for (const [i, t] of txs.entries()) {
      const ref = t.RmtInf.Strd.CdtrRefInf;
      expect(ref.Tp.CdOrPrtry.Cd).toBe('SCOR');
      expect(ref.Tp.Issr).toBe('BBA');
      expect(isValidOgm(ref.Ref)).toBe(true);
      expect(ref.Ref).toBe(structuredReference(runId, [KBO_A, KBO_B, KBO_C][i]!));
    }
    expect(txs[2]!.CdtrAgt.FinInstnId.BIC).toBe('ABNANL2A');
    expect(file.withheld).toEqual([{ kbo: KBO_D, amount: -143.06 }]);
    // Control sum = run balance + what is withheld: 5.543,06 + 143,06 = 5.686,12.
    expect(file.control_sum).toBe(5686.12);
    expect((await getRun(db(), approver, runId)).status).toBe('betaalbestand aangemaakt');
  });

  it('exports the same payments as CSV, with the same end-to-end ids', async () => {
    const file = await execute(db(), createPaymentFile, approver, { run: runId, format: 'csv' });
    const [head, ...rows] = file.content.trim().split('\n');
    expect(head).toBe('kbo,naam,iban,bic,bedrag,mededeling,end_to_end_id,uitvoeringsdatum');
    const cells = rows.map((r) => r.split(','));
    expect(cells.map((c) => [c[0], c[2], c[4]])).toEqual([
      [KBO_A, IBAN_A, '622.24'],
      [KBO_B, IBAN_B, '3206.94'],
      [KBO_C, IBAN_C, '1856.94'],
    ]);
    expect(cells.every((c) => isValidOgm(c[5]!))).toBe(true);
    expect(cells[0]![6]).toBe(`${runId.slice(0, 8)}-${KBO_A}`);
    const files = await db().query<{ message_id: string; control_sum_cents: string }>(
      'SELECT message_id, control_sum_cents FROM settlement_payment_files WHERE run_id = $1 ORDER BY created_at, message_id',
      [runId],
    );
    expect(files.rows.map((f) => Number(f.control_sum_cents))).toEqual([568612, 568612]);
    expect(new Set(files.rows.map((f) => f.message_id)).size).toBe(2);
    await execute(db(), confirmRun, approver, { run: runId });
    await expect(execute(db(), createPaymentFile, approver, { run: runId })).rejects.toThrow(
      /status nu 'betaald'/,
    );
  });
});
