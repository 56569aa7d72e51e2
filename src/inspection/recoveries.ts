/**
 * A proposed recovery leaves the inspection (dependency inspection → settlement, inspection →
 * dossiers; never the other way): when an inspection dossier on a measure is closed with
 * 'terugvordering-voorgesteld', the same transaction registers a settlement recovery (the next run
 * of that organisation for the measure takes it as a negative line, or it is a claim when nothing
 * more is paid) and notes it on the organisation's dossier for the measure. The seeds give no link
 * between a VSI proposal and a booked claim (spec-inspection §6; seeds/001_4a57afe77d69f3a4.txt:L9842,
 * seeds/000_3bfdbb028fdab786.txt:L4886-4934): that the proposal is collected in full is an assumption.
 */
import type { CommandContext } from '../commands/index.ts';
import { noteRecoveryProposal } from '../dossiers/index.ts';
import { organisationsById } from '../registry/index.ts';
import { type RecoveryView, recordRecovery } from '../settlement/index.ts';

export const RECOVERY_ASSUMPTION =
  'aanname: het voorgestelde bedrag wordt volledig teruggevorderd (de bronnen geven geen verband tussen voorstel en vordering)';

export async function passOnRecovery(
  ctx: Pick<CommandContext, 'tx' | 'actor' | 'now'>,
  inspection: { id: string; reference: string; organisationId: string; measureId: string },
  amountCents: number,
): Promise<{ recovery: RecoveryView; dossier: { dossierId: string; reference: string } | null }> {
  const [org] = await organisationsById(ctx.tx, [inspection.organisationId]);
  if (!org) throw new Error(`organisatie ${inspection.organisationId} ontbreekt`);
  const recovery = await recordRecovery(ctx, {
    measure: inspection.measureId,
    kbo: org.kbo,
    amountCents,
    reason: `Voorgestelde terugvordering van inspectiedossier ${inspection.reference}`,
    origin: 'inspectie',
    originRef: inspection.reference,
  });
  const dossier = await noteRecoveryProposal(ctx, {
    organisationId: inspection.organisationId,
    measure: inspection.measureId,
    amountCents,
    origin: `inspectiedossier ${inspection.reference}`,
    recoveryId: recovery.id,
  });
  return { recovery, dossier };
}
