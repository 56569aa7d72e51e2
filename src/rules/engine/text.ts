/**
 * Numbers in the Dutch texts of reasons and trace steps, written as the decrees write them. The
 * web app has its own formats; formulas may not import it (they import only the engine and domain).
 */
import { type Cents, money } from '../../domain/index.ts';

/** A number with a decimal comma: 19.5 → "19,5". */
export function decimalComma(n: number): string {
  return String(n).replace('.', ',');
}

/** An amount: 250050 cents → "2.500,50", or "€ 2.500,50" with the sign. */
export function euroText(amount: Cents, sign = false): string {
  const [whole, cents] = money.toEuroString(amount).split('.');
  const text = `${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${cents}`;
  return sign ? `€ ${text}` : text;
}

const MONTHS = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
];
/** A calendar day as the decrees write it: "2018-09-01" → "1 september 2018". */
export function dutchDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}` : iso;
}
