/**
 * Premiums of granted dossiers: a payment schedule per dossier, and monthly premium runs that pay
 * what fell due and nothing twice. Amounts worked out by hand in the comments.
 */
import { expect, it } from 'vitest';
import { systemActor } from '../../src/access/index.ts';
import { execute } from '../../src/commands/index.ts';
import { applyForMeasure, TRANSITION_COMMANDS } from '../../src/dossiers/index.ts';
import {
  AssumptionSet,
  approveRun,
  defaultAssumptions,
  premiumSchedule,
  preparePremiumRun,
} from '../../src/settlement/index.ts';
import { describeEachDb } from '../support/db.ts';
import { makeOrganisation } from '../support/factories.ts';
import { admin, importCsv, inszFor } from './support.ts';

const granted = (measureId: string, date: string, grantedOn = date, amountCents: number | null = null) => ({
  id: '00000000-0000-0000-0000-000000000001',
  reference: `DOS-${measureId}`,
  measureId,
  kbo: '0123456749',
  personPseudonym: null,
  date,
  grantedOn,
  facts: {},
  amountCents,
  paidCents: 0,
});

it('aanwervingsincentive: 1.250 after 3 months and 3.000 after 12 months of employment', async () => {
  const s = await premiumSchedule(
    granted('aanwervingsincentive', '2024-01-31'),
    new AssumptionSet(defaultAssumptions()),
  );
  // Hired 31 January 2024: + 3 months = 30 April 2024 (clamped), + 12 months = 31 January 2025.
  expect(s.map((i) => [i.due, i.amount])).toEqual([
    ['2024-04-30', 125_000],
    ['2025-01-31', 300_000],
  ]);
});

it('transitiepremie: 24 months falling per quarter, halved from April 2021', async () => {
  const a = new AssumptionSet(defaultAssumptions());
  const before = await premiumSchedule(granted('transitiepremie', '2021-01-04'), a);
  // 1.000, 900, …, 300 a month per quarter: 3 × (1.000 + 900 + … + 300) = 3 × 5.200 = 15.600.
  expect(before).toHaveLength(24);
  expect(before.reduce((s, i) => s + i.amount, 0)).toBe(1_560_000);
  expect(before.slice(0, 4).map((i) => i.amount)).toEqual([100_000, 100_000, 100_000, 90_000]);
  expect(before[23]!.amount).toBe(30_000);
  const after = await premiumSchedule(granted('transitiepremie', '2024-03-01'), a);
  // Half: 500, 450, …, 150 → 7.800; month 1 paid after the first month (1 April 2024).
  expect(after.reduce((s, i) => s + i.amount, 0)).toBe(780_000);
  expect(after[0]).toMatchObject({ due: '2024-04-01', amount: 50_000 });
  expect(after[23]).toMatchObject({ due: '2026-03-01', amount: 15_000 });
});

it('activeringstraject: the WSE share once; another measure: the formula amount once', async () => {
  const a = new AssumptionSet(defaultAssumptions());
  const act = await premiumSchedule(granted('activeringstraject', '2024-05-03'), a);
  // Casemanager Werk 800 + half of the network's 2.800 = 800 + 1.400 = 2.200 (Zorg 800 is WVG's).
  expect(act.map((i) => [i.due, i.amount])).toEqual([['2024-05-03', 220_000]]);
  const other = await premiumSchedule(granted('start-en-stagebonus', '2024-02-01', '2024-02-05', 50_000), a);
  expect(other.map((i) => [i.due, i.amount])).toEqual([['2024-02-05', 50_000]]);
  expect(await premiumSchedule(granted('start-en-stagebonus', '2024-02-01', '2024-02-05', null), a)).toEqual(
    [],
  );
});

describeEachDb('premium runs from granted dossiers', ({ db }) => {
  const handler = systemActor('cli', 'behandelaar');
  const at = (d: string) => new Date(`${d}T10:00:00+02:00`);
  async function grant(
    measureId: string,
    date: string,
    on: string,
    owner: Record<string, string>,
    facts = {},
  ) {
    const d = await execute(
      db(),
      applyForMeasure,
      handler,
      { measureId, ...owner, facts, date },
      { now: at(on) },
    );
    await execute(
      db(),
      TRANSITION_COMMANDS['ontvankelijk-verklaren'],
      handler,
      { id: d.id, reason: 'ok' },
      { now: at(on) },
    );
    await execute(db(), TRANSITION_COMMANDS.toekennen, handler, { id: d.id, reason: 'ok' }, { now: at(on) });
    return d;
  }
  const run = (period: string) => execute(db(), preparePremiumRun, handler, { period });

  it('pays each instalment once, in the first run after it fell due', async () => {
    const org = await makeOrganisation(db());
    await importCsv(db(), 'personen', `insz,voornaam,achternaam\n${inszFor(301)},Zelf,Standige\n`);
    const { rows } = await db().query<{ id: string }>('SELECT id FROM persons WHERE insz = $1', [
      inszFor(301),
    ]);
    // AWI: hired 15 January 2024, granted 10 February → 1.250 due 15 April 2024, 3.000 due 15 January 2025.
    await grant(
      'aanwervingsincentive',
      '2024-01-15',
      '2024-02-10',
      { organisationId: org.id },
      {
        leeftijd: 40,
        maanden_werkzoekend: 26,
        maanden_in_dienst: 0,
      },
    );
    // Transitiepremie: start 1 March 2024, granted 20 May → half premium; months 1 and 2 (due 1 April
    // and 1 May) are paid from the grant on, month 3 on 1 June.
    await grant(
      'transitiepremie',
      '2024-03-01',
      '2024-05-20',
      { personId: rows[0]!.id },
      {
        leeftijd: 50,
        traject_voltooid: true,
        hoofdberoep: true,
        maanden_tot_aanvraag: 1,
      },
    );
    // Activeringstraject granted 3 May 2024: 2.200 once.
    await grant('activeringstraject', '2024-05-03', '2024-05-03', { organisationId: org.id });

    const april = await run('2024-04');
    expect(april.totals).toEqual({ due: 1250, advances: 0, balance: 1250 });
    expect(april.lines.map((l) => l.measure)).toEqual(['aanwervingsincentive']);
    expect((await run('2024-04')).status).toBe('ongewijzigd');

    // May: transitiepremie months 1 and 2 (2 × 500) + activeringstraject 2.200 = 3.200.
    const may = await run('2024-05');
    expect(may.totals.due).toBe(3200);
    expect(may.lines.map((l) => [l.measure, l.amount])).toEqual([
      ['activeringstraject', 2200],
      ['transitiepremie', 500],
      ['transitiepremie', 500],
    ]);
    // A person's premium carries the pseudonym, no KBO.
    expect(may.lines.find((l) => l.measure === 'transitiepremie')).toMatchObject({
      kbo: '',
      worker: expect.any(String),
    });
    expect((await run('2024-06')).totals.due).toBe(500);

    // No runs July–December: January 2025 catches up. AWI tranche 2: 3.000; transitiepremie months
    // 4–6 at 450, 7–9 at 400 and month 10 (due 1 January 2025) at 350: 1.350 + 1.200 + 350 = 2.900.
    const jan = await run('2025-01');
    expect(jan.totals.due).toBe(5900);
    expect(jan.lines).toHaveLength(8);
    // Runs of premiums follow the four-eyes path like every run.
    await expect(execute(db(), approveRun, handler, { run: jan.id })).rejects.toThrow(/Vier ogen/);
    await execute(db(), approveRun, admin, { run: jan.id });
  });
});
