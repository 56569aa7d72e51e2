/**
 * The calculation contract for the measures of the work-and-care and entrepreneurship track
 * (ama-wse, ama, activeringstraject, starterslabo, transitiepremie): `npx trede calc` and
 * POST /api/v1/calculate answer with the same JSON shape and the same exact amounts.
 *
 * Amounts (hand calculations, see each measure's tests.yaml for the seed lines):
 * - ama-wse: 12 h/week in a maatwerkbedrijf → 2.650 euro per year; 11 h → not eligible.
 * - ama: 40 years, MMPPS, permission → 12 × 70 = 840 euro; 65 years → not eligible.
 * - activeringstraject: 800 + 800 + 2.800 = 4.400 euro; start before 1/7/2018 → not in force.
 * - starterslabo: 300 × 130 + 250 × 168,89 + 11.505 + 20 × 710 = 106.927,50 euro; 2018 → not in force.
 * - transitiepremie: 50 years in 2019 → 15.600 euro; 44 years on 1/5/2021 → 15.600 × 0,5 = 7.800;
 *   a start in bijberoep → not eligible.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDb } from '../support/db.ts';
import { makeUser } from '../support/factories.ts';
import { type ApiClient, client, loginClient, startTestServer, type TestServer } from '../support/http.ts';
import { runCli } from '../support/process.ts';

interface Case {
  measure: string;
  date: string;
  facts: Record<string, unknown>;
  eligible: boolean;
  amount: number;
  period: string;
  /** Trace entries (by name) and their value; a condition's value is whether it holds. */
  trace?: Record<string, unknown>;
  /** Text one of the reasons contains. */
  reason?: string;
}

const CASES: Case[] = [
  {
    measure: 'ama-wse',
    date: '2022-06-01',
    facts: { uren_per_week: 12, in_maatwerkbedrijf: true },
    eligible: true,
    amount: 2650,
    period: 'per jaar',
    trace: { subsidie_per_jaar: 2650, minstens_12_uur: true },
  },
  {
    measure: 'ama-wse',
    date: '2022-06-01',
    facts: { uren_per_week: 11, in_maatwerkbedrijf: true },
    eligible: false,
    amount: 0,
    period: 'per jaar',
    trace: { minstens_12_uur: false },
    reason: '11 uur per week actief, minstens 12 uur vereist',
  },
  {
    measure: 'ama',
    date: '2019-05-01',
    facts: { leeftijd: 40, betaald_werk_niet_mogelijk: true, toelating_uitkeringsinstantie: true },
    eligible: true,
    amount: 840,
    period: 'per jaar',
    trace: { bedrag_per_maand: 70, maanden_begeleid: 12, subsidie: 840 },
  },
  {
    measure: 'ama',
    date: '2019-05-01',
    facts: { leeftijd: 65, betaald_werk_niet_mogelijk: true, toelating_uitkeringsinstantie: true },
    eligible: false,
    amount: 0,
    period: 'per jaar',
    reason: 'leeftijd 65 ligt tussen 18 en 64 jaar',
  },
  {
    measure: 'activeringstraject',
    date: '2019-03-01',
    facts: {},
    eligible: true,
    amount: 4400,
    period: 'per traject',
    trace: {
      deel_casemanager_zorg: 800,
      deel_casemanager_werk: 800,
      deel_netwerk: 2800,
      ten_laste_van_welzijn: 2200,
      ten_laste_van_wse: 2200,
    },
  },
  {
    measure: 'activeringstraject',
    date: '2018-06-30',
    facts: {},
    eligible: false,
    amount: 0,
    period: 'per traject',
    reason: 'geldt pas vanaf 1 juli 2018',
  },
  {
    measure: 'starterslabo',
    date: '2019-09-01',
    facts: { maanden_niet_doelgroep: 300, maanden_doelgroep: 250, ko_facturatiefase: 20 },
    eligible: true,
    amount: 106927.5,
    period: 'per jaar',
    trace: { deel_niet_doelgroep: 39000, deel_doelgroep: 42222.5, deel_facturatiefase: 14200 },
  },
  {
    measure: 'starterslabo',
    date: '2018-12-31',
    facts: { maanden_niet_doelgroep: 300, maanden_doelgroep: 250, ko_facturatiefase: 20 },
    eligible: false,
    amount: 0,
    period: 'per jaar',
    reason: 'geldt pas vanaf 1 januari 2019',
  },
  {
    measure: 'transitiepremie',
    date: '2019-06-01',
    facts: { leeftijd: 50, traject_voltooid: true, hoofdberoep: true, maanden_tot_aanvraag: 1 },
    eligible: true,
    amount: 15600,
    period: 'totaal',
    trace: { eerste_maand: 1000, per_maand_laatste_kwartaal: 300 },
  },
  {
    measure: 'transitiepremie',
    date: '2021-05-01',
    facts: { leeftijd: 44, traject_voltooid: true, hoofdberoep: true, maanden_tot_aanvraag: 2 },
    eligible: true,
    amount: 7800,
    period: 'totaal',
    trace: { aandeel: 0.5, overgang_45_plus: false },
  },
  {
    measure: 'transitiepremie',
    date: '2023-02-01',
    facts: { leeftijd: 35, traject_voltooid: true, hoofdberoep: false, maanden_tot_aanvraag: 1 },
    eligible: false,
    amount: 0,
    period: 'totaal',
    reason: 'in bijberoep start, heeft geen recht',
  },
];

