/**
 * The payment file of an approved run: one credit transfer per organisation (the sum of its lines
 * in the run), to the IBAN the registry holds for it, from the department's account (a named
 * assumption). A run is refused when an organisation to be paid has no valid IBAN. Every file is
 * recorded with a unique message id; the end-to-end id per organisation and run stays the same
 * when a file is made again, so a bank sees a repeated payment for what it is.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { assertCan } from '../access/index.ts';
import { defineCommand } from '../commands/index.ts';
import { type Cents, ConflictError, money, NotFoundError, RuleViolationError } from '../domain/index.ts';
import {
  bankAccountsByKbo,
  ibanProblem,
  normaliseBic,
  normaliseIban,
  personBankAccountsByPseudonym,
} from '../registry/index.ts';
import { AssumptionSet, MissingAssumptionError } from './assumptions.ts';
import { assumptionTable } from './runs.ts';
import {
  controlSum,
  type Debtor,
  type PaymentOrder,
  painXml,
  paymentCsv,
  structuredReference,
} from './sepa.ts';
import { RUN_ACTIONS, type RunState } from './states.ts';

export const PAYMENT_FORMATS = ['pain', 'csv'] as const;
export const paymentFileInput = z.object({
  run: z.uuid(),
  format: z.enum(PAYMENT_FORMATS).default('pain'),
  /** Requested execution date; default the day the file is made. */
  execution_date: z.iso.date().optional(),
});

export interface PaymentFileResult {
  run: string;
  format: (typeof PAYMENT_FORMATS)[number];
  message_id: string;
  file_name: string;
  media_type: string;
  payments: { kbo: string; name: string; iban: string; amount: number; reference: string }[];
  control_sum: number;
  /** Organisations whose balance in the run is negative: not paid, withheld on later advances. */
  withheld: { kbo: string; amount: number }[];
  content: string;
}

function debtorAccount(a: AssumptionSet, date: string): Debtor {
  const iban = a.text('betaalrekening_iban', date);
  const problem = ibanProblem(iban);
  if (problem) {
    throw new RuleViolationError('debtor_iban_invalid', `Aanname 'betaalrekening_iban': ${problem}.`);
  }
  let bic: string | null = null;
  try {
    bic = normaliseBic(a.text('betaalrekening_bic', date));
  } catch (e) {
    // No BIC set: the file says NOTPROVIDED (SEPA allows IBAN-only within the SEPA zone).
    if (!(e instanceof MissingAssumptionError)) throw e;
  }
  return { name: a.text('betaalrekening_naam', date), iban: normaliseIban(iban) as string, bic };
}

