import type { Command } from 'commander';
import { systemActor } from '../../access/index.ts';
import { vsiReport } from '../../inspection/index.ts';
import { type Io, printJson, renderTable } from '../output.ts';

export function inspectionCommand(program: Command, io: Io): void {
  const group = program.command('inspection').description('Vlaamse Sociale Inspectie: rapportering.');
  group
    .command('report')
    .description('De VSI-jaartabel per domein (dossiers, PJ, voorgestelde terugvorderingen).')
    .requiredOption('--year <jaar>', 'het jaar, bv. 2022')
    .option('--format <formaat>', 'table of json', 'table')
    .action((o: { year: string; format: string }) => {
      // Reference data only: no database needed.
      const report = vsiReport(systemActor('cli'), Number(o.year));
      if (o.format === 'json') return printJson(io, report);
      io.out(
        renderTable(
          [report.total, ...report.domains],
          [
            { header: 'domein', value: (r) => r.domain },
            { header: 'dossiers', value: (r) => r.dossiers },
            { header: 'PJ', value: (r) => r.pj },
            { header: 'terugvorderingen (€)', value: (r) => r.recoveriesEur },
            { header: 'bron', value: (r) => r.source },
          ],
        ),
      );
      io.out(
        report.check.findings.length
          ? report.check.findings.map((f) => `afwijking: ${f.message} (${f.source})`).join('\n')
          : `controle: ${report.check.checked.totals} totalen en ${report.check.checked.trends} trends kloppen`,
      );
    });
}
