import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/access/index.ts';
import { execute } from '../../src/commands/index.ts';
import {
  applyForMeasure,
  colourFor,
  easterSunday,
  type LeadTimeReport,
  leadTimeReport,
  norms,
  nthWorkingDayOfMonth,
  publicHolidays,
  TRANSITION_COMMANDS,
  withinLimit,
  workingDaysBetween,
} from '../../src/dossiers/index.ts';
import { catalogue } from '../../src/rules/index.ts';
import { describeEachDb } from '../support/db.ts';
import { makeOrganisation, makeUser } from '../support/factories.ts';
import { loginClient, startTestServer, type TestServer } from '../support/http.ts';

const actor = systemActor('system', 'test');
/** 10:00 UTC (11:00 or 12:00 in Brussels): far from any date boundary. */
const at = (date: string, time = '10:00:00') => new Date(`${date}T${time}Z`);

describe('the calendar of lead times', () => {
  it('knows the Belgian public holidays, Easter-based ones included', () => {
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2024)).toBe('2024-03-31');
    // Easter Monday (+1), Ascension (+39), Whit Monday (+50) and the seven fixed days.
    expect([...publicHolidays(2026)].sort()).toEqual([
      '2026-01-01',
      '2026-04-06',
      '2026-05-01',
      '2026-05-14',
      '2026-05-25',
      '2026-07-21',
      '2026-08-15',
      '2026-11-01',
      '2026-11-11',
      '2026-12-25',
    ]);
  });

  it('counts working days around a holiday', () => {
    // Thu 30/04/2026 → Fri 08/05/2026: Fri 1 May is a holiday, 2-3 May the weekend, so only
    // Mon 4 … Fri 8 May count: 5 working days (7 without the holiday and weekend rule would be 8 days).
    expect(workingDaysBetween('2026-04-30' as never, '2026-05-08' as never)).toBe(5);
    // Wed 13 → Fri 15 May: Thu 14 May is Ascension Day → 1 working day.
    expect(workingDaysBetween('2026-05-13' as never, '2026-05-15' as never)).toBe(1);
    // The 5th working day of May 2026 is Fri 8 May (1 May is a holiday); of June 2026 Fri 5 June.
    expect(nthWorkingDayOfMonth('2026-05-20' as never, 5)).toBe('2026-05-08');
    expect(nthWorkingDayOfMonth('2026-06-20' as never, 5)).toBe('2026-06-05');
    // The 1st working day of November 2026: Sun 1 Nov is a holiday, so Mon 2 Nov.
    expect(nthWorkingDayOfMonth('2026-11-20' as never, 1)).toBe('2026-11-02');
    expect(withinLimit({ kind: 'working_days', n: 5 }, at('2026-04-30'), at('2026-05-08'))).toBe(true);
    expect(withinLimit({ kind: 'working_days', n: 4 }, at('2026-04-30'), at('2026-05-08'))).toBe(false);
    expect(withinLimit({ kind: 'months', n: 8 }, at('2026-01-31'), at('2026-09-30'))).toBe(true);
    expect(withinLimit({ kind: 'months', n: 8 }, at('2026-01-31'), at('2026-10-01'))).toBe(false);
  });

  it("colours a result by the seed's legend (seeds/001_4a57afe77d69f3a4.txt:L8786-8794)", () => {
    expect(colourFor(99, 85)).toBe('donkergroen'); // above target
    expect(colourFor(100, 100)).toBe('lichtgroen'); // on target
    expect(colourFor(93.1, 100)).toBe('lichtoranje'); // VOP 30 dagen 2022: 6,9 ppt below (L8608)
    expect(colourFor(37, 100)).toBe('donkeroranje'); // arbeidskaarten 2022: 63 ppt below (L8631)
    expect(colourFor(90.01, 100)).toBe('lichtoranje');
    expect(colourFor(90, 100)).toBe('donkeroranje'); // exactly 10 below: not "minder dan 10%"
    expect(colourFor(null, 100)).toBeNull();
  });

  it('has a norm for existing catalogue measures only, each with a seed source', async () => {
    const cat = await catalogue();
    const file = norms();
    expect(file.norms.length).toBeGreaterThanOrEqual(40);
    for (const n of file.norms) {
      expect(cat.get(n.measure), n.id).toBeDefined();
      expect(n.source).toMatch(/^seeds\/001_4a57afe77d69f3a4\.txt:L\d+/);
    }
    expect(new Set(file.norms.map((n) => n.id)).size).toBe(file.norms.length);
  });
});

