import type { Command } from 'commander';
import { createOrganisation, listOrganisations, ORGANISATION_TYPES } from '../../registry/index.ts';
import { withCli } from '../context.ts';
import { CliUsageError, type Io, printJson, printPage } from '../output.ts';
import { registryEntities } from './registry-entities.ts';
import { runImportCli } from './registry-import.ts';

export function registryCommand(program: Command, io: Io): Command {
  const registry = program
    .command('registry')
    .description('Het register: organisaties, personen, plaatsingen, erkenningen.');

  registry
    .command('list')
    .description('Toont een soort gegevens uit het register.')
    .argument('<soort>', 'organisaties (zie ook: registry organisations|persons|placements list)')
    .option('--q <tekst>', 'zoek op naam of KBO-nummer')
    .option('--type <type>', `type organisatie: ${Object.keys(ORGANISATION_TYPES).join(', ')}`)
    .option('--page <n>', 'pagina', '1')
    .option('--page-size <n>', 'rijen per pagina (max 500)', '100')
    .option('--format <formaat>', 'table of json', 'table')
    .action(
      async (
        kind: string,
        o: { q?: string; type?: string; page: string; pageSize: string; format: string },
      ) => {
        if (kind !== 'organisaties') throw new CliUsageError(`onbekende soort '${kind}'; kies organisaties`);
        const page = await withCli((ctx) =>
          listOrganisations(ctx.db, ctx.actor, {
            q: o.q,
            type: o.type as never,
            page: Number(o.page),
            pageSize: Math.min(Number(o.pageSize), 500),
            sort: 'naam',
          }),
        );
        printPage(io, o.format, page, [
          { header: 'kbo', value: (r) => r.kboFormatted },
          { header: 'naam', value: (r) => r.name },
          { header: 'type', value: (r) => r.type },
          { header: 'nis', value: (r) => r.nisCode },
        ]);
      },
    );

  registry
    .command('add-organisation')
    .description('Registreert één organisatie.')
    .requiredOption('--kbo <nummer>', 'KBO-nummer (10 cijfers, met controlegetal)')
    .requiredOption('--name <naam>', 'naam')
    .requiredOption('--type <type>', Object.keys(ORGANISATION_TYPES).join(', '))
    .option('--nis-code <code>', 'NIS-code van de gemeente (5 cijfers)')
    .option('--municipality <gemeente>', 'gemeente')
    .option('--format <formaat>', 'table of json', 'table')
    .action(
      async (o: {
        kbo: string;
        name: string;
        type: string;
        nisCode?: string;
        municipality?: string;
        format: string;
      }) => {
        const org = await withCli((ctx) =>
          ctx.run(createOrganisation, {
            kbo: o.kbo,
            name: o.name,
            type: o.type,
            nisCode: o.nisCode ?? null,
            municipality: o.municipality ?? null,
          }),
        );
        if (o.format === 'json') return printJson(io, org);
        io.out(`Organisatie '${org.name}' (${org.kboFormatted}) geregistreerd met id ${org.id}.\n`);
      },
    );

  registry
    .command('import')
    .description(
      'Leest een CSV- of XLSX-bestand in: alles of niets; elke foute rij als `line N, column C: reden`.',
    )
    .argument(
      '<soort>',
      'organisaties (kbo,naam,type,nis_code), personen (insz,voornaam,achternaam), plaatsingen (insz,kbo,maatregel,start,einde,vte,uren_per_week), indicaties (insz,datum[,trede,doelgroep,productiviteitsverlies,begeleidingsnood,ticket,geldig_tot]), lonen (insz,kbo,maatregel,start,kwartaal,brutoloon,dagen,vte)',
    )
    .argument('<bestand>', 'pad naar een .csv- of .xlsx-bestand')
    .option('--format <formaat>', 'table of json', 'table')
    .action((kind: string, file: string, o: { format: string }) => runImportCli(io, kind, file, o));

  registryEntities(registry, io);
  return registry;
}
