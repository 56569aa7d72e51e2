/**
 * Reading an import file: CSV (streamed, one delimiter per file, quotes checked) or the first
 * worksheet of an XLSX file, as records of values by header name with their line numbers; and the
 * error a refused file raises (every bad row as `line N, column C: why`).
 */
import { Readable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse';
import { type FieldIssue, ValidationError } from '../domain/index.ts';

/** One record of the file: its line number and its values by header name. */
export interface ImportRecord {
  line: number;
  values: Record<string, string>;
}

export type ImportFormat = 'csv' | 'xlsx';

export interface ImportIssue {
  line: number;
  column: string;
  value: string;
  message: string;
}

export const formatIssue = (i: ImportIssue) => `line ${i.line}, column ${i.column}: ${i.message}`;

/** The file was refused: `issues` lists every bad row; nothing was written. */
export class ImportRejectedError extends ValidationError {
  constructor(readonly importIssues: ImportIssue[]) {
    const rows = new Set(importIssues.map((i) => i.line)).size;
    super(
      importIssues.map(
        // Each issue also carries line, column and value for programs reading the report.
        (i) =>
          ({
            path: `line ${i.line}, column ${i.column}`,
            message: i.message,
            line: i.line,
            column: i.column,
            value: i.value,
          }) as FieldIssue,
      ),
      `Het bestand bevat ${rows} ${rows === 1 ? 'foute rij' : 'foute rijen'}; er is niets ingelezen.`,
      'import_rejected',
    );
  }
}

export function formatFromName(fileName: string): ImportFormat | null {
  const ext = fileName.toLowerCase().split('.').pop();
  return ext === 'csv' ? 'csv' : ext === 'xlsx' ? 'xlsx' : null;
}

// ---- readers ---------------------------------------------------------------------------------

/**
 * Streams CSV records, UTF-8 with or without BOM. The delimiter (comma or semicolon) is the one of
 * the header line, and only that one: a row split by the other is refused with both named, and an
 * unbalanced quote is refused with its line (issue 16), instead of a crash in the parser.
 */
export async function* csvRecords(input: Readable): AsyncGenerator<ImportRecord> {
  const { headerLine, stream } = await peekFirstLine(input);
  const head = unquoted(headerLine.replace(/^\uFEFF/, ''));
  const delimiter: ',' | ';' = (head.match(/;/g)?.length ?? 0) > (head.match(/,/g)?.length ?? 0) ? ';' : ',';
  if (head.includes(',') && head.includes(';')) throw mixedDelimiters(1, delimiter);
  let header: string[] | null = null;
  const parser = stream.pipe(
    parseCsv({
      bom: true,
      info: true,
      raw: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      delimiter,
    }),
  );
  try {
    for await (const { record, info, raw } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
      raw: string;
    }>) {
      if (!header) {
        header = record.map((h) => h.trim().toLowerCase());
        yield { line: 0, values: Object.fromEntries(header.map((h) => [h, h])) };
        continue;
      }
      // In a comma file an unquoted ';' means a row written with the other delimiter. (In a
      // semicolon file a comma is ordinary text, e.g. a decimal comma, which the column check reports.)
      if (delimiter === ',' && unquoted(raw).includes(';')) throw mixedDelimiters(info.lines, delimiter);
      yield { line: info.lines, values: Object.fromEntries(header.map((h, i) => [h, record[i] ?? ''])) };
    }
  } catch (e) {
    throw csvError(e);
  }
}

/** A line with its quoted fields taken out: the delimiters that really split it remain. */
const unquoted = (raw: string) => raw.replace(/"(?:[^"]|"")*"?/g, '');

