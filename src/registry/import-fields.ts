/** The field checks every import kind shares: decimals (a point, never a comma), dates, KBO numbers. */
import { isIsoDate, parseKbo } from '../domain/index.ts';

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
