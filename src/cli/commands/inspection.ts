import type { Command } from 'commander';
import {
  getInspection,
  INSPECTION_TRANSITIONS,
  type InspectionAction,
  inspectionReport,
  listInspections,
  openInspection,
  openInspectionFromRisk,
  riskHits,
} from '../../inspection/index.ts';
import { withCli } from '../context.ts';
import { type Io, printJson, printRows, renderTable } from '../output.ts';

export function inspectionCommand(program: Command, io: Io): void {
  const group = program
    .command('inspection')
    .description("Vlaamse Sociale Inspectie: dossiers, risico's, rapport.");
  group
    .command('list')
    .description('Inspectiedossiers.')
    .option('--state <toestand>', 'open, gepland, uitgevoerd, afgesloten')
    .option('--format <formaat>', 'table of json', 'table')
    .action(async (o: { state?: string; format: string }) => {
      const items = await withCli((c) => listInspections(c.db, c.actor, { state: o.state as never }));
      printRows(io, o.format, items, [
        { header: 'referentie', value: (i) => i.reference },
        { header: 'organisatie', value: (i) => i.organisation.name },
        { header: 'domein', value: (i) => i.domain },
        { header: 'toestand', value: (i) => i.state },
        { header: 'uitkomst', value: (i) => i.outcome },
      ]);
    });
  group
    .command('show <id>')
    .description('Eén inspectiedossier met tijdlijn (JSON).')
    .action(async (id: string) => printJson(io, await withCli((c) => getInspection(c.db, c.actor, id))));
  group
    .command('open')
    .description('Opent een inspectiedossier.')
    .requiredOption('--organisation <id>', 'organisatie-id')
    .requiredOption('--domain <domein>', 'domein van de VSI-tabel, bv. Dienstencheques')
    .requiredOption('--origin <herkomst>', 'klacht, risicolijst, eigen-initiatief, vraag-andere-dienst')
    .option('--person <id>', 'persoon-id')
    .option('--note <tekst>', 'toelichting')
    .action(
      async (o: { organisation: string; domain: string; origin: string; person?: string; note?: string }) =>
        printJson(
          io,
          await withCli((c) =>
            c.run(openInspection, {
              organisationId: o.organisation,
              domain: o.domain,
              origin: o.origin,
              personId: o.person ?? null,
              note: o.note ?? null,
            }),
          ),
        ),
    );
  group
    .command('transition <id> <actie>')
    .description('plannen, uitvoeren, vaststellen, afsluiten.')
    .option('--outcome <uitkomst>', 'bij afsluiten')
    .option('--amount <euro>', 'voorgestelde terugvordering')
    .option('--note <tekst>', 'vaststelling of toelichting')
    .option('--rule <regel>', 'de regel waarop de vaststelling slaat')
    .action(
      async (
        id: string,
        action: string,
        o: { outcome?: string; amount?: string; note?: string; rule?: string },
      ) => {
        const cmd = INSPECTION_TRANSITIONS[action as InspectionAction];
        if (!cmd)
          throw new Error(
            `onbekende actie '${action}'; kies uit: ${Object.keys(INSPECTION_TRANSITIONS).join(', ')}`,
          );
        printJson(io, await withCli((c) => c.run(cmd, { id, ...o })));
      },
    );
  group
    .command('risks')
    .description('Risicolijst (knipperlichten): [{ rule, organisation, person, reason, records }].')
    .option('--rule <regel>', 'enkel deze regel')
    .option('--as-of <datum>', 'peildatum JJJJ-MM-DD')
    .option('--format <formaat>', 'table of json', 'table')
    .action(async (o: { rule?: string; asOf?: string; format: string }) => {
      const hits = await withCli((c) => riskHits(c.db, c.actor, { rule: o.rule, asOf: o.asOf }));
      const out = hits.map((h) => ({
        rule: h.rule,
        organisation: h.organisation,
        person: h.person,
        reason: h.reason,
        records: h.records,
      }));
      printRows(io, o.format, out, [
        { header: 'regel', value: (h) => h.rule },
        { header: 'organisatie', value: (h) => h.organisation.name },
        { header: 'persoon', value: (h) => h.person },
        { header: 'reden', value: (h) => h.reason },
      ]);
    });
  group
    .command('open-from-risk')
    .description('Opent een inspectiedossier vanuit een treffer van de risicolijst (herkomst risicolijst).')
    .requiredOption('--rule <regel>', 'de risicoregel van de treffer')
    .requiredOption('--organisation <id>', 'organisatie-id van de treffer')
    .requiredOption('--reason <tekst>', 'de reden van de treffer')
    .option('--person <id>', 'persoon-id van de treffer')
    .option('--record <soort:id...>', 'de gegevens achter de treffer, bv. placement:<id>')
    .option('--domain <domein>', 'domein van de VSI-tabel', 'Maatwerk')
    .option('--measure <maatregel>', 'maatregel-id, bv. collectief-maatwerk')
    .action(
      async (o: {
        rule: string;
        organisation: string;
        reason: string;
        person?: string;
        record?: string[];
        domain: string;
        measure?: string;
      }) =>
        printJson(
          io,
          await withCli((c) =>
            c.run(openInspectionFromRisk, {
              rule: o.rule,
              organisationId: o.organisation,
              personId: o.person ?? null,
              reason: o.reason,
              records: (o.record ?? []).map((r) => {
                const i = r.indexOf(':');
                return { kind: r.slice(0, i), id: r.slice(i + 1) };
              }),
              domain: o.domain,
              measureId: o.measure ?? null,
            }),
          ),
        ),
    );
  group
    .command('report')
    .description(
      'De VSI-jaartabel per domein (dossiers, PJ, voorgestelde terugvorderingen) uit de inspectiedossiers, met de referentiecijfers 2021-2022, antidiscriminatie en de doorlooptijd van boetes.',
    )
    .requiredOption('--year <jaar>', 'het jaar, bv. 2022')
    .option('--format <formaat>', 'table of json', 'table')
    .action(async (o: { year: string; format: string }) => {
      const report = await withCli((c) => inspectionReport(c.db, c.actor, Number(o.year)));
      if (o.format === 'json') return printJson(io, report);
      const ref = new Map((report.reference?.domains ?? []).map((r) => [r.domain, r]));
      if (report.reference) ref.set('TOTAAL', report.reference.total);
      io.out(
        renderTable(
          [report.computed.total, ...report.computed.domains],
          [
            { header: 'domein', value: (r) => r.domain },
            { header: 'dossiers', value: (r) => r.dossiers },
            { header: 'PJ', value: (r) => r.pj },
            { header: 'terugvorderingen (€)', value: (r) => r.recoveriesCents / 100 },
            { header: 'ref. dossiers', value: (r) => ref.get(r.domain)?.dossiers ?? null },
            { header: 'ref. PJ', value: (r) => ref.get(r.domain)?.pj ?? null },
            { header: 'ref. terugv. (€)', value: (r) => ref.get(r.domain)?.recoveriesEur ?? null },
          ],
        ),
      );
      const f = report.computed.fineLeadTime;
      io.out(
        `boetes binnen ${f.normMonths} maanden: ${f.withinNorm} van ${f.measured} gemeten (${f.fines} opgelegd; norm ${f.normShare}%, ${f.source})`,
      );
      if (report.reference)
        io.out(
          report.reference.check.findings.length
            ? report.reference.check.findings.map((x) => `afwijking: ${x.message} (${x.source})`).join('\n')
            : `referentie: ${report.reference.check.checked.totals} totalen en ${report.reference.check.checked.trends} trends kloppen (${report.reference.source})`,
        );
    });
}
