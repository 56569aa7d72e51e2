/**
 * LDE and AMA WSE, pure: the lines of a period from the VTE or participants per organisation,
 * with the amounts from the measures' parameters and the named assumptions the seeds leave open.
 *
 * - LDE (src/rules/measures/lde/settlement.yaml): per organisation and quarter, the maximum
 *   compensation per VTE per year (seeds/004_694cfc149f605398.txt:L1506-1512) × VTE ÷ 4
 *   (assumption lde_vergoeding: the maximum, pro rata of the VTE).
 * - AMA WSE (src/rules/measures/ama-wse/settlement.yaml): 2.650 € per supervised participant per
 *   year (seeds/004_694cfc149f605398.txt:L3381-3390) for participants of at least 12 hours a week;
 *   monthly advances of one twelfth per participant, and the annual settlement of the year's due
 *   (one twelfth per month of participation, rounded once per participant and year: assumption
 *   ama_pro_rata) less the advances paid.
 */
import { type Cents, money } from '../domain/index.ts';
import type { AssumptionSet } from './assumptions.ts';
import type { SettlementLine } from './cmw.ts';

export interface LdeQuarter {
  kbo: string;
  quarter: string;
  /** VTE target-group workers in the quarter, hundredths. */
  vte: number;
}

export function ldeQuarterLines(rows: LdeQuarter[], maxPerVte: Cents, a: AssumptionSet): SettlementLine[] {
  return rows.map((r) => {
    const start = `${r.quarter.slice(0, 4)}-${String((Number(r.quarter.slice(6)) - 1) * 3 + 1).padStart(2, '0')}-01`;
    const method = a.method('lde_vergoeding', start, ['maximum-naar-rato-vte'] as const);
    // max × VTE ÷ 4 quarters, VTE in hundredths: one rounding to the cent.
    const amount = money.cents(money.divRound(maxPerVte * r.vte, 100 * 4));
    return {
      key: `${r.kbo}||vergoeding|${r.quarter}`,
      kbo: r.kbo,
      worker: null,
      component: 'vergoeding' as const,
      period: r.quarter,
      amount,
      basis: {
        max_vergoeding_per_vte: money.toEuroString(maxPerVte),
        vte: r.vte / 100,
        deel_van_jaar: '1/4',
        methode: method,
      },
    };
  });
}

export interface AmaParticipantMonth {
  kbo: string;
  /** Pseudonym of the participant. */
  worker: string;
  month: string;
  hoursPerWeek: number;
}

export interface AmaParams {
  perYear: Cents;
  minHoursPerWeek: number;
}

const counts = (r: AmaParticipantMonth, p: AmaParams) => r.hoursPerWeek >= p.minHoursPerWeek;

/** Monthly advance per organisation: one twelfth of the yearly amount per counted participant. */
export function amaAdvanceLines(
  month: string,
  rows: AmaParticipantMonth[],
  p: AmaParams,
  a: AssumptionSet,
): SettlementLine[] {
  const method = a.method('ama_pro_rata', `${month}-01`, ['twaalfde-per-maand'] as const);
  const twelfth = money.cents(money.divRound(p.perYear, 12));
  const perOrg = new Map<string, number>();
  for (const r of rows)
    if (r.month === month && counts(r, p)) perOrg.set(r.kbo, (perOrg.get(r.kbo) ?? 0) + 1);
  return [...perOrg]
    .sort(([x], [y]) => (x < y ? -1 : 1))
    .map(([kbo, n]) => ({
      key: `${kbo}||voorschot|${month}`,
      kbo,
      worker: null,
      component: 'voorschot' as const,
      period: month,
      amount: money.cents(twelfth * n),
      basis: { deelnemers: n, per_deelnemer: money.toEuroString(twelfth), methode: method },
    }));
}

/**
 * The annual settlement: per participant the year's due (twelfths of the months counted, rounded
 * once), and per organisation the offset of the advances paid, so the balance settles the cents the
 * monthly rounding left.
 */
export function amaYearLines(
  year: number,
  rows: AmaParticipantMonth[],
  advancesPaid: Map<string, Cents>,
  p: AmaParams,
  a: AssumptionSet,
): SettlementLine[] {
  const method = a.method('ama_pro_rata', `${year}-01-01`, ['twaalfde-per-maand'] as const);
  const months = new Map<string, { kbo: string; worker: string; months: Set<string> }>();
  for (const r of rows) {
    if (!r.month.startsWith(`${year}-`) || !counts(r, p)) continue;
    const k = `${r.kbo}|${r.worker}`;
    const e = months.get(k) ?? { kbo: r.kbo, worker: r.worker, months: new Set<string>() };
    e.months.add(r.month);
    months.set(k, e);
  }
  const out: SettlementLine[] = [...months.values()].map((e) => ({
    key: `${e.kbo}|${e.worker}|begeleidingssubsidie|${year}`,
    kbo: e.kbo,
    worker: e.worker,
    component: 'begeleidingssubsidie' as const,
    period: String(year),
    amount: money.cents(money.divRound(p.perYear * e.months.size, 12)),
    basis: { per_jaar: money.toEuroString(p.perYear), maanden: `${e.months.size}/12`, methode: method },
  }));
  for (const [kbo, paid] of [...advancesPaid].sort(([x], [y]) => (x < y ? -1 : 1))) {
    if (paid === 0) continue;
    out.push({
      key: `${kbo}||verrekening|${year}`,
      kbo,
      worker: null,
      component: 'verrekening',
      period: String(year),
      amount: money.cents(-paid),
      basis: { reeds_betaald: money.toEuroString(paid) },
    });
  }
  return out.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
}
