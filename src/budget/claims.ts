/**
 * Text claims of the seeds checked against arithmetic over other printed figures
 * (data/claims.yaml). Values are parsed exactly (decimal strings → integer cents). The claims the
 * data cannot express are listed in the same file under `not_checkable`, each with its reason.
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
  unit: z.enum(['keuro', 'miljoen', 'aantal', 'percent']),
  /** The printed figure's own unit when the text prints it in another one (B16: "11.000 euro"). */
  printed_unit: z.enum(['euro', 'keuro', 'miljoen']).optional(),
  decimals: z.number().int().min(0).max(2).optional(),
  printed: figure,
  /**
   * sum: Σ terms; ratio: terms[0] / terms[1] in %; underuse: 1 − terms[0] / terms[1] in %;
   * product: terms[0] × terms[1]; at-most: the printed part may not exceed Σ terms (the whole).
   */
  op: z.enum(['sum', 'ratio', 'underuse', 'product', 'at-most']),
  terms: z.array(figure).min(1),
  note: z.string().optional(),
});
export type Claim = z.infer<typeof claimSchema>;

export const notCheckableSchema = z.object({
  id: z.string(),
  where: z.string(),
  reason: z.string(),
  sources: z.array(figure.shape.source).min(1),
});
export type NotCheckable = z.infer<typeof notCheckableSchema>;

const fileSchema = z.object({
  claims: z.array(claimSchema),
  not_checkable: z.array(notCheckableSchema).default([]),
});
const claimsFile = () => fileSchema.parse(readYamlData(new URL('./data/claims.yaml', import.meta.url)));

export function loadClaims(): Claim[] {
  return claimsFile().claims;
}

/** Text claims the tables cannot check, with the reason (shown beside the check's findings). */
export function notCheckableClaims(): NotCheckable[] {
  return claimsFile().not_checkable;
}

const UNIT_EURO = { euro: 1, aantal: 1, keuro: 1000, miljoen: 1_000_000 } as const;

function evaluate(c: Claim): {
  printed: number;
  computed: number;
  difference: number;
  unit: Finding['unit'];
} {
  if (c.op === 'ratio' || c.op === 'underuse') {
    const [num, den] = c.terms;
    if (!num || !den) throw new Error(`claim ${c.id}: ${c.op} needs two terms`);
    const scale = 10 ** (c.decimals ?? 0);
    const d = money.euros(den.value);
    const n = c.op === 'ratio' ? money.euros(num.value) : d - money.euros(num.value);
    const computed = money.divRound(n * 100 * scale, d) / scale;
    const printed = Number(c.printed.value);
    return {
      printed,
      computed,
      difference: Math.round((printed - computed) * scale) / scale,
      unit: 'percent',
    };
  }
  if (c.unit === 'percent') throw new Error(`claim ${c.id}: a ${c.op} in percent`);
  const factor = UNIT_EURO[c.unit];
  // cents × factor / 100 stays an integer number of euros for every unit used.
  const printed = (money.euros(c.printed.value) * UNIT_EURO[c.printed_unit ?? c.unit]) / 100;
  let computedCents: number;
  if (c.op === 'product') {
    const [a, b] = c.terms;
    if (!a || !b || c.terms.length !== 2) throw new Error(`claim ${c.id}: product needs two terms`);
    computedCents = money.divRound(money.euros(a.value) * money.euros(b.value), 100);
  } else computedCents = c.terms.reduce((s, t) => s + money.euros(t.value), 0);
  const computed = money.divRound(computedCents * factor, 100);
  // at-most: a part that does not exceed its whole agrees; only the excess is a finding.
  const difference = c.op === 'at-most' && printed <= computed ? 0 : printed - computed;
  return { printed, computed, difference, unit: c.unit === 'aantal' ? 'aantal' : 'euro' };
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
