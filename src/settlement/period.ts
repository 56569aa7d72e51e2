/** Settlement periods: a month (voorschot), a quarter (kwartaalafrekening) or a year (jaarafrekening). */
import { ValidationError } from '../domain/index.ts';

export type RunKind = 'voorschot' | 'kwartaalafrekening' | 'jaarafrekening';
export interface Period {
  text: string;
  kind: RunKind;
  year: number;
  /** Months covered, YYYY-MM. */
  months: string[];
  start: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function parsePeriod(text: string): Period {
  let m = /^(\d{4})-Q([1-4])$/.exec(text);
  if (m) {
    const year = Number(m[1]);
    const q = Number(m[2]);
    const months = [1, 2, 3].map((i) => `${year}-${pad((q - 1) * 3 + i)}`);
    return { text, kind: 'kwartaalafrekening', year, months, start: `${months[0]}-01` };
  }
  m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(text);
  if (m) return { text, kind: 'voorschot', year: Number(m[1]), months: [text], start: `${text}-01` };
  m = /^(\d{4})$/.exec(text);
  if (m) {
    const year = Number(m[1]);
    return {
      text,
      kind: 'jaarafrekening',
      year,
      months: Array.from({ length: 12 }, (_, i) => `${year}-${pad(i + 1)}`),
      start: `${year}-01-01`,
    };
  }
  throw ValidationError.field(
    'period',
    `'${text}' is geen periode: gebruik JJJJ-Qn (kwartaal), JJJJ-MM (voorschot) of JJJJ (jaar)`,
  );
}

/** The quarter before a month's quarter: an advance in May is sized on Q1. */
export function previousQuarter(month: string): string {
  const y = Number(month.slice(0, 4));
  const q = Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1;
  return q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}`;
}
