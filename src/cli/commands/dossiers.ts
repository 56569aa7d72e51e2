import type { Command } from 'commander';
import {
  ACTION_NAMES,
  applyForMeasure,
  getDossier,
  leadTimeReport,
  listDossiers,
  STATES,
  transitionCommandFor,
} from '../../dossiers/index.ts';
import { withCli } from '../context.ts';
import { CliUsageError, type Io, printJson, printPage, printRows, renderTable } from '../output.ts';

function parseFacts(text: string | undefined): Record<string, unknown> {
  if (!text) return {};
  try {
    const v = JSON.parse(text) as unknown;
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {}
  throw new CliUsageError('--facts verwacht een JSON-object, bv. \'{"leeftijd": 40}\'');
}

const euro = (cents: number) => (cents / 100).toFixed(2).replace('.', ',');

export function dossiersCommand(program: Command, io: Io): Command {
  const dossiers = program
    .command('dossiers')
    .description('Dossiers: aanvragen voor maatregelen, hun toestand en doorlooptijden.');

  dossiers
    .command('list')
    .description('Toont dossiers, nieuwste eerst.')
    .option('--state <toestand>', STATES.join(', '))
    .option('--measure <id>', 'maatregel (id uit de catalogus)')
    .option('--organisation <id>', 'organisatie-id')
    .option('--handler <id>', "behandelaar: gebruikers-id of 'geen'")
    .option('--open', 'enkel dossiers die niet afgesloten of ingetrokken zijn')
    .option('--sort <kolom>', 'ontvangen, referentie, maatregel, toestand, organisatie (-kolom: aflopend)')
    .option('--page <n>', 'pagina', '1')
    .option('--page-size <n>', 'rijen per pagina (max 500)', '100')
    .option('--format <formaat>', 'table of json', 'table')
    .action(
      async (o: {
        state?: string;
        measure?: string;
        organisation?: string;
        handler?: string;
        open?: boolean;
        sort?: string;
        page: string;
        pageSize: string;
        format: string;
      }) => {
        if (o.state && !(STATES as readonly string[]).includes(o.state)) {
          throw new CliUsageError(`onbekende toestand '${o.state}'; kies uit ${STATES.join(', ')}`);
        }
        const page = await withCli((ctx) =>
          listDossiers(ctx.db, ctx.actor, {
            state: o.state as never,
            measureId: o.measure,
            organisationId: o.organisation,
            handler: o.handler,
            open: o.open ?? false,
            sort: o.sort,
            page: Number(o.page),
            pageSize: Math.min(Number(o.pageSize), 500),
          }),
        );
        printPage(io, o.format, page, [
          { header: 'referentie', value: (r) => r.reference },
          { header: 'maatregel', value: (r) => r.measureId },
          { header: 'organisatie', value: (r) => r.organisationName },
          { header: 'toestand', value: (r) => r.state + (r.outcome ? ` (${r.outcome})` : '') },
          { header: 'ontvangen', value: (r) => r.receivedAt.slice(0, 10) },
          { header: 'id', value: (r) => r.id },
        ]);
      },
    );

  dossiers
    .command('show')
    .description('Toont één dossier met zijn tijdlijn en de mogelijke acties.')
    .argument('<id>', 'dossier-id')
    .option('--format <formaat>', 'table of json', 'table')
    .action(async (id: string, o: { format: string }) => {
      const d = await withCli((ctx) => getDossier(ctx.db, ctx.actor, id));
      if (o.format === 'json') return printJson(io, d);
      io.out(
        `${d.reference} · ${d.measureName} · ${d.organisationName ?? d.personId}\n` +
          `Toestand: ${d.stateLabel}${d.outcome ? ` (${d.outcome})` : ''} · betaald € ${euro(d.paidCents)}\n` +
          `Recht: ${d.eligibility?.eligible === null ? 'niet gemodelleerd' : d.eligibility?.eligible ? 'ja' : 'nee'}` +
          `${d.eligibility?.amount !== null && d.eligibility?.amount !== undefined ? ` · € ${d.eligibility.amount.toFixed(2).replace('.', ',')}` : ''}` +
          ` · regelset ${d.ruleset?.version ?? '–'}\n\n`,
      );
      io.out(
        renderTable(d.timeline, [
          { header: 'wanneer', value: (e) => e.occurredAt.slice(0, 16).replace('T', ' ') },
          { header: 'actie', value: (e) => e.action },
          { header: 'naar', value: (e) => e.toState },
          { header: 'door', value: (e) => e.actor },
          { header: 'reden', value: (e) => e.reason },
        ]),
      );
      io.out(`\nMogelijke acties: ${d.nextActions.map((a) => a.action).join(', ') || 'geen'}\n`);
    });

  dossiers
    .command('apply')
    .description('Dient een aanvraag in voor een maatregel.')
    .requiredOption('--measure <id>', 'maatregel (id uit de catalogus)')
    .option('--organisation <id>', 'organisatie-id')
    .option('--person <id>', 'persoon-id')
    .option('--facts <json>', 'de feiten van de maatregel als JSON-object')
    .option('--date <JJJJ-MM-DD>', 'datum waarop de regels gelden (standaard vandaag)')
    .option('--channel <kanaal>', 'online of papier', 'online')
    .option('--received-on <JJJJ-MM-DD>', 'ontvangstdatum van een papieren aanvraag')
    .option('--format <formaat>', 'table of json', 'table')
    .action(
      async (o: {
        measure: string;
        organisation?: string;
        person?: string;
        facts?: string;
        date?: string;
        channel: string;
        receivedOn?: string;
        format: string;
      }) => {
        const d = await withCli((ctx) =>
          ctx.run(applyForMeasure, {
            measureId: o.measure,
            organisationId: o.organisation ?? null,
            personId: o.person ?? null,
            facts: parseFacts(o.facts),
            date: o.date,
            receivedOn: o.receivedOn,
            channel: o.channel,
          }),
        );
        if (o.format === 'json') return printJson(io, d);
        io.out(`Dossier ${d.reference} ontvangen met id ${d.id}.\n`);
      },
    );

  dossiers
    .command('transition')
    .description('Voert een actie uit op een dossier.')
    .argument('<id>', 'dossier-id')
    .argument('<actie>', ACTION_NAMES.join(', '))
    .option('--reason <tekst>', 'reden (verplicht bij weigeren, intrekken, beroep, terugvordering)')
    .option('--amount <euro>', 'bedrag in euro (betalen, terugvorderen)')
    .option('--kind <soort>', 'soort betaling: voorschot, saldo, schijf, betaling')
    .option('--handler <id>', 'behandelaar (toewijzen)')
    .option('--format <formaat>', 'table of json', 'table')
    .action(
      async (
        id: string,
        action: string,
        o: { reason?: string; amount?: string; kind?: string; handler?: string; format: string },
      ) => {
        if (!(ACTION_NAMES as string[]).includes(action)) {
          throw new CliUsageError(`onbekende actie '${action}'; kies uit ${ACTION_NAMES.join(', ')}`);
        }
        const d = await withCli((ctx) =>
          ctx.run(transitionCommandFor(action), {
            id,
            reason: o.reason ?? null,
            amount: o.amount ?? null,
            kind: o.kind ?? null,
            handlerId: o.handler ?? null,
          }),
        );
        if (o.format === 'json') return printJson(io, d);
        io.out(`Dossier ${d.reference}: ${d.stateLabel}${d.outcome ? ` (${d.outcome})` : ''}.\n`);
      },
    );

  dossiers
    .command('lead-times')
    .description('Doorlooptijden per norm van de boordtabel voor een jaar.')
    .requiredOption('--year <jaar>', 'jaar')
    .option('--format <formaat>', 'table of json', 'table')
    .action(async (o: { year: string; format: string }) => {
      const report = await withCli((ctx) => leadTimeReport(ctx.db, ctx.actor, { year: Number(o.year) }));
      printRows(
        io,
        o.format,
        report.norms,
        [
          { header: 'maatregel', value: (n) => n.measureId },
          { header: 'norm', value: (n) => n.label },
          { header: 'doel %', value: (n) => n.target, align: 'right' },
          { header: 'aantal', value: (n) => n.counted, align: 'right' },
          { header: 'behaald %', value: (n) => n.achieved, align: 'right' },
          { header: 'ppt', value: (n) => n.changePoints, align: 'right' },
          { header: 'kleur', value: (n) => n.colour },
          { header: 'tegenspraak', value: (n) => (n.conflicts.length > 0 ? 'ja' : null) },
        ],
        report,
      );
      if (o.format === 'json') return;
      io.out('Tegenstrijdige normen in de bron (beide waarden en lijnen):\n');
      for (const c of report.conflicts)
        io.out(
          `- ${c.measure}: ${c.what} ${c.values.map((v) => `${v.value} (${v.source})`).join(' tegenover ')}\n`,
        );
    });

  return dossiers;
}
