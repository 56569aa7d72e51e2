/**
 * Bank accounts of organisations: IBAN and BIC validated with ibantools (mod-97 check digits and
 * each country's BBAN format, BIC structure), stored in electronic format.
 */
import { electronicFormatIBAN, friendlyFormatIBAN, isSEPACountry, isValidBIC, isValidIBAN } from 'ibantools';
import { z } from 'zod';
import type { Queryable } from '../db/index.ts';

/** The IBAN in electronic format when valid, else null. */
export function normaliseIban(value: string): string | null {
  const e = electronicFormatIBAN(value.trim());
  return e && isValidIBAN(e) ? e : null;
}

/** A SEPA-reachable IBAN (settlements are paid by SEPA credit transfer). */
export function ibanProblem(value: string): string | null {
  const e = normaliseIban(value);
  if (!e) return `'${value}' is geen geldig IBAN-nummer (controlecijfers of lengte kloppen niet)`;
  if (!isSEPACountry(e.slice(0, 2))) return `'${value}' is geen rekening in de SEPA-zone`;
  return null;
}

export function normaliseBic(value: string): string | null {
  const b = value.trim().toUpperCase().replace(/\s+/g, '');
  return isValidBIC(b) ? b : null;
}

export const formatIban = (iban: string): string => friendlyFormatIBAN(iban) ?? iban;

export const ibanSchema = z
  .string()
  .trim()
  .superRefine((v, ctx) => {
    const p = ibanProblem(v);
    if (p) ctx.addIssue({ code: 'custom', message: p });
  })
  .transform((v) => normaliseIban(v) as string);

export const bicSchema = z
  .string()
  .trim()
  .refine((v) => normaliseBic(v) !== null, { message: 'geen geldige BIC (8 of 11 tekens)' })
  .transform((v) => normaliseBic(v) as string);

export interface BankAccount {
  kbo: string;
  name: string;
  iban: string | null;
  bic: string | null;
}

/** Name and bank account of the organisations with these KBO numbers (for payment files). */
export async function bankAccountsByKbo(
  db: Queryable,
  kbos: readonly string[],
): Promise<Map<string, BankAccount>> {
  const { rows } = await db.query<BankAccount>(
    'SELECT kbo, name, iban, bic FROM organisations WHERE kbo = ANY($1::text[])',
    [kbos],
  );
  return new Map(rows.map((r) => [r.kbo, r]));
}
