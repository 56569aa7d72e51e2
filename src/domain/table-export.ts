/**
 * One table, two downloads: CSV (`;` separated, nl-BE decimal comma, for Excel in Belgium) and
 * XLSX (numbers stay numbers, with a number format that a Dutch (Belgian) Excel shows with
 * thousands dots and a decimal comma). Used by the budget tables and by every list in the web app.
 */

/** `number`: shown as Excel's General. */
export type CellKind = 'text' | 'euro' | 'euro-cents' | 'percent' | 'number';
export type Cell = string | number | null;
export interface DownloadTable {
  /** File name without extension. */
  name: string;
  title: string;
  columns: { header: string; kind: CellKind }[];
  rows: Cell[][];
}

export function toCsv(header: string[], rows: Cell[][]): string {
  const cell = (v: Cell) => {
    const t = v === null ? '' : typeof v === 'number' ? String(v).replace('.', ',') : v;
    return /[;"\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
  };
  return `${[header, ...rows].map((r) => r.map(cell).join(';')).join('\r\n')}\r\n`;
}

export function tableCsv(t: DownloadTable): string {
  return toCsv(
    t.columns.map((c) => c.header),
    t.rows,
  );
}

/** Excel number formats; the locale of the reader's Excel (nl-BE) shows `.` thousands and `,` decimals. */
const NUMBER_FORMAT: Record<CellKind, string | undefined> = {
  text: undefined,
  euro: '#,##0',
  'euro-cents': '#,##0.00',
  percent: '0.0',
  number: undefined,
};

export async function tableXlsx(t: DownloadTable, creator = 'Trede'): Promise<Buffer> {
  // Loaded on first use: exceljs is large and most requests never need it.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = creator;
  const ws = wb.addWorksheet(t.name.slice(0, 31));
  ws.addRow([t.title]).font = { bold: true };
  ws.addRow([]);
  ws.addRow(t.columns.map((c) => c.header)).font = { bold: true };
  for (const r of t.rows) ws.addRow(r);
  t.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    const fmt = NUMBER_FORMAT[c.kind];
    if (fmt) col.numFmt = fmt;
    col.width = c.kind === 'text' ? 24 : 16;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
