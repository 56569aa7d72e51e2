/** The field checks every import kind shares: decimals (a point, never a comma), dates, KBO numbers. */
import { isIsoDate, money, parseKbo } from '../domain/index.ts';
import { type ImportIssue, type ImportRecord, ImportRejectedError } from './import-readers.ts';

export type Err = (column: string, message: string) => void;

const DECIMAL = /^\d+(\.\d+)?$/;

export function decimal(
  v: string,
  column: string,
  err: Err,
  opts: { min?: number; gtZero?: boolean; max: number; label: string },
) {
  if (!DECIMAL.test(v)) {
    err(column, `'${v}' is geen getal: het decimaalteken is een punt (bv. 0.5), geen komma`);
    return null;
  }
  const n = Number(v);
  if (opts.gtZero && n <= 0) err(column, `${opts.label} moet groter zijn dan 0`);
  else if (n > opts.max) err(column, `${opts.label} is hoogstens ${opts.max}`);
  else return n;
  return null;
}

export function date(v: string, column: string, err: Err): string | null {
  if (!isIsoDate(v)) {
    err(column, `'${v}' is geen geldige datum; gebruik JJJJ-MM-DD, bv. 2024-01-31`);
    return null;
  }
  return v;
}

export function kbo(v: string, err: Err): string | null {
  const r = parseKbo(v);
  if (!r.ok) {
    err('kbo', `ongeldig KBO-nummer '${v}': ${r.reason}`);
    return null;
  }
  return r.value;
}

/** An amount in euros as cents (src/domain/money.ts: at most two decimals), or null when it is no non-negative amount. */
export function euroCents(text: string): number | null {
  if (text.trim().startsWith('-')) return null;
  try {
    return money.euros(text);
  } catch {
    return null;
  }
}

/** A row that passed its checks, with its line in the file and, once resolved, the id it refers to. */
export interface CheckedRow<R> {
  line: number;
  row: R;
  ref?: string | undefined;
}

/**
 * Reads an import's records once, for every kind alike: the header must hold the required columns
 * (else the file is refused at once), each row is checked by `check` (its issues go to `issues`),
 * and a row whose natural key came earlier in the file is refused as a duplicate. An empty file is
 * refused.
 */
export async function checkedRows<R>(
  records: AsyncIterable<ImportRecord>,
  required: readonly string[],
  issues: ImportIssue[],
  rule: {
    check: (values: Record<string, string>, err: Err) => R | null;
    key: (row: R) => string;
    duplicate: (earlierLine: number) => { column: string; message: string };
  },
): Promise<CheckedRow<R>[]> {
  const seen = new Map<string, number>();
  const rows: CheckedRow<R>[] = [];
  let headerSeen = false;
  for await (const rec of records) {
    if (!headerSeen) {
      headerSeen = true;
      const missing = required.filter((c) => !(c in rec.values));
      if (missing.length)
        throw new ImportRejectedError(
          missing.map((c) => ({
            line: 1,
            column: c,
            value: '',
            message: `de kolom '${c}' ontbreekt in de kopregel`,
          })),
        );
      continue;
    }
    let bad = false;
    const err: Err = (column, message) => {
      bad = true;
      issues.push({ line: rec.line, column, value: rec.values[column] ?? '', message });
    };
    const row = rule.check(rec.values, err);
    if (!row || bad) continue;
    const key = rule.key(row);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      const d = rule.duplicate(earlier);
      err(d.column, d.message);
      continue;
    }
    seen.set(key, rec.line);
    rows.push({ line: rec.line, row });
  }
  if (!headerSeen)
    throw new ImportRejectedError([{ line: 1, column: '-', value: '', message: 'het bestand is leeg' }]);
  return rows;
}
