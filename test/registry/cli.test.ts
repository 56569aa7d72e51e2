import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/process.ts';
import { inszFor } from './support.ts';

// Each CLI call is a fresh process (migrations, catalogue): allow time on a busy machine.
describe('npx trede registry import', { timeout: 240_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'trede-reg-cli-'));
  const env = { TREDE_DATA_DIR: join(dir, 'db') };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, content: string) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };

  it('prints every bad row as `line N, column C: why` on stderr, exits non-zero and writes nothing', async () => {
    const path = file(
      'org-bad.csv',
      [
        'kbo,naam,type,nis_code',
        '0123456749,Maatwerk Brugge,maatwerkbedrijf,31005',
        '0123.456.748,Fout KBO,andere,31005',
        '0203201340,LDE Gent,lde-initiatief,4402',
      ].join('\n'),
    );
    const r = await runCli(['registry', 'import', 'organisaties', path], env);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    const lines = r.stderr.split('\n').filter((l) => l.startsWith('line '));
    expect(lines).toEqual([
      "line 3, column kbo: ongeldig KBO-nummer '0123.456.748': het controlegetal (laatste twee cijfers) klopt niet",
      "line 4, column nis_code: '4402' is geen NIS-code; een NIS-code telt 5 cijfers",
    ]);
    const list = await runCli(['registry', 'organisations', 'list', '--format', 'json'], env);
    expect(JSON.parse(list.stdout)).toMatchObject({ total: 0 });
  });

  it('imports CSV and XLSX, a re-import changes nothing, and lists in JSON', async () => {
    const orgs = file(
      'org.csv',
      'kbo,naam,type,nis_code\n0123456749,Maatwerk Brugge,maatwerkbedrijf,31005\n0203201340,LDE Gent,lde-initiatief,44021\n',
    );
    const first = await runCli(['registry', 'import', 'organisaties', orgs, '--format', 'json'], env);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({
      kind: 'organisaties',
      rows: 2,
      inserted: 2,
      updated: 0,
      unchanged: 0,
    });
    const again = await runCli(['registry', 'import', 'organisaties', orgs, '--format', 'json'], env);
    expect(JSON.parse(again.stdout)).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('personen');
    ws.addRow(['insz', 'voornaam', 'achternaam']);
    ws.addRow([inszFor(1), 'An', 'Aerts']);
    ws.addRow([inszFor(2), 'Bo', 'Bosmans']);
    const xlsx = join(dir, 'personen.xlsx');
    await wb.xlsx.writeFile(xlsx);
    const persons = await runCli(['registry', 'import', 'personen', xlsx], env);
    expect(persons.code).toBe(0);
    expect(persons.stdout).toContain('2 rijen ingelezen (personen): 2 nieuw');

    const placements = file(
      'pl.csv',
      `insz,kbo,maatregel,start,einde,vte,uren_per_week\n${inszFor(1)},0123456749,collectief-maatwerk,2025-01-01,,0.8,30.4\n${inszFor(2)},0203201340,lde,2025-02-01,2025-12-31,0.5,19\n`,
    );
    expect((await runCli(['registry', 'import', 'plaatsingen', placements], env)).code).toBe(0);
    const list = await runCli(['registry', 'placements', 'list', '--format', 'json'], env);
    const page = JSON.parse(list.stdout) as { total: number; items: { measure: string; fte: number }[] };
    expect(page.total).toBe(2);
    expect(page.items.map((p) => [p.measure, p.fte]).sort()).toEqual([
      ['collectief-maatwerk', 0.8],
      ['lde', 0.5],
    ]);
    const help = await runCli(['registry', 'import', '--help'], env);
    expect(help.stdout).toContain('insz,kbo,maatregel,start,einde,vte,uren_per_week');
  });
});
