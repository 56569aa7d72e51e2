/**
 * A premium of a granted dossier without an employer (the transitiepremie, paid to the jobseeker
 * who starts as self-employed: seeds/000_3bfdbb028fdab786.txt:L2710-2717) is paid to the person's
 * IBAN from the registry, validated with ibantools; without one the payment file names the pseudonym.
 */
import { expect, it } from 'vitest';
import { systemActor } from '../../src/access/index.ts';
import { execute } from '../../src/commands/index.ts';
import { applyForMeasure, TRANSITION_COMMANDS } from '../../src/dossiers/index.ts';
import { setPersonBankAccount } from '../../src/registry/index.ts';
import {
  approveRun,
  createPaymentFile,
  preparePremiumRun,
  setAssumption,
} from '../../src/settlement/index.ts';
import { describeEachDb } from '../support/db.ts';
import { admin, importCsv, inszFor } from './support.ts';

describeEachDb('premiums paid to a person', ({ db }) => {
  const handler = systemActor('cli', 'behandelaar');
  const at = (d: string) => new Date(`${d}T10:00:00+02:00`);

  it('pays the person to the IBAN in the registry', async () => {
    await importCsv(db(), 'personen', `insz,voornaam,achternaam\n${inszFor(302)},Zelf,Standige\n`);
    const { rows } = await db().query<{ id: string; pseudonym: string }>(
      'SELECT id, pseudonym FROM persons WHERE insz = $1',
      [inszFor(302)],
    );
    const person = rows[0]!;
    const d = await execute(
      db(),
      applyForMeasure,
      handler,
      {
        measureId: 'transitiepremie',
        personId: person.id,
        date: '2024-03-01',
        facts: { leeftijd: 50, traject_voltooid: true, hoofdberoep: true, maanden_tot_aanvraag: 1 },
      },
      { now: at('2024-05-20') },
    );
    for (const t of ['ontvankelijk-verklaren', 'toekennen'] as const)
      await execute(
        db(),
        TRANSITION_COMMANDS[t],
        handler,
        { id: d.id, reason: 'ok' },
        { now: at('2024-05-20') },
      );
    // Start 1 March 2024, half premium from April 2021: months 1 and 2 (due 1 April and 1 May) at
    // 1.000 × ½ = 500 each → 1.000 in the May run.
    const may = await execute(db(), preparePremiumRun, handler, { period: '2024-05' });
    expect(may.totals.due).toBe(1000);
    await execute(db(), approveRun, admin, { run: may.id! });
    await execute(db(), setAssumption, admin, {
      name: 'betaalrekening_iban',
      valid_from: '2019-01-01',
      value: 'BE62510007547061',
      source: 'test',
    });
    await expect(execute(db(), createPaymentFile, admin, { run: may.id! })).rejects.toThrow(
      new RegExp(`${person.pseudonym}.*geen IBAN`),
    );
    await expect(
      execute(db(), setPersonBankAccount, admin, { id: person.id, iban: 'BE71096123456768' }),
    ).rejects.toThrow(/geen geldig IBAN/);
    await execute(db(), setPersonBankAccount, admin, { id: person.id, iban: 'be71 0961 2345 6769' });
    const file = await execute(db(), createPaymentFile, admin, {
      run: may.id!,
      execution_date: '2024-06-03',
    });
    expect(file.payments.map((p) => [p.kbo, p.name, p.iban, p.amount])).toEqual([
      [person.pseudonym, 'Zelf Standige', 'BE71096123456769', 1000],
    ]);
    expect(file.control_sum).toBe(1000);
    expect(file.content).toContain('<IBAN>BE71096123456769</IBAN>');
  });
});
