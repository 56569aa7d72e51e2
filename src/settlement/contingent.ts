/**
 * The CMW contingent on a yearly basis (seeds/004_694cfc149f605398.txt:L1779-1784;
 * seeds/003_041d48c097fadc86.txt:L2481-2496): fill = VTE employed within the contingent over the
 * four quarters ÷ the contingent over the four quarters; below 90% the contingent is reduced (in
 * the third quarter of the next year), and the freed VTE go per one VTE to the companies above 95%,
 * highest fill first. The size of the cut and the order beyond "highest first" are assumptions.
 * VTE are held as integer hundredths so that sums and comparisons are exact.
 */
import { money, type Ratio } from '../domain/index.ts';
import type { AssumptionSet } from './assumptions.ts';

export interface ContingentQuarter {
  quarter: string;
  /** Contingent granted for the quarter, in hundredths of a VTE. */
  contingent: number;
  /** Target-group VTE employed in the quarter, in hundredths. */
  employed: number;
}
export interface ContingentInput {
  year: number;
  organisations: { kbo: string; quarters: ContingentQuarter[] }[];
  minFill: Ratio;
  redistributionAbove: Ratio;
  /** The 90% rule suspended for this fill year (COVID-19, 2020: seeds/002_fa7ec9f147cf0c36.txt:L1227-1231). */
  suspended: boolean;
  assumptions: AssumptionSet;
}
export interface ContingentOrganisation {
  kbo: string;
  contingent_vte: number;
  filled_vte: number;
  fill_rate: number;
  reduction_vte: number;
  received_vte: number;
}
export interface ContingentResult {
  year: number;
  suspended: boolean;
  /** When the reduction and redistribution take effect: Q3 of the next year. */
  effective: string;
  organisations: ContingentOrganisation[];
  reduced_vte: number;
  redistributed_vte: number;
  /** Freed VTE below one whole VTE that the per-one-VTE rule cannot hand out. */
  not_redistributed_vte: number;
}

const vte = (hundredths: number) => hundredths / 100;

export function contingentYear(input: ContingentInput): ContingentResult {
  const date = `${input.year}-12-31`;
  const rows = input.organisations.map((o) => {
    let granted = 0;
    let filled = 0;
    for (const q of o.quarters) {
      granted += q.contingent;
      // Workers above the contingent are allowed but not counted (seeds/003_041d48c097fadc86.txt:L2481-2483).
      filled += Math.min(q.employed, q.contingent);
    }
    return { kbo: o.kbo, granted, filled, reduction: 0, received: 0 };
  });
  // fill < min  ⇔  filled × den < min.num × granted  (exact, no division)
  const below = (r: (typeof rows)[number]) =>
    r.granted > 0 && r.filled * input.minFill.den < input.minFill.num * r.granted;
  const above = (r: (typeof rows)[number]) =>
    r.granted > 0 && r.filled * input.redistributionAbove.den > input.redistributionAbove.num * r.granted;

  let pool = 0;
  if (!input.suspended) {
    const cut = input.assumptions.method('contingent_vermindering', date, ['tot-invulling'] as const);
    for (const r of rows) {
      if (!below(r)) continue;
      if (cut === 'tot-invulling') {
        // Yearly averages over four quarters, to 0.01 VTE.
        r.reduction = money.divRound(r.granted, 4) - money.divRound(r.filled, 4);
      }
      pool += r.reduction;
    }
  }
  let redistributed = 0;
  const receivers = rows
    .filter(above)
    .sort(
      (a, b) => b.filled * a.granted - a.filled * b.granted || (a.kbo < b.kbo ? -1 : a.kbo > b.kbo ? 1 : 0),
    );
  if (pool >= 100 && receivers.length > 0) {
    input.assumptions.method('herverdeling_volgorde', date, ['om-beurten'] as const);
    let units = Math.floor(pool / 100);
    while (units > 0) {
      for (const r of receivers) {
        if (units === 0) break;
        r.received += 100;
        redistributed += 100;
        units -= 1;
      }
    }
  }
  return {
    year: input.year,
    suspended: input.suspended,
    effective: `${input.year + 1}-Q3`,
    organisations: rows.map((r) => ({
      kbo: r.kbo,
      contingent_vte: vte(money.divRound(r.granted, 4)),
      filled_vte: vte(money.divRound(r.filled, 4)),
      fill_rate: r.granted > 0 ? Math.round((r.filled / r.granted) * 10000) / 10000 : 0,
      reduction_vte: vte(r.reduction),
      received_vte: vte(r.received),
    })),
    reduced_vte: vte(pool),
    redistributed_vte: vte(redistributed),
    not_redistributed_vte: vte(pool - redistributed),
  };
}
