/**
 * Facts and amounts as a user reads them: each fact with its Dutch label from the rules catalogue,
 * its unit and nl-BE formatting (`Referteloon € 2.350,50`, `WOP actief: ja`), choice options in
 * words instead of ids, and the amount of a calculation with its period at the top.
 */
import type { CalcResult, FactView } from '../rules/index.ts';
import { formatDate, formatEuro, formatNumber } from './format.ts';

/** A choice option id as words: `zittend-tot-2018` → `zittend tot 2018`, `60-hoog` → `60 hoog`. */
export function optionLabel(option: string): string {
  return option.replace(/[-_]+/g, ' ').trim();
}

/** A unit as it reads after a number: `maanden` stays, `EUR` is shown by the € sign itself. */
function unitSuffix(unit: string | null | undefined): string {
  if (!unit || unit === 'EUR') return '';
  return ` ${unit.replace(/^EUR /, '')}`;
}

function decimals(v: number): number {
  return Number.isInteger(v) ? 0 : Math.min(String(v).split('.')[1]?.length ?? 0, 4);
}

/** One fact value in nl-BE: ja/nee, € 2.350,50, 10,5 uur per week, 20/10/2026, words for an option. */
export function formatFactValue(value: unknown, def: Pick<FactView, 'type' | 'unit'> | undefined): string {
  if (value === null || value === undefined || value === '') return '–';
  if (typeof value === 'boolean') return value ? 'ja' : 'nee';
  const type = def?.type;
  if (type === 'money' && typeof value === 'number') return formatEuro(value);
  if (typeof value === 'number') return `${formatNumber(value, decimals(value))}${unitSuffix(def?.unit)}`;
  if (type === 'date' && typeof value === 'string') return formatDate(value);
  if (type === 'choice' && typeof value === 'string') return optionLabel(value);
  if (value === 'true' || value === 'false') return value === 'true' ? 'ja' : 'nee';
  return String(value);
}

/** The amount phrase of a period: `per maand`, `per jaar`, `in totaal`, `eenmalig`. */
export function periodPhrase(period: string | null | undefined): string {
  if (!period) return '';
  return period === 'totaal' ? 'in totaal' : period;
}

export interface HeadlineAmount {
  label: string;
  text: string;
}

/**
 * The amounts a calculation gives, for the top of a result: the amount with its period, or, for a
 * measure whose money is an output (WES: the stagepremie per maand), those outputs in euro.
 */
export function headlineAmounts(r: Pick<CalcResult, 'amount' | 'period' | 'trace'>): HeadlineAmount[] {
  if (r.amount !== null) {
    const entry = r.trace.find((t) => t.kind === 'amount');
    return [
      {
        label: entry && entry.kind === 'amount' ? entry.label : 'Bedrag',
        text: `${formatEuro(r.amount)} ${periodPhrase(r.period)}`.trim(),
      },
    ];
  }
  const out: HeadlineAmount[] = [];
  for (const t of r.trace) {
    if (t.kind !== 'output' || typeof t.value !== 'number' || !t.unit?.startsWith('EUR') || t.value === 0)
      continue;
    out.push({ label: t.label, text: `${formatEuro(t.value)}${unitSuffix(t.unit)}` });
  }
  return out;
}

export function AmountHeadline(p: { amounts: HeadlineAmount[] }) {
  if (p.amounts.length === 0) return null;
  return (
    <dl class="amount-headline">
      {p.amounts.map((a) => (
        <div>
          <dt>{a.label}</dt>
          <dd>
            <strong>{a.text}</strong>
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** Fact types in words, for the measure page (never `integer`, `number` or `boolean`). */
export const FACT_TYPE_NL: Record<string, string> = {
  integer: 'geheel getal',
  number: 'getal',
  boolean: 'ja of nee',
  money: 'bedrag in euro',
  date: 'datum',
  choice: 'keuze',
  rate: 'percentage',
};