/** Reads up to the first line break (the header) and returns it with a stream of the whole input. */
async function peekFirstLine(input: Readable): Promise<{ headerLine: string; stream: Readable }> {
  const it = input[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  const chunks: Buffer[] = [];
  let size = 0;
  for (;;) {
    const r = await it.next();
    if (r.done) break;
    const chunk = typeof r.value === 'string' ? Buffer.from(r.value) : r.value;
    chunks.push(chunk);
    size += chunk.length;
    if (chunk.includes(10) || size > 1 << 16) break;
  }
  const first = Buffer.concat(chunks);
  const nl = first.indexOf(10);
  const headerLine = first.subarray(0, nl < 0 ? first.length : nl).toString('utf8');
  async function* rest() {
    yield first;
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      yield r.value;
    }
  }
  return { headerLine, stream: Readable.from(rest()) };
}

function mixedDelimiters(line: number, delimiter: ',' | ';'): ImportRejectedError {
  const other = delimiter === ',' ? ';' : ',';
  return new ImportRejectedError([
    {
      line,
      column: '-',
      value: '',
      message: `deze regel gebruikt het scheidingsteken '${other}', de kopregel '${delimiter}'; gebruik in het hele bestand één scheidingsteken ('${delimiter}'), of zet een waarde met '${other}' tussen aanhalingstekens`,
    },
  ]);
}

/** The parser's complaint as an import issue on its line. */
function csvError(e: unknown): Error {
  const err = e as { code?: string; lines?: number; message?: string };
  if (e instanceof ImportRejectedError) return e;
  if (typeof err?.code !== 'string' || !err.code.startsWith('CSV_')) return e as Error;
  const line = err.lines ?? 0;
  const message = /QUOTE/.test(err.code)
    ? 'een aanhalingsteken (") wordt niet gesloten of staat midden in een veld'
    : `het bestand is geen geldige CSV (${err.code})`;
  return new ImportRejectedError([{ line, column: '-', value: '', message }]);
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { text?: string; result?: unknown; richText?: { text: string }[] };
    if (o.richText) return o.richText.map((t) => t.text).join('');
    if (o.text !== undefined) return String(o.text);
    if (o.result !== undefined) return cellText(o.result);
    return '';
  }
  return String(v).trim();
}

/** Streams the rows of the first worksheet of an XLSX file. */
export async function* xlsxRecords(input: Readable): AsyncGenerator<ImportRecord> {
  // Loaded on first use: exceljs is large and most CLI calls never read a spreadsheet.
  const { default: ExcelJS } = await import('exceljs');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  try {
    yield* xlsxRows(reader);
  } catch (e) {
    if (e instanceof ImportRejectedError) throw e;
    // exceljs fails on anything that is no zip of worksheets; the user gave a wrong file.
    throw ValidationError.field(
      'file',
      'het bestand heet .xlsx maar is geen geldig Excel-rekenblad (XLSX); sla het op als XLSX of CSV',
      'invalid_spreadsheet',
    );
  }
}

async function* xlsxRows(reader: AsyncIterable<AsyncIterable<{ values: unknown; number: number }>>) {
  for await (const sheet of reader) {
    let header: string[] | null = null;
    for await (const row of sheet) {
      const cells = (row.values as unknown[]).slice(1).map(cellText);
      if (cells.every((c) => c === '')) continue;
      if (!header) {
        header = cells.map((h) => h.toLowerCase());
        yield { line: 0, values: Object.fromEntries(header.map((h) => [h, h])) };
        continue;
      }
      const values: Record<string, string> = {};
      header.forEach((h, i) => {
        let v = cells[i] ?? '';
        // Spreadsheets turn identifiers into numbers and drop their leading zeros.
        if (h === 'insz' && /^\d{1,10}$/.test(v)) v = v.padStart(11, '0');
        if (h === 'kbo' && /^\d{1,9}$/.test(v)) v = v.padStart(10, '0');
        values[h] = v;
      });
      yield { line: row.number, values };
    }
    return; // the first worksheet only
  }
}

export function recordsOf(format: ImportFormat, input: Readable): AsyncGenerator<ImportRecord> {
  return format === 'csv' ? csvRecords(input) : xlsxRecords(input);
}
