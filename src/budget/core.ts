/**
 * Pure budget arithmetic over the loaded tables: totals computed from the articles (never copied
 * from a printed total), execution rates, BA + movements = BA-JR, and the check that lists every
 * printed figure that differs from what its parts give.
 */
import type { BbtRow, BudgetData, Credit, Stage } from './data.ts';

export const ISE_PROGRAMME: Record<string, string> = {
  // The ISE sections of seed 000 sit under programme JD (L1972-4777), JF (L5673) and JE (L6318-6821).
  'ISE-ACT-W': 'JD',
  'ISE-LOOP': 'JD',
  'ISE-DAM-W': 'JD',
  'ISE-THEMA': 'JD',
  'ISE-COMP': 'JF',
  'ISE-ACT-SE': 'JE',
  'ISE-DAM-SE': 'JE',
};

/** Programme of an article from its code: `JB0-<1|9><programme><…>` (pattern observed, spec-budget §0). */
export function programmeOf(code: string): string {
  return code.slice(5, 7);
}

/** The three stages of a year as printed: 2021 (seed 000) prints the second adjustment. */
export function stagesOf(year: number): { ba: Stage; baJr: Stage; bu: Stage } {
  return year === 2021 ? { ba: '2e BA', baJr: '2e BA-JR', bu: 'BU' } : { ba: 'BA', baJr: 'BA-JR', bu: 'BU' };
}

/** Decimals of a realisation rate as the documents print it: whole percent 2021, one decimal 2024. */
export function rateDecimals(year: number): number {
  return year === 2021 ? 0 : 1;
}

const ESR_ROW = 'ESR WT,LO,PR';
const IS_ROW = 'Toelagen IS';
const OTHER_ROW = 'Overige LE,PA,andere';

/** Which ISE-table row an article falls in, by its ESR suffix (000:L1974-2001). */
export function iseRowOf(code: string): string {
  const suffix = code.slice(-2);
  if (suffix === 'WT' || suffix === 'LO' || suffix === 'PR') return ESR_ROW;
  if (suffix === 'IS') return IS_ROW;
  return OTHER_ROW;
}

export interface Total {
  level: 'domein' | 'programma' | 'ise' | 'artikel';
  code: string;
  name: string;
  year: number;
  credit: Credit;
  stage: Stage;
  /** Integer euros, summed from the article rows. */
  amountEuro: number;
  /** Seed lines of the rows summed. */
  sources: string[];
}

function key(...parts: (string | number)[]): string {
  return parts.join('|');
}

function sum(rows: BbtRow[]): { amountEuro: number; sources: string[] } {
  return {
    amountEuro: rows.reduce((s, r) => s + r.amountEuro, 0),
    sources: [...new Set(rows.map((r) => r.source))],
  };
}

function group<T>(rows: T[], by: (r: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const k = by(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

const PROGRAMME_NAMES: Record<string, string> = {
  JA: 'Programma JA – Departement WSE (apparaat)',
  JB: 'Programma JB – zonder beleidsveld (provisies)',
  JD: 'Programma JD – Werk',
  JE: 'Programma JE – Sociale Economie',
  JF: 'Programma JF – Competenties',
};

/**
 * Totals of every ISE, programme and the domain, computed from the article and receipt rows.
 * Expenditure (VAK/VEK) of an ISE = Σ its articles; of a programme = Σ its articles; receipts
 * (AO/TO/LO) of a programme = Σ its receipt articles. The domain total follows the printed
 * scope "TOTAAL WSE excl. DABs, excl. apparaat en programma B" (000:L787) = JD + JE + JF.
 */
export function computeTotals(data: BudgetData, year: number): Total[] {
  const rows = data.bbt.filter((r) => r.year === year);
  const articles = rows.filter((r) => r.kind === 'article' || r.kind === 'receipt');
  const out: Total[] = [];
  const iseNames = new Map(rows.filter((r) => r.kind === 'ise').map((r) => [r.code, r.name]));
  for (const [k, list] of group(
    articles.filter((r) => r.kind === 'article' && r.row_or_parent),
    (r) => key(r.row_or_parent, r.credit, r.stage),
  )) {
    const [code = '', credit, stage] = k.split('|');
    out.push({
      level: 'ise',
      code,
      name: iseNames.get(code) ?? code,
      year,
      credit: credit as Credit,
      stage: stage as Stage,
      ...sum(list),
    });
  }
  const byProgramme = group(articles, (r) => key(programmeOf(r.code), r.credit, r.stage));
  for (const [k, list] of byProgramme) {
    const [code = '', credit, stage] = k.split('|');
    out.push({
      level: 'programma',
      code,
      name: PROGRAMME_NAMES[code] ?? code,
      year,
      credit: credit as Credit,
      stage: stage as Stage,
      ...sum(list),
    });
  }
  const domain = articles.filter((r) => ['JD', 'JE', 'JF'].includes(programmeOf(r.code)));
  for (const [k, list] of group(domain, (r) => key(r.credit, r.stage))) {
    const [credit, stage] = k.split('|');
    out.push({
      level: 'domein',
      code: 'TOTAAL',
      name: 'TOTAAL WSE excl. DABs, excl. apparaat en programma B',
      year,
      credit: credit as Credit,
      stage: stage as Stage,
      ...sum(list),
    });
  }
  return out;
}

/**
 * `part / whole × 100` rounded half away from zero to `decimals`, in BigInt: euro amounts of a
 * whole domain times 10^(2+decimals) pass the safe-integer range. Null when the whole is 0.
 */
export function ratePercent(part: number, whole: number, decimals: number): number | null {
  if (whole === 0) return null;
  const scale = 10n ** BigInt(decimals);
  let num = BigInt(part) * 100n * scale;
  let den = BigInt(whole);
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const neg = num < 0n;
  const abs = neg ? -num : num;
  const q = (2n * abs + den) / (2n * den); // half away from zero on the absolute value
  return Number(neg ? -q : q) / Number(scale);
}

export interface Execution {
  code: string;
  level: Total['level'];
  year: number;
  credit: Credit;
  baJrEuro: number;
  buEuro: number;
  /** BU / BA-JR in percent, half away from zero, decimals as printed for the year; null if BA-JR is 0. */
  ratePercent: number | null;
  /** BA-JR − BU: positive = underuse (onderbenutting), negative = overuse. */
  underuseEuro: number;
}

/** Realisation rate and under/overuse per code and credit (VAK/VEK), from computed totals and articles. */
export function execution(data: BudgetData, year: number): Execution[] {
  const { baJr, bu } = stagesOf(year);
  const items: { code: string; level: Total['level']; credit: Credit; stage: Stage; amountEuro: number }[] = [
    ...computeTotals(data, year),
    ...data.bbt
      .filter((r) => r.year === year && r.kind === 'article')
      .map((r) => ({ ...r, level: 'artikel' as const })),
  ];
  const out: Execution[] = [];
  for (const [k, list] of group(
    items.filter((r) => r.credit === 'VAK' || r.credit === 'VEK'),
    (r) => key(r.level, r.code, r.credit),
  )) {
    const [level, code = '', credit] = k.split('|');
    const baJrEuro = list.find((r) => r.stage === baJr)?.amountEuro;
    const buEuro = list.find((r) => r.stage === bu)?.amountEuro;
    if (baJrEuro === undefined || buEuro === undefined) continue;
    out.push({
      code,
      level: level as Total['level'],
      year,
      credit: credit as Credit,
      baJrEuro,
      buEuro,
      ratePercent: ratePercent(buEuro, baJrEuro, rateDecimals(year)),
      underuseEuro: baJrEuro - buEuro,
    });
  }
  return out;
}
