/**
 * CLI output: a human table by default, `--format json` for scripts (stdout only). Errors go to
 * stderr with a non-zero exit code and say what is wrong and where.
 */
import { isDomainError, ValidationError } from '../domain/index.ts';

export type Format = 'table' | 'json' | 'csv' | 'xlsx';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

export const processIo: Io = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
};

export interface TableColumn<T> {
  header: string;
  value: (row: T) => string | number | null | undefined;
  align?: 'right';
}

export function renderTable<T>(rows: T[], columns: TableColumn<T>[]): string {
  const cells = rows.map((r) => columns.map((c) => formatCell(c.value(r))));
  const widths = columns.map((c, i) => Math.max(c.header.length, ...cells.map((row) => row[i]!.length)));
  const line = (values: string[]) =>
    values
      .map((v, i) => (columns[i]!.align === 'right' ? v.padStart(widths[i]!) : v.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return (
    [line(columns.map((c) => c.header)), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join(
      '\n',
    ) + '\n'
  );
}

function formatCell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '–';
  return String(v);
}

export function printJson(io: Io, value: unknown): void {
  io.out(`${JSON.stringify(value, null, 2)}\n`);
}

/** Exit codes: 1 = refused or failed, 2 = invalid input or usage. */
export function reportError(io: Io, e: unknown): number {
  if (e instanceof AlreadyReported) return e.exitCode;
  if (e instanceof ValidationError) {
    io.err(
      `Fout: ongeldige invoer.\n${e.issues.map((i) => `  ${i.path ? `${i.path}: ` : ''}${i.message}`).join('\n')}\n`,
    );
    return 2;
  }
  if (isDomainError(e)) {
    io.err(`Fout (${e.code}): ${e.message}\n`);
    return 1;
  }
  if (e instanceof CliUsageError) {
    io.err(`Fout: ${e.message}\n`);
    return 2;
  }
  io.err(`Fout: ${(e as Error)?.message ?? String(e)}\n`);
  return 1;
}

export class CliUsageError extends Error {}

/** The command printed its own error report on stderr; only the exit code remains. */
export class AlreadyReported extends Error {
  constructor(readonly exitCode: number) {
    super('al gemeld');
  }
}

/** `--format json` prints `json` (the rows unless given); otherwise the rows as a table. */
export function printRows<T>(
  io: Io,
  format: string,
  rows: T[],
  columns: TableColumn<T>[],
  json: unknown = rows,
): void {
  if (format === 'json') printJson(io, json);
  else io.out(renderTable(rows, columns));
}

/** One page of a list: as JSON, or a table followed by "n van total". */
export function printPage<T>(
  io: Io,
  format: string,
  page: { items: T[]; total: number },
  columns: TableColumn<T>[],
): void {
  if (format === 'json') {
    printJson(io, page);
    return;
  }
  io.out(renderTable(page.items, columns));
  io.out(`${page.items.length} van ${page.total}\n`);
}
