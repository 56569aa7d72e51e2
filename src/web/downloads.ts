/**
 * One way for every web page to offer a table as CSV (`;`, nl-BE decimals, BOM for Excel) and as
 * XLSX (numbers stay numbers), from the one table definition and writers of src/domain/table-export.ts.
 */
import type { Context } from 'hono';
import { type CellKind, type DownloadTable, tableCsv, tableXlsx } from '../domain/index.ts';

export type { CellKind, DownloadTable };

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** `name.csv` or `name.xlsx` → the table's name and format; null for anything else. */
export function parseDownload(file: string): { name: string; format: 'csv' | 'xlsx' } | null {
  const m = /^([a-z-]+)\.(csv|xlsx)$/.exec(file);
  return m ? { name: m[1]!, format: m[2] as 'csv' | 'xlsx' } : null;
}

export async function sendTable(c: Context, t: DownloadTable, format: 'csv' | 'xlsx'): Promise<Response> {
  if (format === 'csv')
    return c.body(`\ufeff${tableCsv(t)}`, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${t.name}.csv"`,
    });
  return c.body(new Uint8Array(await tableXlsx(t)), 200, {
    'content-type': XLSX_TYPE,
    'content-disposition': `attachment; filename="${t.name}.xlsx"`,
  });
}
