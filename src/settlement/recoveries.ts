/**
 * Recoveries that settlement collects (table settlement_recoveries, migration 0049). Another
 * module (inspection) registers one through `registerRecovery` / `recordRecovery`; the next
 * settlement run of the organisation for the measure takes it as one negative line
 * (`recoveryLines`, then `markRecoveriesSettled` once the run is stored). When nothing more is
 * paid for the measure (no settlement plan, or a case handler turns it into a claim), it is a
 * claim (vordering) instead of a line. Settlement never reads the module that asked for it.
 */
import { z } from 'zod';
import { type Actor, assertCan, can, organisationScope } from '../access/index.ts';
import { type CommandContext, defineCommand } from '../commands/index.ts';
import type { Queryable, Tx } from '../db/index.ts';
import { ConflictError, ForbiddenError, money, NotFoundError } from '../domain/index.ts';
import type { SettlementLine } from './cmw.ts';
import { SETTLED_MEASURES } from './plan.ts';

export const RECOVERY_COMPONENT = 'terugvordering';

export interface RecoveryView {
  id: string;
  measure: string;
  kbo: string;
  amount: number;
  reason: string;
  origin: 'inspectie' | 'manueel';
  originRef: string | null;
  registeredAt: string;
  /** open: waits for the next run; verrekend: a negative line in run `runId`; vordering: a claim. */
  status: 'open' | 'verrekend' | 'vordering';
  runId: string | null;
}

interface Row {
  id: string;
  measure_id: string;
  kbo: string;
  amount_cents: string | number;
  reason: string;
  origin: 'inspectie' | 'manueel';
  origin_ref: string | null;
  registered_at: Date;
  settled_run_id: string | null;
  claimed_at: Date | null;
}
const present = (r: Row): RecoveryView => ({
  id: r.id,
  measure: r.measure_id,
  kbo: r.kbo,
  amount: money.toEuros(money.cents(Number(r.amount_cents))),
  reason: r.reason,
  origin: r.origin,
  originRef: r.origin_ref,
  registeredAt: r.registered_at.toISOString(),
  status: r.settled_run_id ? 'verrekend' : r.claimed_at ? 'vordering' : 'open',
  runId: r.settled_run_id,
});
const COLUMNS =
  'id, measure_id, kbo, amount_cents, reason, origin, origin_ref, registered_at, settled_run_id, claimed_at';

export const registerRecoveryInput = z.object({
  measure: z.string().regex(/^[a-z0-9-]+$/, 'geen geldige maatregel-id'),
  kbo: z.string().regex(/^\d{10}$/, 'een KBO-nummer van tien cijfers'),
  amountCents: z.number().int().positive('een bedrag groter dan nul, in eurocent'),
  reason: z.string().trim().min(1).max(500),
  origin: z.enum(['inspectie', 'manueel']).default('manueel'),
  originRef: z.string().trim().max(120).optional().nullable(),
});
export type RegisterRecoveryInput = z.input<typeof registerRecoveryInput>;

/**
 * Registers a recovery inside the caller's transaction (the caller's command writes the audit
 * event). A measure without a settlement plan pays nothing more through runs: a claim at once.
 */
export async function recordRecovery(
  ctx: Pick<CommandContext, 'tx' | 'actor' | 'now'>,
  raw: RegisterRecoveryInput,
): Promise<RecoveryView> {
  assertCan(ctx.actor, 'settlement:register-recovery');
  const input = registerRecoveryInput.parse(raw);
  const claim = !(SETTLED_MEASURES as readonly string[]).includes(input.measure);
  const { rows } = await ctx.tx.query<Row>(
    `INSERT INTO settlement_recoveries (measure_id, kbo, amount_cents, reason, origin, origin_ref, registered_by, registered_at, claimed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (origin, origin_ref) DO NOTHING RETURNING ${COLUMNS}`,
    [
      input.measure,
      input.kbo,
      input.amountCents,
      input.reason,
      input.origin,
      input.originRef ?? null,
      ctx.actor.userId ?? ctx.actor.label,
      ctx.now,
      claim ? ctx.now : null,
    ],
  );
  if (!rows[0])
    throw new ConflictError(
      'recovery_exists',
      `Voor ${input.originRef} is al een terugvordering geregistreerd.`,
    );
  return present(rows[0]);
}