const KEYS = [
  'amount',
  'currency',
  'date',
  'eligible',
  'measure',
  'outputs',
  'period',
  'reasons',
  'ruleset',
  'sources',
  'trace',
];

type Result = Record<string, unknown> & {
  trace: { kind: string; name: string; value?: unknown; holds?: boolean }[];
};

function assertContract(r: Result, c: Case): void {
  expect(Object.keys(r).sort()).toEqual(KEYS);
  expect(r).toMatchObject({
    measure: c.measure,
    date: c.date,
    eligible: c.eligible,
    amount: c.amount,
    currency: 'EUR',
    period: c.period,
  });
  expect(Array.isArray(r.reasons)).toBe(true);
  for (const reason of r.reasons as unknown[]) expect(typeof reason).toBe('string');
  if (!c.eligible) expect((r.reasons as string[]).length).toBeGreaterThan(0);
  if (c.reason)
    expect(
      (r.reasons as string[]).some((s) => s.includes(c.reason!)),
      JSON.stringify(r.reasons),
    ).toBe(true);
  expect(r.trace.length).toBeGreaterThan(0);
  for (const t of r.trace)
    expect(t).toEqual(expect.objectContaining({ kind: expect.any(String), name: expect.any(String) }));
  for (const [name, value] of Object.entries(c.trace ?? {})) {
    const hit = r.trace.filter((t) => t.name === name).at(-1);
    expect(hit, `trace '${name}'`).toBeDefined();
    expect(hit!.kind === 'condition' ? hit!.holds : hit!.value, `trace '${name}'`).toEqual(value);
  }
  const sources = r.sources as string[];
  expect(sources.length).toBeGreaterThan(0);
  for (const s of sources) expect(s).toMatch(/^seeds\/\d{3}_[0-9a-f]+\.txt:L\d+(-\d+)?$/);
  expect(r.ruleset).toEqual({
    version: expect.stringMatching(/^\d{4}\.\d+\.\d+$/),
    hash: expect.stringMatching(/^[0-9a-f]{64}$/),
  });
}

const label = (c: Case) => `${c.measure} op ${c.date}: ${c.eligible ? c.amount : 'geen recht'}`;

/** The CLI's JSON per case, kept to compare with the API's answer. */
const fromCli = new Map<Case, Result>();

/** One process per measure (each start costs seconds); the API covers every case. */
const CLI_CASES = CASES.filter((c, i) => CASES.findIndex((d) => d.measure === c.measure) === i);

describe('trede calc (a real process) answers with the calculation contract', () => {
  it('runs one case of each of the five measures', () => {
    expect(CLI_CASES.map((c) => c.measure)).toEqual([
      'ama-wse',
      'ama',
      'activeringstraject',
      'starterslabo',
      'transitiepremie',
    ]);
  });
  for (const c of CLI_CASES) {
    it(label(c), async () => {
      const res = await runCli(
        ['calc', c.measure, '--date', c.date, '--input', '-', '--format', 'json'],
        {},
        JSON.stringify(c.facts),
      );
      expect(res.code, res.stderr).toBe(0);
      const r = JSON.parse(res.stdout) as Result;
      assertContract(r, c);
      fromCli.set(c, r);
    }, 60_000);
  }
});

describeEachDb('POST /api/v1/calculate answers with the calculation contract', ({ db }) => {
  let server: TestServer;
  let session: ApiClient;
  beforeAll(async () => {
    server = await startTestServer(db());
    const u = await makeUser(db(), ['analist']);
    session = await loginClient(server.url, u.username);
  });
  afterAll(() => server.close());

  for (const c of CASES) {
    it(label(c), async () => {
      const res = await session.post('/api/v1/calculate', {
        measure: c.measure,
        date: c.date,
        facts: c.facts,
      });
      expect(res.status).toBe(200);
      const r = (await res.json()) as Result;
      assertContract(r, c);
      const cli = fromCli.get(c);
      if (cli) expect(r).toEqual(cli);
    });
  }

  it('refuses a wrongly typed fact with 400 naming the fact', async () => {
    const res = await client(server.url).post('/api/v1/calculate', {
      measure: 'ama-wse',
      date: '2022-06-01',
      facts: { uren_per_week: 'twaalf', in_maatwerkbedrijf: true },
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { details: { path: string }[] } };
    expect(body.error.details.map((d) => d.path)).toEqual(['facts.uren_per_week']);
  });

  it('refuses a missing required fact of the transitiepremie with 400', async () => {
    const res = await session.post('/api/v1/calculate', {
      measure: 'transitiepremie',
      date: '2019-06-01',
      facts: { leeftijd: 50, traject_voltooid: true, hoofdberoep: true },
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { details: { path: string; message: string }[] } };
    expect(body.error.details).toEqual([{ path: 'facts.maanden_tot_aanvraag', message: 'ontbreekt' }]);
  });
});