export const createPaymentFile = defineCommand({
  name: 'settlement/payment-file',
  summary: 'Maakt het betaalbestand (SEPA pain.001 of CSV) van een goedgekeurde run.',
  input: paymentFileInput,
  authorize: ({ actor }) => assertCan(actor, RUN_ACTIONS['payment-file'].permission),
  async run({ tx, actor, now }, input) {
    const { rows } = await tx.query<{ status: RunState; period: string }>(
      'SELECT status, period FROM settlement_runs WHERE id = $1 FOR UPDATE',
      [input.run],
    );
    const run = rows[0];
    if (!run) throw new NotFoundError('Afrekeningsrun', input.run);
    const action = RUN_ACTIONS['payment-file'];
    if (!(action.from as readonly string[]).includes(run.status)) {
      throw new ConflictError(
        'run_wrong_state',
        `Een betaalbestand kan alleen voor een goedgekeurde run (status nu '${run.status}').`,
      );
    }
    // One payment per organisation; a premium line without organisation (kbo '') is paid to the
    // person (its worker pseudonym), to the IBAN the registry holds for that person.
    const { rows: sums } = await tx.query<{ kbo: string; amount: string }>(
      `SELECT CASE WHEN kbo = '' THEN worker ELSE kbo END AS kbo, SUM(amount_cents)::bigint AS amount
         FROM settlement_lines WHERE run_id = $1 GROUP BY 1 ORDER BY 1`,
      [input.run],
    );
    const accounts = await bankAccountsByKbo(
      tx,
      sums.map((s) => s.kbo),
    );
    const persons = await personBankAccountsByPseudonym(
      tx,
      sums.filter((s) => !/^\d{10}$/.test(s.kbo)).map((s) => s.kbo),
    );
    for (const [pseudonym, p] of persons) accounts.set(pseudonym, { kbo: pseudonym, ...p });
    const executionDate = input.execution_date ?? now.toISOString().slice(0, 10);
    const debtor = debtorAccount(new AssumptionSet(await assumptionTable(tx)), executionDate);

    const orders: PaymentOrder[] = [];
    const withheld: { kbo: string; amount: Cents }[] = [];
    const missing: string[] = [];
    const refs = new Set<string>();
    for (const s of sums) {
      const amount = money.cents(Number(s.amount));
      if (amount < 0) withheld.push({ kbo: s.kbo, amount });
      if (amount <= 0) continue;
      const acct = accounts.get(s.kbo);
      const problem = !acct ? 'niet in het register' : !acct.iban ? 'geen IBAN' : ibanProblem(acct.iban);
      if (problem || !acct?.iban) {
        missing.push(`${acct?.name ?? s.kbo} (${s.kbo}): ${problem}`);
        continue;
      }
      let salt = 0;
      let reference = structuredReference(input.run, s.kbo);
      while (refs.has(reference)) reference = structuredReference(input.run, s.kbo, ++salt);
      refs.add(reference);
      orders.push({
        kbo: s.kbo,
        name: acct.name,
        iban: acct.iban,
        bic: acct.bic,
        amount,
        reference,
        endToEndId: `${input.run.slice(0, 8)}-${s.kbo}`,
      });
    }
    if (missing.length) {
      throw new RuleViolationError(
        'payment_iban_missing',
        `Geen betaalbestand: ${missing.length} organisatie(s) zonder geldig IBAN-nummer: ${missing.join('; ')}. Vul het IBAN in het register aan.`,
        { organisations: missing },
      );
    }
    const { rows: count } = await tx.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM settlement_payment_files WHERE run_id = $1',
      [input.run],
    );
    const messageId = `TREDE-${input.run.replace(/-/g, '').slice(0, 20)}-${(count[0]?.n ?? 0) + 1}`;
    const file = { messageId, created: now, executionDate, debtor, orders };
    const content = input.format === 'pain' ? painXml(file) : paymentCsv(file);
    const sum = controlSum(orders);
    await tx.query(
      `INSERT INTO settlement_payment_files (run_id, format, message_id, payments, control_sum_cents, sha256, created_by, created_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
      [
        input.run,
        input.format,
        messageId,
        orders.length,
        sum,
        createHash('sha256').update(content).digest('hex'),
        actor.userId ?? actor.label,
        now,
      ],
    );
    await tx.query('UPDATE settlement_runs SET status = $2 WHERE id = $1', [input.run, action.to]);
    const result: PaymentFileResult = {
      run: input.run,
      format: input.format,
      message_id: messageId,
      file_name: `${messageId}.${input.format === 'pain' ? 'xml' : 'csv'}`,
      media_type: input.format === 'pain' ? 'application/xml' : 'text/csv; charset=utf-8',
      payments: orders.map((o) => ({
        kbo: o.kbo,
        name: o.name,
        iban: o.iban,
        amount: money.toEuros(o.amount),
        reference: o.reference,
      })),
      control_sum: money.toEuros(sum),
      withheld: withheld.map((w) => ({ kbo: w.kbo, amount: money.toEuros(w.amount) })),
      content,
    };
    return {
      result,
      audit: {
        entityType: 'settlement_run',
        entityId: input.run,
        data: {
          from: run.status,
          to: action.to,
          message_id: messageId,
          format: input.format,
          payments: orders.length,
          control_sum_cents: sum,
        },
      },
    };
  },
});