export const registerRecovery = defineCommand({
  name: 'settlement/register-recovery',
  summary: 'Registreert een terugvordering: een negatieve lijn in de volgende afrekening (of een vordering).',
  input: registerRecoveryInput,
  authorize: ({ actor }) => assertCan(actor, 'settlement:register-recovery'),
  async run(ctx, input) {
    const view = await recordRecovery(ctx, input);
    return {
      result: view,
      audit: { entityType: 'settlement_recovery', entityId: view.id, data: { ...view } },
    };
  },
});

/** A case handler turns an open recovery into a claim: nothing more will be paid to offset it. */
export const claimRecovery = defineCommand({
  name: 'settlement/claim-recovery',
  summary: 'Maakt van een openstaande terugvordering een vordering (er wordt niets meer betaald).',
  input: z.object({ id: z.uuid() }),
  authorize: ({ actor }) => assertCan(actor, 'settlement:approve'),
  async run({ tx, now }, input) {
    const { rows } = await tx.query<Row>(
      `UPDATE settlement_recoveries SET claimed_at = $2 WHERE id = $1 AND settled_run_id IS NULL AND claimed_at IS NULL
       RETURNING ${COLUMNS}`,
      [input.id, now],
    );
    if (!rows[0]) throw new NotFoundError('Openstaande terugvordering', input.id);
    return {
      result: present(rows[0]),
      audit: { entityType: 'settlement_recovery', entityId: input.id, data: {} },
    };
  },
});

export const RECOVERY_COMMANDS = [registerRecovery, claimRecovery] as const;

/**
 * The run's recovery lines: every open recovery of the measure for an organisation the run
 * settles, and (so that a rerun of the period gives no delta) those an earlier run of the same
 * measure and period already took. One line per recovery, negative, keyed by the recovery.
 */
export async function recoveryLines(
  tx: Queryable,
  measure: string,
  period: string,
  kbos: readonly string[],
): Promise<SettlementLine[]> {
  if (kbos.length === 0) return [];
  const { rows } = await tx.query<Row>(
    `SELECT ${COLUMNS.split(', ')
      .map((c) => `r.${c}`)
      .join(', ')} FROM settlement_recoveries r
      WHERE r.measure_id = $1 AND r.kbo = ANY($3::text[]) AND r.claimed_at IS NULL
        AND (r.settled_run_id IS NULL
             OR r.settled_run_id IN (SELECT id FROM settlement_runs WHERE measure_id = $1 AND period = $2))
      ORDER BY r.registered_at, r.id`,
    [measure, period, [...kbos]],
  );
  return rows.map((r) => ({
    key: `${r.kbo}||${RECOVERY_COMPONENT}|${r.id}`,
    kbo: r.kbo,
    worker: null,
    component: RECOVERY_COMPONENT as SettlementLine['component'],
    period,
    amount: money.cents(-Number(r.amount_cents)),
    basis: { terugvordering: r.id, reden: r.reason, herkomst: `${r.origin} ${r.origin_ref ?? ''}`.trim() },
  }));
}

/** After the run is stored: its recovery lines settle their recoveries (once). */
export async function markRecoveriesSettled(
  tx: Tx,
  runId: string,
  lines: readonly { component: string; basis: Record<string, unknown> }[],
): Promise<void> {
  const ids = lines
    .filter((l) => l.component === RECOVERY_COMPONENT)
    .map((l) => String(l.basis['terugvordering']));
  if (ids.length === 0) return;
  await tx.query(
    'UPDATE settlement_recoveries SET settled_run_id = $1 WHERE id = ANY($2::uuid[]) AND settled_run_id IS NULL',
    [runId, ids],
  );
}

/** Recoveries of an organisation (internal readers; a werkgever through its own scope elsewhere). */
export async function listRecoveries(
  db: Queryable,
  actor: Actor,
  filter: { kbo?: string; measure?: string; originRef?: string } = {},
): Promise<RecoveryView[]> {
  if (!can(actor, 'settlement:register-recovery')) assertCan(actor, 'settlement:read');
  if (organisationScope(actor)) throw new ForbiddenError('Terugvorderingen per organisatie zijn intern.');
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.kbo) where.push(`kbo = $${params.push(filter.kbo)}`);
  if (filter.measure) where.push(`measure_id = $${params.push(filter.measure)}`);
  if (filter.originRef) where.push(`origin_ref = $${params.push(filter.originRef)}`);
  const { rows } = await db.query<Row>(
    `SELECT ${COLUMNS} FROM settlement_recoveries ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY registered_at, id`,
    params,
  );
  return rows.map(present);
}
