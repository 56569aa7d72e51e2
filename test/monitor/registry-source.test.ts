/**
 * The import contract end to end: organisations, persons and placements imported with the CLI,
 * then `trede monitor ladder --source registry` counts them on each measure's catalogue basis,
 * in the region of the organisation's municipality. The expected figures are counted by hand.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inszFor } from '../registry/support.ts';
import { kboFor } from '../support/factories.ts';
import { runCli } from '../support/process.ts';

describe('the ladder computed from registry placements', { timeout: 240_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'trede-mon-reg-'));
  const env = { TREDE_DATA_DIR: join(dir, 'db') };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, lines: string[]) => {
    const path = join(dir, name);
    writeFileSync(path, lines.join('\n'));
    return path;
  };

  it('imports the three files and counts persons per measure as a hand count does', async () => {
    const brugge = kboFor(31_005);
    const gent = kboFor(44_021);
    const p = [1, 2, 3, 4, 5].map((n) => inszFor(n));
    const imports: [string, string][] = [
      [
        'organisaties',
        file('org.csv', [
          'kbo,naam,type,nis_code',
          `${brugge},Maatwerk Brugge,maatwerkbedrijf,31005`,
          `${gent},Maatwerk Gent,maatwerkbedrijf,44021`,
        ]),
      ],
      [
        'personen',
        file('pers.csv', ['insz,voornaam,achternaam', ...p.map((insz, i) => `${insz},P${i + 1},Test`)]),
      ],
      [
        'plaatsingen',
        file('plaats.csv', [
          'insz,kbo,maatregel,start,einde,vte,uren_per_week',
          `${p[0]},${brugge},maatwerkbedrijf-ex-bw,2018-01-01,,1,38`, // at work on 31/12/2019: counts
          `${p[1]},${brugge},maatwerkbedrijf-ex-bw,2019-03-01,2019-06-30,1,38`, // gone by 31/12: not counted
          `${p[2]},${gent},maatwerkbedrijf-ex-bw,2018-01-01,,1,38`, // Oost-Vlaanderen: not in the region
          `${p[3]},${brugge},sine,2019-01-01,2019-12-31,0.5,19`, // the whole year: 365/365
          `${p[4]},${brugge},sine,2019-07-02,,1,38`, // 2 July - 31 December: 183/365
        ]),
      ],
    ];
    for (const [kind, path] of imports) {
      const r = await runCli(['registry', 'import', kind, path], env);
      expect(r.code, r.stderr).toBe(0);
    }
    const r = await runCli(
      [
        'monitor',
        'ladder',
        '--year',
        '2019',
        '--region',
        'west-vlaanderen',
        '--source',
        'registry',
        '--format',
        'json',
      ],
      env,
    );
    expect(r.code, r.stderr).toBe(0);
    const ladder = JSON.parse(r.stdout) as {
      year: number;
      region: string;
      total: number;
      measures: { measure: string; value: number | null }[];
    };
    expect(ladder).toMatchObject({ year: 2019, region: 'west-vlaanderen' });
    const value = (id: string) => ladder.measures.find((m) => m.measure === id)?.value;
    // Snapshot on 31/12/2019: only the first person.
    expect(value('maatwerkbedrijf-ex-bw')).toBe(1);
    // Yearly average: (365 + 183) / 365 = 1,5014 persons, printed as 2 (rounded only at output).
    expect(value('sine')).toBe(2);
    // The ladder adds SINE at 40 %: 1 + 0.4 × 1.5014 = 1.6005 → 2 places once rounded at output.
    expect(ladder.total).toBe(2);
  });
});
