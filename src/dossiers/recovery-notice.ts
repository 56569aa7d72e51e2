/**
 * How the dossier learns of a recovery another service proposed (the VSI): a timeline event
 * 'terugvordering-voorgesteld' on the organisation's latest dossier for the measure, without a
 * state change and without a payment. The inspecteur has no dossiers:handle; this has its own
 * permission (dossiers:note-recovery). The case handler then decides with 'terugvorderen'.
 */
import { assertCan } from '../access/index.ts';
import type { CommandContext } from '../commands/index.ts';

export interface RecoveryNotice {
  organisationId: string;
  measure: string;
  amountCents: number;
  /** E.g. the inspection dossier's reference. */
  origin: string;
  /** The settlement recovery that collects it. */
  recoveryId: string;
}

/** Writes the notice in the caller's transaction; returns the dossier it landed on, or null. */
export async function noteRecoveryProposal(
  ctx: Pick<CommandContext, 'tx' | 'actor' | 'now'>,
  n: RecoveryNotice,
): Promise<{ dossierId: string; reference: string } | null> {
  assertCan(ctx.actor, 'dossiers:note-recovery');
  const { rows } = await ctx.tx.query<{ id: string; reference: string; state: string }>(
    `SELECT id, reference, state FROM dossiers WHERE organisation_id = $1 AND measure_id = $2
      ORDER BY received_at DESC, id LIMIT 1`,
    [n.organisationId, n.measure],
  );
  const d = rows[0];
  if (!d) return null;
  await ctx.tx.query(
    `INSERT INTO dossier_events (dossier_id, action, from_state, to_state, reason, actor_id, actor_label, occurred_at, data)
     VALUES ($1, 'terugvordering-voorgesteld', $2, $2, $3, $4, $5, $6, $7)`,
    [
      d.id,
      d.state,
      `Terugvordering voorgesteld door ${n.origin}`,
      ctx.actor.userId,
      ctx.actor.label,
      ctx.now,
      JSON.stringify({ amountCents: n.amountCents, origin: n.origin, settlementRecovery: n.recoveryId }),
    ],
  );
  return { dossierId: d.id, reference: d.reference };
}
