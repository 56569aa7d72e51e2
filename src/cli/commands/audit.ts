import type { Command } from 'commander';
import { listAuditEvents } from '../../audit/index.ts';
import { withCli } from '../context.ts';
import { type Io, printRows } from '../output.ts';

export function auditCommand(program: Command, io: Io): void {
  program
    .command('audit')
    .description('Het auditlogboek.')
    .command('list')
    .description('Toont audit-gebeurtenissen, nieuwste eerst.')
    .option('--entity-type <soort>', 'bv. organisation, user')
    .option('--entity-id <id>', 'id van het gegeven')
    .option('--action <handeling>', 'bv. registry/create-organisation')
    .option('--actor <gebruiker>', 'gebruikersnaam')
    .option('--limit <n>', 'aantal (max 500)', '50')
    .option('--format <formaat>', 'table of json', 'table')
    .action(
      async (o: {
        entityType?: string;
        entityId?: string;
        action?: string;
        actor?: string;
        limit: string;
        format: string;
      }) => {
        const events = await withCli((ctx) =>
          listAuditEvents(ctx.db, ctx.actor, {
            entityType: o.entityType,
            entityId: o.entityId,
            action: o.action,
            actor: o.actor,
            limit: Number(o.limit),
          }),
        );
        printRows(io, o.format, events, [
          { header: 'tijdstip', value: (e) => e.occurredAt },
          { header: 'wie', value: (e) => `${e.actor} (${e.channel})` },
          { header: 'handeling', value: (e) => e.action },
          { header: 'betreft', value: (e) => (e.entityType ? `${e.entityType} ${e.entityId}` : null) },
        ]);
      },
    );
}
