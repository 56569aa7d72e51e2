/**
 * Guards on a payment (issue 16): an idempotency key so that a retried or doubled request pays
 * once, and no payment above the granted amount unless the case handler writes down why.
 */
import { z } from 'zod';
import type { Queryable } from '../db/index.ts';
import { ConflictError, money, RuleViolationError } from '../domain/index.ts';

/** Header of the API (as in the IETF draft "The Idempotency-Key HTTP Header Field"). */
export const IDEMPOTENCY_HEADER = 'idempotency-key';

export const idempotencyKeySchema = z
  .string()
  .trim()
  .min(8, 'een idempotentiesleutel telt minstens 8 tekens')
  .max(200, 'een idempotentiesleutel telt hoogstens 200 tekens')
  .regex(/^[\x21-\x7e]+$/, 'een idempotentiesleutel bestaat uit zichtbare ASCII-tekens');

const euro = new Intl.NumberFormat('nl-BE', { style: 'currency', currency: 'EUR' });
const formatCents = (c: number) => euro.format(c / 100).replace(/\s/g, ' ');

/**
 * A payment with this key on this dossier already happened: the same request again. Run after the
 * dossier row is locked, so that a concurrent twin waits and then finds the first one's payment.
 * The same key for another amount or kind is a different request: refused.
 */
export async function findIdempotentPayment(
  tx: Queryable,
  dossierId: string,
  key: string,
  request: { amountCents: number; kind: string },
): Promise<boolean> {
  const { rows } = await tx.query<{ amount_cents: number; kind: string }>(
    'SELECT amount_cents, kind FROM dossier_payments WHERE dossier_id = $1 AND idempotency_key = $2',
    [dossierId, key],
  );
  const earlier = rows[0];
  if (!earlier) return false;
  if (Number(earlier.amount_cents) !== request.amountCents || earlier.kind !== request.kind) {
    throw new ConflictError(
      'idempotency_key_reused',
      `Deze idempotentiesleutel werd al gebruikt voor een betaling van ${formatCents(Number(earlier.amount_cents))} (${earlier.kind}); gebruik een nieuwe sleutel voor een andere betaling.`,
    );
  }
  return true;
}

/**
 * The granted amount is the amount the rules engine computed for the dossier (eligibility.amount,
 * in euro). Payments (all kinds but recoveries) may add up to it; above it only with a reason of
 * the case handler (`excessReason`), which the timeline keeps. Only an amount for the whole
 * dossier is a ceiling (period eenmalig, totaal or per traject); an amount per month, quarter or
 * year has no total until the number of periods is known, which the dossier does not model, and a
 * measure without a calculable amount (the seeds give none) has nothing to check.
 */
const WHOLE_DOSSIER_PERIODS = new Set(['eenmalig', 'totaal', 'per traject']);

export async function assertWithinGranted(
  tx: Queryable,
  dossierId: string,
  granted: { amount: number | null; period: string | null } | null | undefined,
  amountCents: number,
  excessReason: string | null,
): Promise<{ grantedCents: number; paidCents: number } | null> {
  const grantedEuros = granted?.amount;
  if (grantedEuros === null || grantedEuros === undefined) return null;
  if (!WHOLE_DOSSIER_PERIODS.has(granted?.period ?? '')) return null;
  const grantedCents = money.euros(grantedEuros) as number;
  const { rows } = await tx.query<{ paid: number }>(
    `SELECT COALESCE(sum(amount_cents), 0)::bigint AS paid FROM dossier_payments
      WHERE dossier_id = $1 AND kind <> 'terugvordering'`,
    [dossierId],
  );
  const paidCents = Number(rows[0]?.paid ?? 0);
  if (paidCents + amountCents > grantedCents && !excessReason) {
    throw new RuleViolationError(
      'payment_above_granted',
      `Deze betaling van ${formatCents(amountCents)} brengt het betaalde op ${formatCents(paidCents + amountCents)}, ` +
        `meer dan het toegekende bedrag van ${formatCents(grantedCents)} (al betaald: ${formatCents(paidCents)}). ` +
        'Geef in excessReason aan waarom meer betaald wordt, of betaal hoogstens het saldo.',
      { grantedCents, paidCents, amountCents },
    );
  }
  return { grantedCents, paidCents };
}
