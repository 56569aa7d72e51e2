/**
 * Collectief maatwerk, pure: the premiums of a period from the wage data and the support packages
 * (loonpremie per worker-month, forfaitaire begeleidingspremie per worker-quarter), the offset of
 * what was already paid, and the monthly advances with the automatic withholding. No database,
 * clock or I/O; every value the seeds do not give comes from the AssumptionSet.
 */
import { type Cents, daysInMonth, type IsoDate, money, type Ratio } from '../domain/index.ts';
import { SUPPORT_PACKAGES } from '../rules/index.ts';
import type { AssumptionSet } from './assumptions.ts';

/** The support packages, as the collectief maatwerk rule defines them. */
export const PACKAGES = SUPPORT_PACKAGES;
export type SupportPackage = (typeof PACKAGES)[number];

/** One worker in one month of the wage data (DmfA-like). */
export interface WorkerMonth {
  kbo: string;
  /** Stable reference of the worker (pseudonym), never the INSZ in a line. */
  worker: string;
  month: string; // YYYY-MM
  package: SupportPackage;
  /** Reference wage (referteloon) of the month, from the wage data. */
  wage: Cents;
  /** Contract fraction of a full-time job (1 = voltijds). */
  fte: number;
  /** Employment within the month; default the whole month (an entry or exit mid-month). */
  from?: IsoDate;
  to?: IsoDate;
}

export interface CmwParams {
  rate45: Ratio;
  rate60: Ratio;
  /** 1,4 × GGMMI (seeds/004_694cfc149f605398.txt:L1733-1735). */
  capFactor: Ratio;
  /** 506,94 € per quarter per worker (seeds/004_694cfc149f605398.txt:L1746-1749). */
  forfait: Cents;
}

export type LineComponent =
  | 'loonpremie'
  | 'begeleidingspremie'
  | 'voorschot'
  | 'inhouding'
  | 'verrekening'
  // LDE and AMA WSE (lde-ama.ts)
  | 'vergoeding'
  | 'begeleidingssubsidie';

export interface SettlementLine {
  /** Identity of what the line pays: a rerun compares lines by key. */
  key: string;
  kbo: string;
  worker: string | null;
  component: LineComponent;
  period: string;
  amount: Cents;
  /** The figures the amount comes from, for the explanation. */
  basis: Record<string, string | number>;
}

const MICRO = 1_000_000;
const ymd = (month: string, day: number) => `${month}-${String(day).padStart(2, '0')}` as IsoDate;

/** Calendar days employed in the month (entry/exit mid-month). */
function daysEmployed(w: WorkerMonth): { days: number; of: number } {
  const [y, m] = w.month.split('-').map(Number) as [number, number];
  const of = daysInMonth(y, m);
  const first = w.from && w.from > ymd(w.month, 1) ? Number(w.from.slice(8, 10)) : 1;
  const last = w.to && w.to < ymd(w.month, of) ? Number(w.to.slice(8, 10)) : of;
  return { days: Math.max(0, last - first + 1), of };
}

/** Monthly loonpremie of one worker: min(referteloon, capped reference wage) × 45% or 60%. */
export function loonpremie(w: WorkerMonth, p: CmwParams, a: AssumptionSet): SettlementLine {
  const date = ymd(w.month, 1);
  const ggmmi = a.money('ggmmi', date);
  const method = a.method('plafond_deeltijds', date, ['naar-rato-vte-en-dagen'] as const);
  const { days, of } = daysEmployed(w);
  const fteMicro = Math.round(w.fte * MICRO);
  // cap = GGMMI × 1,4 × VTE × days/of, rounded once to the cent (assumption plafond_deeltijds).
  const cap = money.cents(
    money.divRound(ggmmi * p.capFactor.num * fteMicro * days, p.capFactor.den * MICRO * of),
  );
  const base = money.min(w.wage, cap);
  const rate = w.package.startsWith('60') ? p.rate60 : p.rate45;
  const amount = money.mulRatio(base, rate);
  return {
    key: `${w.kbo}|${w.worker}|loonpremie|${w.month}`,
    kbo: w.kbo,
    worker: w.worker,
    component: 'loonpremie',
    period: w.month,
    amount,
    basis: {
      referteloon: money.toEuroString(w.wage),
      ggmmi: money.toEuroString(ggmmi),
      plafond: money.toEuroString(cap),
      geplafonneerd_referteloon: money.toEuroString(base),
      percentage: (rate.num / rate.den) * 100,
      vte: w.fte,
      dagen: `${days}/${of}`,
      plafond_methode: method,
    },
  };
}

