/** Zod schemas for the domain's value types, shared by commands and the API edge. */
import { z } from 'zod';
import { type IsoDate, isIsoDate } from './dates.ts';
import { type InszInfo, type Kbo, parseInsz, parseKbo } from './identifiers.ts';

export const isoDateSchema = z
  .string()
  .refine(isIsoDate, 'geen geldige datum; gebruik JJJJ-MM-DD, bv. 2024-01-31')
  .transform((s) => s as IsoDate);

export const kboSchema = z.string().transform((value, ctx): Kbo => {
  if (value.trim() === '') {
    ctx.addIssue({ code: 'custom', message: 'vul het KBO-nummer in, bv. 0123.456.749' });
    return z.NEVER;
  }
  const r = parseKbo(value);
  if (!r.ok) {
    ctx.addIssue({ code: 'custom', message: `ongeldig KBO-nummer '${value}': ${r.reason}` });
    return z.NEVER;
  }
  return r.value;
});

export const inszSchema = z.string().transform((value, ctx): InszInfo => {
  const r = parseInsz(value);
  if (!r.ok) {
    ctx.addIssue({ code: 'custom', message: `ongeldig INSZ: ${r.reason}` });
    return z.NEVER;
  }
  return r.value;
});
