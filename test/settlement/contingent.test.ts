/**
 * The contingent on a yearly basis: one organisation below 90% and two above 95% (redistribution
 * order), exactly 95% (strictly more is required), and 2020 (rule suspended). Pure, plus the CLI
 * interface `registry import contingenten` → `settlement contingent --format json`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  AssumptionSet,
  contingentParams,
  contingentYear,
  defaultAssumptions,
} from '../../src/settlement/index.ts';
import { runCli } from '../support/process.ts';
import { inszFor, kboFor } from './support.ts';

const q = (contingent: number, ...employed: number[]) =>
  employed.map((e, i) => ({
    quarter: `Q${i + 1}`,
    contingent: contingent * 100,
    employed: Math.round(e * 100),
  }));
const orgs = [
  // 4 × 17 / 4 × 20 = 68/80 = 85% < 90% → cut to the filled 17,00: −3,00 VTE.
  { kbo: 'LOW', quarters: q(20, 17, 17, 17, 17) },
  // 39,8/40 = 99,5% > 95%.
  { kbo: 'HIGH-B', quarters: q(10, 10, 10, 10, 9.8) },
  // 20/20 = 100% > 95%: highest fill, served first.
  { kbo: 'HIGH-A', quarters: q(5, 5, 5, 5, 5) },
  // 38/40 = 95% exactly: not "meer dan 95%".
  { kbo: 'EDGE', quarters: q(10, 9.5, 9.5, 9.5, 9.5) },
];

describe('contingent year', () => {
  it('cuts below 90% and hands out the freed VTE one by one, highest fill first', async () => {
    const p = await contingentParams(2024);
    const r = contingentYear({
      year: 2024,
      organisations: orgs,
      ...p,
      assumptions: new AssumptionSet(defaultAssumptions()),
    });
    const o = Object.fromEntries(r.organisations.map((x) => [x.kbo, x]));
    expect(o.LOW).toEqual({
      kbo: 'LOW',
      contingent_vte: 20,
      filled_vte: 17,
      fill_rate: 0.85,
      reduction_vte: 3,
      received_vte: 0,
    });
    // Pool 3,00 → three VTE in turns: HIGH-A (100%), HIGH-B (99,5%), HIGH-A again.
    expect(o['HIGH-A']).toMatchObject({ fill_rate: 1, received_vte: 2 });
    expect(o['HIGH-B']).toMatchObject({ filled_vte: 9.95, fill_rate: 0.995, received_vte: 1 });
    expect(o.EDGE).toMatchObject({ fill_rate: 0.95, reduction_vte: 0, received_vte: 0 });
    expect(r).toMatchObject({
      reduced_vte: 3,
      redistributed_vte: 3,
      not_redistributed_vte: 0,
      effective: '2025-Q3',
    });
  });

  it('2020: the 90% rule is suspended, no cut and no redistribution', async () => {
    const p = await contingentParams(2020);
    expect(p.suspended).toBe(true);
    const r = contingentYear({
      year: 2020,
      organisations: orgs,
      ...p,
      assumptions: new AssumptionSet(defaultAssumptions()),
    });
    expect(r.organisations.map((x) => [x.kbo, x.fill_rate, x.reduction_vte, x.received_vte])).toEqual([
      ['LOW', 0.85, 0, 0],
      ['HIGH-B', 0.995, 0, 0],
      ['HIGH-A', 1, 0, 0],
      ['EDGE', 0.95, 0, 0],
    ]);
    expect(r).toMatchObject({ reduced_vte: 0, redistributed_vte: 0, suspended: true });
  });
});

describe('npx trede settlement contingent', { timeout: 240_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'trede-contingent-cli-'));
  const env = { TREDE_DATA_DIR: join(dir, 'db') };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, content: string) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  const [K1, K2] = [kboFor(501), kboFor(502)];

  it('imports contingents and reports the year as JSON', async () => {
    const cli = (...args: string[]) => runCli(args, env);
    expect(
      (
        await cli(
          'registry',
          'import',
          'organisaties',
          file(
            'o.csv',
            `kbo,naam,type,nis_code\n${K1},Een,maatwerkbedrijf,44021\n${K2},Twee,maatwerkbedrijf,44021\n`,
          ),
        )
      ).code,
    ).toBe(0);
    expect(
      (
        await cli(
          'registry',
          'import',
          'personen',
          file('p.csv', `insz,voornaam,achternaam\n${inszFor(601)},A,A\n`),
        )
      ).code,
    ).toBe(0);
    const pl = file(
      'pl.csv',
      `insz,kbo,maatregel,start,einde,vte,uren_per_week\n${inszFor(601)},${K2},collectief-maatwerk,2024-01-01,,1,38\n`,
    );
    expect((await cli('registry', 'import', 'plaatsingen', pl)).code).toBe(0);
    const bad = await cli(
      'registry',
      'import',
      'contingenten',
      file('bad.csv', `kbo,maatregel,kwartaal,vte\n${K1},collectief-maatwerk,2024-1,2\n`),
    );
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('line 2, column kwartaal');
    const rows = [1, 2, 3, 4].flatMap((n) => [
      `${K1},collectief-maatwerk,2024-Q${n},2`,
      `${K2},collectief-maatwerk,2024-Q${n},1`,
    ]);
    const ok = await cli(
      'registry',
      'import',
      'contingenten',
      file('c.csv', ['kbo,maatregel,kwartaal,vte', ...rows].join('\n')),
      '--format',
      'json',
    );
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ kind: 'contingenten', rows: 8, inserted: 8 });

    const r = await cli(
      'settlement',
      'contingent',
      'collectief-maatwerk',
      '--year',
      '2024',
      '--format',
      'json',
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    // K1 employs nobody: 0/8 → 0%, cut 2,00 − 0,00 = 2,00 VTE; K2 fills 4/4 = 100% → receives both VTE.
    expect(out).toMatchObject({ year: 2024, reduced_vte: 2, redistributed_vte: 2 });
    const byKbo = Object.fromEntries(out.organisations.map((o: { kbo: string }) => [o.kbo, o]));
    expect(byKbo[K1]).toEqual({
      kbo: K1,
      contingent_vte: 2,
      filled_vte: 0,
      fill_rate: 0,
      reduction_vte: 2,
      received_vte: 0,
    });
    expect(byKbo[K2]).toEqual({
      kbo: K2,
      contingent_vte: 1,
      filled_vte: 1,
      fill_rate: 1,
      reduction_vte: 0,
      received_vte: 2,
    });
  });
});