const quarterOfMonth = (month: string) =>
  `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;

/** Forfaitaire begeleidingspremie per worker and quarter, pro rata of the months employed (assumption). */
export function begeleidingspremie(rows: WorkerMonth[], p: CmwParams, a: AssumptionSet): SettlementLine[] {
  const months = new Map<string, { kbo: string; worker: string; quarter: string; months: Set<string> }>();
  for (const w of rows) {
    const quarter = quarterOfMonth(w.month);
    const k = `${w.kbo}|${w.worker}|${quarter}`;
    let e = months.get(k);
    if (!e) {
      e = { kbo: w.kbo, worker: w.worker, quarter, months: new Set() };
      months.set(k, e);
    }
    if (daysEmployed(w).days > 0) e.months.add(w.month);
  }
  const out: SettlementLine[] = [];
  for (const e of months.values()) {
    const date = `${e.quarter.slice(0, 4)}-${String((Number(e.quarter.slice(6)) - 1) * 3 + 1).padStart(2, '0')}-01`;
    const method = a.method('begeleidingspremie_instap', date, ['naar-rato-maanden'] as const);
    const amount = money.cents(money.divRound(p.forfait * e.months.size, 3));
    if (amount === 0) continue;
    out.push({
      key: `${e.kbo}|${e.worker}|begeleidingspremie|${e.quarter}`,
      kbo: e.kbo,
      worker: e.worker,
      component: 'begeleidingspremie',
      period: e.quarter,
      amount,
      basis: {
        forfait_per_kwartaal: money.toEuroString(p.forfait),
        maanden: `${e.months.size}/3`,
        methode: method,
      },
    });
  }
  return out;
}

/** Premium lines of a quarter or year: every worker-month's loonpremie and every worker-quarter's forfait. */
export function premiumLines(rows: Iterable<WorkerMonth>, p: CmwParams, a: AssumptionSet): SettlementLine[] {
  const all = [...rows];
  const lines = all.map((w) => loonpremie(w, p, a));
  lines.push(...begeleidingspremie(all, p, a));
  return lines.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
}

/**
 * The offset per organisation of what was already paid for the period (advances and earlier
 * settlements): the balance is due − paid; a negative balance is a withholding on later advances
 * (seeds/001_4a57afe77d69f3a4.txt:L9595-9597 "inclusief inhouding of betaling").
 */
export function offsetLines(period: string, paid: Map<string, Cents>): SettlementLine[] {
  return [...paid]
    .filter(([, amount]) => amount !== 0)
    .map(([kbo, amount]) => ({
      key: `${kbo}||verrekening|${period}`,
      kbo,
      worker: null,
      component: 'verrekening' as const,
      period,
      amount: money.cents(-amount),
      basis: { reeds_betaald: money.toEuroString(amount) },
    }));
}

export interface AdvanceInput {
  month: string;
  /** Due of the previous calendar quarter's settlement per organisation. */
  lastQuarterDue: Map<string, Cents>;
  /** Open withholding per organisation (negative balances not yet recovered), positive cents. */
  openWithholding: Map<string, Cents>;
  /** The automatic withholding suspended (2020: seeds/002_fa7ec9f147cf0c36.txt:L1233-1237). */
  withholdingSuspended: boolean;
}

/** Monthly advances: sized by the assumption `voorschot`, less the automatic withholding. */
export function advanceLines(input: AdvanceInput, a: AssumptionSet): SettlementLine[] {
  const method = a.method('voorschot', `${input.month}-01`, ['derde-vorig-kwartaal'] as const);
  const out: SettlementLine[] = [];
  const kbos = [...new Set([...input.lastQuarterDue.keys(), ...input.openWithholding.keys()])].sort();
  for (const kbo of kbos) {
    const gross = money.cents(money.divRound(input.lastQuarterDue.get(kbo) ?? 0, 3));
    out.push({
      key: `${kbo}||voorschot|${input.month}`,
      kbo,
      worker: null,
      component: 'voorschot',
      period: input.month,
      amount: gross,
      basis: {
        vorig_kwartaal: money.toEuroString(input.lastQuarterDue.get(kbo) ?? money.ZERO),
        methode: method,
      },
    });
    const open = input.openWithholding.get(kbo) ?? money.ZERO;
    if (open > 0 && !input.withholdingSuspended) {
      const withheld = money.min(open, gross);
      if (withheld > 0) {
        out.push({
          key: `${kbo}||inhouding|${input.month}`,
          kbo,
          worker: null,
          component: 'inhouding',
          period: input.month,
          amount: money.cents(-withheld),
          basis: {
            openstaand: money.toEuroString(open),
            resterend: money.toEuroString(money.cents(open - withheld)),
          },
        });
      }
    }
  }
  return out;
}

export interface Delta {
  key: string;
  /** The amount already settled for the key (0 for a new key). */
  previous: Cents;
  line: SettlementLine;
}

/**
 * What a rerun adds: for each key, the difference between the newly computed amount and the sum
 * of what earlier runs settled. Unchanged inputs give no delta (idempotent); a changed wage gives
 * one delta line; a line that disappeared gives a negative delta.
 */
export function deltas(
  settled: Map<string, { amount: Cents; line: SettlementLine }>,
  current: SettlementLine[],
): Delta[] {
  const out: Delta[] = [];
  const seen = new Set<string>();
  for (const line of current) {
    seen.add(line.key);
    const prev = settled.get(line.key)?.amount ?? money.ZERO;
    const diff = line.amount - prev;
    if (diff !== 0) out.push({ key: line.key, previous: prev, line: { ...line, amount: money.cents(diff) } });
  }
  for (const [key, s] of settled) {
    if (seen.has(key) || s.amount === 0) continue;
    out.push({
      key,
      previous: s.amount,
      line: { ...s.line, amount: money.cents(-s.amount), basis: { vervalt: 'niet meer in de gegevens' } },
    });
  }
  return out;
}
