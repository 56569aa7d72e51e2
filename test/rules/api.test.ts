import { describe, expect, it } from 'vitest';
import { client, useTestServer } from '../support/http.ts';

describe('the rules API (public, no sign-in)', () => {
  const url = useTestServer();

  const api = () => client(url());
  const awi = { leeftijd: 40, maanden_werkzoekend: 26, maanden_in_dienst: 12 };

  it('lists the catalogue with sources and the ruleset version', async () => {
    const res = await api().get('/api/v1/measures');
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      ruleset: { version: string };
      measures: { id: string; sources: string[] }[];
    };
    expect(body.ruleset.version).toMatch(/^\d{4}\./);
    const awiEntry = body.measures.find((m) => m.id === 'aanwervingsincentive');
    expect(awiEntry?.sources.length).toBeGreaterThan(0);
  });

  it('shows one measure with its facts (types and units), parameters and sources', async () => {
    const res = await api().get('/api/v1/measures/aanwervingsincentive');
    expect(res.status).toBe(200);
    const m = (await res.json()) as {
      facts: { name: string; type: string; unit: string }[];
      parameters: { name: string; values: { valid_from: string; value: unknown; source: string }[] }[];
    };
    expect(m.facts.map((f) => [f.name, f.type, f.unit])).toEqual([
      ['leeftijd', 'integer', 'jaar'],
      ['maanden_werkzoekend', 'integer', 'maanden'],
      ['maanden_in_dienst', 'integer', 'maanden'],
    ]);
    expect(
      m.parameters.find((p) => p.name === 'max_leeftijd')?.values.map((v) => [v.valid_from, v.value]),
    ).toEqual([
      ['2017-01-01', 54],
      ['2020-01-01', 55],
    ]);
    expect((await api().get('/api/v1/measures/onbekend')).status).toBe(404);
  });

  it('gives the parameters on a date', async () => {
    const res = await api().get('/api/v1/measures/aanwervingsincentive/parameters?date=2020-06-01');
    const list = (await res.json()) as { name: string; value: unknown; valid_from: string }[];
    expect(list.find((p) => p.name === 'max_leeftijd')).toMatchObject({
      value: 55,
      valid_from: '2020-01-01',
    });
    expect((await api().get('/api/v1/measures/aanwervingsincentive/parameters?date=gisteren')).status).toBe(
      400,
    );
  });

  it('calculates with the contract shape: amount, eligibility, reasons, trace, sources', async () => {
    const res = await api().post('/api/v1/calculate', {
      measure: 'aanwervingsincentive',
      date: '2018-03-01',
      facts: awi,
    });
    expect(res.status).toBe(200);
    const r = (await res.json()) as Record<string, unknown>;
    expect(r).toMatchObject({
      measure: 'aanwervingsincentive',
      date: '2018-03-01',
      eligible: true,
      amount: 4250,
      currency: 'EUR',
    });
    expect(r.reasons).toEqual(
      expect.arrayContaining([expect.stringContaining('leeftijd bij aanwerving (40)')]),
    );
    expect(r.trace).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'parameter',
          name: 'tweede_schijf',
          value: 3000,
          valid_from: '2017-01-01',
        }),
      ]),
    );
    expect(r.sources).toEqual(expect.arrayContaining(['seeds/004_694cfc149f605398.txt:L3868']));
  });

  it('answers a bad fact with 400 naming facts.<name>, a measure without rule with 422', async () => {
    const bad = await api().post('/api/v1/calculate', {
      measure: 'aanwervingsincentive',
      date: '2018-03-01',
      facts: { ...awi, leeftijd: 'veertig' },
    });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { details: { path: string }[] } };
    expect(body.error.details.map((d) => d.path)).toEqual(['facts.leeftijd']);
    const none = await api().post('/api/v1/calculate', {
      measure: 'rsz-korting-langdurig-werklozen',
      date: '2018-03-01',
      facts: {},
    });
    expect(none.status).toBe(422);
    expect(((await none.json()) as { error: { code: string } }).error.code).toBe('not_modelled');
  });

  it('evaluates a reform side by side with the rules in force', async () => {
    const res = await api().post('/api/v1/calculate', {
      measure: 'aanwervingsincentive',
      date: '2019-03-01',
      facts: awi,
      reform: { overrides: [{ parameter: 'tweede_schijf', valid_from: '2019-01-01', value: 3500 }] },
    });
    const r = (await res.json()) as {
      amount: number;
      reform: { amount: number; trace: { name: string; reform?: boolean }[] };
      difference: number;
    };
    expect(r.amount).toBe(4250);
    expect(r.reform.amount).toBe(4750);
    expect(r.difference).toBe(500);
    expect(r.reform.trace.find((t) => t.name === 'tweede_schijf')?.reform).toBe(true);
  });

  it('simulates a population in batch with the same formula', async () => {
    const population = [awi, { ...awi, leeftijd: 60 }, { ...awi, maanden_in_dienst: 5 }];
    const res = await api().post('/api/v1/simulate', {
      measure: 'aanwervingsincentive',
      date: '2019-03-01',
      population,
      reform: { overrides: [{ parameter: 'max_leeftijd', valid_from: '2019-01-01', value: 64 }] },
    });
    expect(res.status).toBe(200);
    // baseline: 4.250 + 0 (60 > 54) + 1.250 = 5.500; reform: the 60-year-old qualifies too, +4.250
    expect(await res.json()).toMatchObject({
      persons: 3,
      baseline: { eligible: 2, total: 5500 },
      reform: { eligible: 3, total: 9750 },
      difference: 4250,
    });
  });

  it('answers a reform with an unknown parameter or a bad value with 400 and the field', async () => {
    const bad = [
      [{ parameter: 'bestaat_niet', valid_from: '2019-01-01', value: 1 }, 'reform.overrides.0.parameter'],
      [{ parameter: 'tweede_schijf', valid_from: '2019-01-01', value: 'veel' }, 'reform.overrides.0.value'],
    ] as const;
    for (const [override, path] of bad) {
      for (const endpoint of ['/api/v1/calculate', '/api/v1/simulate']) {
        const res = await api().post(endpoint, {
          measure: 'aanwervingsincentive',
          date: '2019-03-01',
          ...(endpoint.endsWith('calculate') ? { facts: awi } : { population: [awi] }),
          reform: { overrides: [override] },
        });
        expect(res.status, `${endpoint} ${path}`).toBe(400);
        const body = (await res.json()) as { error: { code: string; details: { path: string }[] } };
        expect(body.error.code).toBe('validation_failed');
        expect(body.error.details[0]!.path).toBe(path);
      }
    }
  });
});