describeEachDb('lead times measured from dossier events', ({ db }) => {
  let org: { id: string };
  let report: LeadTimeReport;
  let server: TestServer;

  async function dossier(measureId: string, received: Date, channel: 'online' | 'papier' = 'online') {
    const facts: Record<string, unknown> =
      {
        aanwervingsincentive: { leeftijd: 40, maanden_werkzoekend: 26, maanden_in_dienst: 12 },
        ama: { leeftijd: 40, betaald_werk_niet_mogelijk: true, toelating_uitkeringsinstantie: true },
      }[measureId] ?? {};
    const d = await execute(
      db(),
      applyForMeasure,
      actor,
      { measureId, organisationId: org.id, channel, facts, date: '2026-01-01' },
      { now: received },
    );
    return d.id;
  }
  async function act(id: string, action: keyof typeof TRANSITION_COMMANDS, when: Date, extra = {}) {
    await execute(db(), TRANSITION_COMMANDS[action], actor, { id, reason: 'test', ...extra }, { now: when });
  }
  const row = (id: string) => report.norms.find((n) => n.normId === id)!;

  beforeAll(async () => {
    org = await makeOrganisation(db());
    // VOP "binnen 7 dagen ontvankelijk" (L8599-8606), counted in the year of the decision on admissibility.
    const d1 = await dossier('vop', at('2026-03-02'));
    await act(d1, 'ontvankelijk-verklaren', at('2026-03-09')); // 7 days: within
    const d2 = await dossier('vop', at('2026-03-02'), 'papier');
    await act(d2, 'onontvankelijk-verklaren', at('2026-03-10')); // 8 days: too late
    const d3 = await dossier('vop', at('2026-12-28'));
    await act(d3, 'ontvankelijk-verklaren', at('2027-01-04')); // counts in 2027
    const d4 = await dossier('vop', at('2025-12-29'));
    await act(d4, 'ontvankelijk-verklaren', at('2026-01-05')); // 7 days, across the year: 2026, within
    const d5 = await dossier('vop', at('2025-06-02'));
    await act(d5, 'ontvankelijk-verklaren', at('2025-06-04')); // 2025, within
    const d6 = await dossier('vop', at('2025-06-02'));
    await act(d6, 'ontvankelijk-verklaren', at('2025-06-20')); // 2025, 18 days: too late
    await dossier('vop', at('2026-04-01')); // still waiting: not counted

    // AMA "betaling voorschotten <= 5de werkdag van de maand" (L8736-8737): every advance counts.
    const ama = await dossier('ama', at('2026-01-12'));
    await act(ama, 'ontvankelijk-verklaren', at('2026-01-13'));
    await act(ama, 'toekennen', at('2026-01-20'));
    await act(ama, 'betalen', at('2026-05-08'), { amount: 1000, kind: 'voorschot' }); // 5th working day (1/5 holiday)
    await act(ama, 'betalen', at('2026-05-11'), { amount: 1000, kind: 'voorschot' }); // 6th working day: late
    await act(ama, 'betalen', at('2026-06-05'), { amount: 1000, kind: 'voorschot' }); // 5th working day
    await act(ama, 'betalen', at('2026-06-20'), { amount: 500, kind: 'saldo' }); // not an advance

    // Aanmoedigingspremies "betaling <= 15de van de maand" (L8658).
    const amp = await dossier('aanmoedigingspremies', at('2026-01-05'));
    await act(amp, 'ontvankelijk-verklaren', at('2026-01-06'));
    await act(amp, 'toekennen', at('2026-01-07'));
    for (const day of ['2026-02-15', '2026-02-16', '2026-03-01', '2026-04-14']) {
      await act(amp, 'betalen', at(day), { amount: 100 });
    }

    // Aanwervingsincentive "binnen 1,5 dag behandeld" (L8616): elapsed time, 36 hours.
    const a1 = await dossier('aanwervingsincentive', at('2026-02-02', '08:00:00'));
    await act(a1, 'ontvankelijk-verklaren', at('2026-02-02', '09:00:00'));
    await act(a1, 'toekennen', at('2026-02-03', '19:00:00')); // 35 h: within
    const a2 = await dossier('aanwervingsincentive', at('2026-02-02', '08:00:00'));
    await act(a2, 'ontvankelijk-verklaren', at('2026-02-02', '09:00:00'));
    await act(a2, 'weigeren', at('2026-02-03', '21:00:00')); // 37 h: too late

    report = await leadTimeReport(db(), actor, { year: 2026 });
    // The monitor dashboard shows the lead times of the current year: fix it at 2026.
    server = await startTestServer(db(), undefined, () => new Date('2026-11-23T10:00:00Z'));
  });
  afterAll(() => server?.close());

  it('counts calendar days from received to (in)admissible, per year, with the change in points', () => {
    // 2026: d1 (7 d, within), d2 (8 d, late), d4 (7 d, within) → 2 of 3 = 66,67 %.
    // 2025: d5 (2 d, within), d6 (18 d, late) → 1 of 2 = 50 %. Change +16,67 ppt.
    // Target 100 %: 33,33 ppt below → donker oranje.
    expect(row('vop-ontvankelijk-7d')).toMatchObject({
      counted: 3,
      withinNorm: 2,
      achieved: 66.67,
      previous: 50,
      changePoints: 16.67,
      colour: 'donkeroranje',
      target: 100,
    });
    // Online only (target 85 %): d1, d4 → 2 of 2 = 100 % → above target, donker groen; 2025 50 % → +50 ppt.
    expect(row('vop-ontvankelijk-7d-online')).toMatchObject({
      counted: 2,
      achieved: 100,
      previous: 50,
      changePoints: 50,
      colour: 'donkergroen',
    });
    // Paper only (target 75 %): d2 → 0 of 1 = 0 %; no paper dossier in 2025.
    expect(row('vop-ontvankelijk-7d-papier')).toMatchObject({
      counted: 1,
      achieved: 0,
      previous: null,
      changePoints: null,
      colour: 'donkeroranje',
    });
    // "Binnen 30 dagen behandeld" (L8608) ends with a decision or inadmissibility: only d2 (8 days) in
    // 2026 → 1 of 1 = 100 % → on target, licht groen. No norm for jongerenbonus dossiers: nothing counted.
    expect(row('vop-behandeld-30d')).toMatchObject({ counted: 1, achieved: 100, colour: 'lichtgroen' });
    expect(row('jongerenbonus-15d')).toMatchObject({ counted: 0, achieved: null, colour: null });
  });

  it('counts advances against the 5th working day of the month, with 1 May in between', () => {
    // 08/05 ≤ 08/05 (5th working day: 4, 5, 6, 7, 8 May) within; 11/05 late; 05/06 ≤ 05/06 within;
    // the saldo of 20/06 is not an advance → 2 of 3 = 66,67 %.
    expect(row('ama-voorschotten-5de-werkdag')).toMatchObject({
      counted: 3,
      withinNorm: 2,
      achieved: 66.67,
      previous: null,
      colour: 'donkeroranje',
    });
  });

  it('counts payments against a day of the month', () => {
    // 15/02 within, 16/02 late, 01/03 within, 14/04 within → 3 of 4 = 75 %.
    expect(row('aanmoedigingspremies-betaling-15de')).toMatchObject({
      counted: 4,
      withinNorm: 3,
      achieved: 75,
    });
  });

  it('counts a fractional norm (1,5 dag) in elapsed hours', () => {
    // 35 h within, 37 h late → 1 of 2 = 50 %.
    expect(row('aanwervingsincentive-behandeld-1-5d')).toMatchObject({
      counted: 2,
      withinNorm: 1,
      achieved: 50,
    });
  });

  it('serves the same report over HTTP to internal roles', async () => {
    const u = await makeUser(db(), ['dossierbehandelaar']);
    const api = await loginClient(server.url, u.username);
    const res = await api.get('/api/v1/dossiers/lead-times?year=2026');
    expect(res.status).toBe(200);
    const body = (await res.json()) as LeadTimeReport;
    expect(body.norms.find((n) => n.normId === 'vop-ontvankelijk-7d')).toMatchObject({ achieved: 66.67 });
    expect(body.notModelled.length).toBeGreaterThan(5);
    expect(body.legendSource).toBe('seeds/001_4a57afe77d69f3a4.txt:L8786-8794');
    // The web page shows the same figures in nl-BE format, with the colour in words.
    const html = await (await api.get('/dossiers/doorlooptijden?jaar=2026')).text();
    expect(html).toContain('66,67\u00a0%');
    expect(html).toContain('+16,67\u00a0ppt');
    expect(html).toContain('data-colour="donkeroranje"');
    expect(html).toContain('Meer dan 10 ppt onder streefdoel');
    // The monitor dashboard shows the measured norm as a tile for the current year (2026).
    const analist = await loginClient(server.url, (await makeUser(db(), ['analist'])).username);
    const monitor = (await (await analist.get('/monitor')).text()).replace(/\u00a0/g, ' ');
    expect(monitor).toContain('Doorlooptijden gemeten in Trede, 2026');
    expect(monitor).toMatch(/66,7 %<\/p>/);
    expect(monitor).toContain('2 van 3 dossiers');
    // 2027 sees d3 (7 days, within) and compares with 2026.
    const next = await leadTimeReport(db(), actor, { year: 2027 });
    expect(next.norms.find((n) => n.normId === 'vop-ontvankelijk-7d')).toMatchObject({
      counted: 1,
      achieved: 100,
      previous: 66.67,
      changePoints: 33.33,
      colour: 'lichtgroen',
    });
  });
});
