/** `npx trede settlement contingent|schedule …`: the measure-specific settlement reports. */
import type { Command } from 'commander';
import { contingentReport, preparePremiumRun, settlementPlan } from '../../settlement/index.ts';
import { withCli } from '../context.ts';
import { CliUsageError, type Io, printJson, renderTable } from '../output.ts';

const nl = (n: number, digits = 2) =>
  n.toLocaleString('nl-BE', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export function settlementMeasureCommands(group: Command, io: Io): void {
  group
    .command('contingent <maatregel>')
    .description(
      'Invulling van het contingent op jaarbasis, de 90%-regel en de herverdeling per VTE (uit het register).',
    )
    .requiredOption('--year <jaar>', 'invullingsjaar')
    .option('--format <formaat>', 'table of json', 'table')
    .action(async (measure: string, o: { year: string; format: string }) => {
      if (!/^\d{4}$/.test(o.year)) throw new CliUsageError(`'${o.year}' is geen jaar (JJJJ)`);
      if (!settlementPlan(measure).contingent)
        throw new CliUsageError(`maatregel '${measure}' heeft geen contingent in haar afrekeningsplan`);
      const r = await withCli((ctx) => contingentReport(ctx.db, ctx.actor, measure, Number(o.year)));
      if (o.format === 'json') {
        return printJson(io, {
          year: r.year,
          organisations: r.organisations,
          reduced_vte: r.reduced_vte,
          redistributed_vte: r.redistributed_vte,
          not_redistributed_vte: r.not_redistributed_vte,
          suspended: r.suspended,
          effective: r.effective,
          assumptions: r.assumptions,
        });
      }
      io.out(
        renderTable(r.organisations, [
          { header: 'kbo', value: (x) => x.kbo },
          { header: 'contingent (VTE)', value: (x) => nl(x.contingent_vte) },
          { header: 'ingevuld (VTE)', value: (x) => nl(x.filled_vte) },
          { header: 'invulling', value: (x) => `${nl(x.fill_rate * 100, 1)} %` },
          { header: 'vermindering', value: (x) => nl(x.reduction_vte) },
          { header: 'herverdeeld', value: (x) => nl(x.received_vte) },
        ]),
      );
      io.out(
        r.suspended
          ? `De 90%-regel is opgeschort voor ${r.year}: geen vermindering en geen herverdeling.\n`
          : `Vermindering ${nl(r.reduced_vte)} VTE, herverdeeld ${nl(r.redistributed_vte)} VTE (vanaf ${r.effective}).\n`,
      );
    });
  group
    .command('premiums')
    .description(
      'Zet de vervallen schijven en premies van toegekende dossiers in een maandelijkse run (niets twee keer).',
    )
    .requiredOption('--period <maand>', 'JJJJ-MM')
    .option('--dry-run', 'niets bewaren')
    .option('--format <formaat>', 'table of json', 'table')
    .action(async (o: { period: string; dryRun?: boolean; format: string }) => {
      const run = await withCli((ctx) =>
        ctx.run(preparePremiumRun, { period: o.period, dry_run: o.dryRun === true }),
      );
      if (o.format === 'json') return printJson(io, run);
      io.out(`run ${run.id ?? '(niet bewaard)'} ${run.period} premies ${run.status}\n`);
      io.out(
        renderTable(run.lines, [
          { header: 'dossier', value: (l) => l.reference },
          { header: 'maatregel', value: (l) => l.measure },
          { header: 'vervaldag', value: (l) => l.due },
          { header: 'bedrag', value: (l) => nl(l.amount) },
        ]),
      );
      io.out(`Totaal ${nl(run.totals.due)} euro.\n`);
    });
}
