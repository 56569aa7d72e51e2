/**
 * Text claims of the seeds checked against arithmetic over other printed figures
 * (data/claims.yaml). Values are parsed exactly (decimal strings → integer cents).
 */
import { z } from 'zod';
import { readYamlData } from '../db/index.ts';
import { money } from '../domain/index.ts';
import type { Finding } from './check.ts';

const figure = z.object({
  value: z.string().regex(/^-?\d+(\.\d{1,2})?$/),
  source: z.string().regex(/^seeds\/\d{3}_[0-9a-f]+\.txt:L\d+(-\d+)?$/),
});
export const claimSchema = z.object({
  id: z.string(),
  where: z.string(),
  unit: z.enum(['keuro', 'miljoen', 'percent']),
  decimals: z.number().int().min(0).max(2).optional(),
  printed: figure,
  op: z.enum(['sum', 'ratio']),
  terms: z.array(figure).min(1),
  note: z.string().optional(),
});
export type Claim = z.infer<typeof claimSchema>;

export function loadClaims(): Claim[] {
  return z
    .object({ claims: z.array(claimSchema) })
    .parse(readYamlData(new URL('./data/claims.yaml', import.meta.url))).claims;
}

const UNIT_EURO = { keuro: 1000, miljoen: 1_000_000 } as const;

function evaluate(c: Claim): {
  printed: number;
  computed: number;
  difference: number;
  unit: 'euro' | 'percent';
} {
  if (c.op === 'ratio') {
    const [num, den] = c.terms;
    if (!num || !den) throw new Error(`claim ${c.id}: ratio needs two terms`);
    const scale = 10 ** (c.decimals ?? 0);
    const computed = money.divRound(money.euros(num.value) * 100 * scale, money.euros(den.value)) / scale;
    const printed = Number(c.printed.value);
    return {
      printed,
      computed,
      difference: Math.round((printed - computed) * scale) / scale,
      unit: 'percent',
    };
  }
  if (c.unit === 'percent') throw new Error(`claim ${c.id}: a sum in percent`);
  const factor = UNIT_EURO[c.unit];
  // cents × factor / 100 stays an integer number of euros for every unit used.
  const toEuro = (v: string) => (money.euros(v) * factor) / 100;
  const computedCents = c.terms.reduce((s, t) => s + money.euros(t.value), 0);
  const printed = toEuro(c.printed.value);
  const computed = (computedCents * factor) / 100;
  return { printed, computed, difference: printed - computed, unit: 'euro' };
}

export function claimFindings(claims: Claim[] = loadClaims()): Finding[] {
  const out: Finding[] = [];
  for (const c of claims) {
    const v = evaluate(c);
    if (v.difference === 0) continue;
    out.push({
      kind: 'text-claim',
      where: `${c.id}: ${c.where}`,
      ...v,
      sources: [
        c.printed.source,
        ...c.terms.map((t) => t.source).filter((s, i, a) => s !== c.printed.source && a.indexOf(s) === i),
      ],
      ...(c.note ? { note: c.note } : {}),
    });
  }
  return out;
}
