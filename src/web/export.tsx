/**
 * Downloads under every list: the same columns as the table on the page (their nl-BE labels as
 * headers), all rows that match the filters (not only the page shown), as CSV or XLSX
 * (src/domain/table-export.ts). A list answers `?formaat=csv|xlsx` with the file.
 */
import type { Cell, DownloadTable } from '../domain/index.ts';
import type { Column } from './components/table.tsx';
import { type WebContext, withQuery } from './context.ts';

export type ExportFormat = 'csv' | 'xlsx';

/** `csv` or `xlsx` when the request asks for a download, else undefined. */
export function exportFormat(c: WebContext): ExportFormat | undefined {
  const f = c.req.query('formaat');
  return f === 'csv' || f === 'xlsx' ? f : undefined;
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  '#39': "'",
  nbsp: '\u00a0',
};

/** A rendered cell (string, number or JSX) as plain text. */
async function cellText(v: unknown): Promise<string> {
  if (v === null || v === undefined || v === false) return '';
  if (typeof v === 'number' || typeof v === 'string') return String(v);
  if (Array.isArray(v)) return (await Promise.all(v.map(cellText))).join('');
  const html = await Promise.resolve((v as { toString(): string | Promise<string> }).toString());
  return String(html)
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, e: string) => ENTITIES[e] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}

export async function buildExport<T>(
  name: string,
  title: string,
  columns: Column<T>[],
  rows: T[],
): Promise<DownloadTable> {
  const cols = columns.filter((col) => !col.noExport);
  const out: Cell[][] = [];
  for (const row of rows) {
    out.push(await Promise.all(cols.map((col) => (col.value ? col.value(row) : cellText(col.render(row))))));
  }
  return {
    name,
    title,
    columns: cols.map((col) => ({ header: col.label, kind: col.kind ?? 'text' })),
    rows: out,
  };
}

/** A list's download: the same response as every other table download. */
export { sendTable as exportResponse } from './downloads.ts';

/** Most rows one download holds; a list beyond it says so under the links. */
export const EXPORT_LIMIT = 10_000;

/** Every page of a paged list, up to EXPORT_LIMIT rows. */
export async function allPages<T>(
  load: (page: number, pageSize: number) => Promise<{ items: T[]; total: number }>,
): Promise<T[]> {
  const pageSize = 500;
  const rows: T[] = [];
  for (let page = 1; rows.length < EXPORT_LIMIT; page++) {
    const p = await load(page, pageSize);
    rows.push(...p.items);
    if (p.items.length < pageSize || rows.length >= p.total) break;
  }
  return rows.slice(0, EXPORT_LIMIT);
}

/** The download links under a table: the current URL (filters, sort) with `formaat`. */
export function ExportLinks(p: { c: WebContext; label: string }) {
  return (
    <p class="downloads no-print">
      <a href={withQuery(p.c, { formaat: 'csv', page: undefined })} download>
        Download {p.label} (CSV)
      </a>{' '}
      <a href={withQuery(p.c, { formaat: 'xlsx', page: undefined })} download>
        Download {p.label} (XLSX)
      </a>
    </p>
  );
}
