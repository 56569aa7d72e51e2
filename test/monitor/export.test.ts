import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  checkReference,
  computedTable,
  ladderCsv,
  monitorXlsx,
  referenceLadder,
} from '../../src/monitor/index.ts';

describe('monitor exports', () => {
  it('writes an XLSX laid out like the annex: one sheet per table, Dutch number formats', async () => {
    const ladder = await referenceLadder(2019, 'west-vlaanderen');
    const buf = await monitorXlsx({ ladder, table: await computedTable(), check: await checkReference() });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Ladder 2019', 'Tabel 39', 'Controle']);
    const t39 = wb.getWorksheet('Tabel 39') as ExcelJS.Worksheet;
    // Row 5 = the first table row (trede 5); the last row = the total, WVL 2019 in column 8.
    expect(t39.getRow(5).getCell(1).value).toBe('TREDE 5 - Betaald werk met ondersteuning');
    const last = t39.getRow(t39.rowCount);
    expect(last.getCell(8).value).toBe(63552);
    expect(last.getCell(8).numFmt).toBe('#,##0');
    // Growth 2018-2019 WVL (column 3 + 12 + 6 + 2 = 23): 63,551.8 / 57,461.6 − 1 = +10.6 %.
    expect(last.getCell(23).value).toBe(10.6);
    const controle = wb.getWorksheet('Controle') as ExcelJS.Worksheet;
    expect(controle.rowCount).toBe(1 + 13 + 6);
  });

  it('writes CSV with semicolons and a decimal comma', async () => {
    const csv = ladderCsv(await referenceLadder(2019, 'west-vlaanderen'));
    expect(csv.split('\r\n')[0]).toBe(
      'jaar;regio;soort;id;omschrijving;trede;personen;gewicht;meegeteld;status;bron',
    );
    expect(csv).toContain('2019;west-vlaanderen;trede;trede-5;Trede 5;5;51901;;51900,8;;');
    expect(csv).toContain(
      '2019;west-vlaanderen;maatregel;maatwerkbedrijf-ex-bw;Maatwerkbedrijven - beschutte werkplaatsen;5;;1;;geen waarde;',
    );
  });
});
