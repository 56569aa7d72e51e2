/**
 * Bank accounts of persons: where a premium of a granted dossier without an employer is paid
 * (the transitiepremie goes to the jobseeker who starts as self-employed,
 * seeds/000_3bfdbb028fdab786.txt:L2710-2717). IBAN and BIC validated with ibantools as for
 * organisations (bank-account.ts). The account is identity data: the audit event names the
 * pseudonym, never the IBAN.
 */
import { z } from 'zod';
import { defineCommand } from '../commands/index.ts';
import type { Queryable } from '../db/index.ts';
import { NotFoundError } from '../domain/index.ts';
import { assertCan } from './access.ts';
import { bicSchema, ibanSchema } from './bank-account.ts';

export const setPersonBankAccount = defineCommand({
  name: 'registry/set-person-bank-account',
  summary:
    'Legt het rekeningnummer (IBAN, BIC) van een persoon vast, voor de premies die haar betaald worden.',
  input: z.object({ id: z.uuid(), iban: ibanSchema, bic: bicSchema.optional().nullable() }),
  authorize: ({ actor }) => assertCan(actor, 'registry:write'),
  async run({ tx }, input) {
    const { rows } = await tx.query<{ id: string; pseudonym: string }>(
      'UPDATE persons SET iban = $2, bic = $3, updated_at = now() WHERE id = $1 RETURNING id, pseudonym',
      [input.id, input.iban, input.bic ?? null],
    );
    const person = rows[0];
    if (!person) throw new NotFoundError('Persoon', input.id);
    return {
      result: { id: person.id, pseudonym: person.pseudonym },
      audit: {
        entityType: 'person',
        entityId: person.id,
        data: { pseudonym: person.pseudonym, bank_account: true },
      },
    };
  },
});

export interface PersonBankAccount {
  pseudonym: string;
  name: string;
  iban: string | null;
  bic: string | null;
}

/** Name and bank account of the persons with these pseudonyms (for payment files only). */
export async function personBankAccountsByPseudonym(
  db: Queryable,
  pseudonyms: readonly string[],
): Promise<Map<string, PersonBankAccount>> {
  if (pseudonyms.length === 0) return new Map();
  const { rows } = await db.query<{
    pseudonym: string;
    first_name: string | null;
    last_name: string | null;
    iban: string | null;
    bic: string | null;
  }>('SELECT pseudonym, first_name, last_name, iban, bic FROM persons WHERE pseudonym = ANY($1::text[])', [
    pseudonyms,
  ]);
  return new Map(
    rows.map((r) => [
      r.pseudonym,
      {
        pseudonym: r.pseudonym,
        // The creditor's name on the transfer; the pseudonym when the registry holds no name.
        name: [r.first_name, r.last_name].filter(Boolean).join(' ') || r.pseudonym,
        iban: r.iban,
        bic: r.bic,
      },
    ]),
  );
}
