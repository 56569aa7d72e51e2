/**
 * Dutch count phrases: `1 maand`, `2 maanden`, `1 rij gelezen`, `1.250 dossiers` (nl-BE digits).
 * One function so that no page writes "1 maanden" or "rij(en)" again.
 */
import { formatNumber } from './format.ts';

export function plural(n: number, one: string, many: string): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}
