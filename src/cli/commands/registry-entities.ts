/** `npx trede registry organisations|persons|placements list|show|add`. */
import type { Command } from 'commander';
import {
  createOrganisation,
  createPerson,
  createPlacement,
  getOrganisation,
  getPerson,
  getPlacement,
  listContingents,
  listOrganisations,
  listPersons,
  listPlacements,
  listRecognitions,
  ORGANISATION_TYPES,
} from '../../registry/index.ts';
import { withCli } from '../context.ts';
import { type Io, printJson, printPage } from '../output.ts';

interface ListOptions {
  page: string;
  pageSize: string;
  sort?: string;
  format: string;
}

const paging = (o: ListOptions) => ({
  page: Number(o.page) || 1,
  pageSize: Math.min(Number(o.pageSize) || 100, 500),
  sort: o.sort,
});

function listing(cmd: Command): Command {
  return cmd
    .option('--page <n>', 'pagina', '1')
    .option('--page-size <n>', 'rijen per pagina (max 500)', '100')
    .option('--sort <kolom>', 'sorteerkolom; -kolom voor aflopend')
    .option('--format <formaat>', 'table of json', 'table');
}

export function registryEntities(registry: Command, io: Io): void {
  // ---- organisations
  const orgs = registry.command('organisations').description('Organisaties: list, show, add.');
  listing(orgs.command('list').description('Toont organisaties.'))
    .option('--q <tekst>', 'zoek op naam of KBO-nummer')
    .option('--type <type>', Object.keys(ORGANISATION_TYPES).join(', '))
    .action(async (o: ListOptions & { q?: string; type?: string }) => {
      const page = await withCli((ctx) =>
        listOrganisations(ctx.db, ctx.actor, { ...paging(o), q: o.q, type: o.type as never }),
      );
      printPage(io, o.format, page, [
        { header: 'id', value: (r) => r.id },
        { header: 'kbo', value: (r) => r.kboFormatted },
        { header: 'naam', value: (r) => r.name },
        { header: 'type', value: (r) => r.type },
        { header: 'nis', value: (r) => r.nisCode },
      ]);
    });
  orgs
    .command('show')
    .description('Toont één organisatie met haar erkenningen en contingenten.')
    .argument('<id>', 'organisatie-id')
    .option('--format <formaat>', 'table of json', 'table')
    .action(async (id: string, o: { format: string }) => {
      const view = await withCli(async (ctx) => ({
        ...(await getOrganisation(ctx.db, ctx.actor, id)),
        recognitions: await listRecognitions(ctx.db, ctx.actor, id),
        contingents: await listContingents(ctx.db, ctx.actor, id),
      }));
      if (o.format === 'json') return printJson(io, view);
      io.out(`${view.name} (${view.kboFormatted}), ${view.typeLabel}, NIS ${view.nisCode ?? '–'}\n`);
      for (const r of view.recognitions)
        io.out(`  erkenning ${r.measure}: ${r.validFrom} – ${r.validTo ?? 'onbepaald'}\n`);
      for (const c of view.contingents) io.out(`  contingent ${c.measure} ${c.quarter}: ${c.fte} VTE\n`);
    });
  orgs
    .command('add')
    .description('Registreert één organisatie.')
    .requiredOption('--kbo <nummer>', 'KBO-nummer (10 cijfers, met controlegetal)')
    .requiredOption('--name <naam>', 'naam')
    .requiredOption('--type <type>', Object.keys(ORGANISATION_TYPES).join(', '))
    .option('--nis-code <code>', 'NIS-code van de gemeente (5 cijfers)')
    .option('--iban <iban>', 'rekeningnummer voor afrekeningen (IBAN)')
    .option('--bic <bic>', 'BIC van de bank')
    .option('--format <formaat>', 'table of json', 'table')
    .action(
      async (o: {
        kbo: string;
        name: string;
        type: string;
        nisCode?: string;
        iban?: string;
        bic?: string;
        format: string;
      }) => {
        const org = await withCli((ctx) =>
          ctx.run(createOrganisation, {
            kbo: o.kbo,
            name: o.name,
            type: o.type,
            nisCode: o.nisCode ?? null,
            iban: o.iban ?? null,
            bic: o.bic ?? null,
          }),
        );
        if (o.format === 'json') return printJson(io, org);
        io.out(`Organisatie '${org.name}' (${org.kboFormatted}) geregistreerd met id ${org.id}.\n`);
      },
    );

  // ---- persons
  const persons = registry.command('persons').description('Personen: list, show, add.');
  listing(persons.command('list').description('Toont personen.'))
    .option('--q <tekst>', 'zoek op INSZ, naam of pseudoniem')
    .action(async (o: ListOptions & { q?: string }) => {
      const page = await withCli((ctx) => listPersons(ctx.db, ctx.actor, { ...paging(o), q: o.q }));
      printPage(io, o.format, page, [
        { header: 'id', value: (r) => r.id },
        { header: 'insz', value: (r) => r.inszFormatted },
        { header: 'naam', value: (r) => [r.firstName, r.lastName].filter(Boolean).join(' ') },
        { header: 'pseudoniem', value: (r) => r.pseudonym },
      ]);
    });
  persons
    .command('show')
    .argument('<id>', 'persoon-id')
    .option('--format <formaat>', 'table of json', 'table')
    .action(async (id: string, o: { format: string }) => {
      const p = await withCli((ctx) => getPerson(ctx.db, ctx.actor, id));
      if (o.format === 'json') return printJson(io, p);
      io.out(
        `${p.inszFormatted} ${p.firstName ?? ''} ${p.lastName ?? ''} (${p.pseudonym}), geboren ${p.birthDate ?? '–'}\n`,
      );
    });
  persons
    .command('add')
    .description('Registreert één persoon.')
    .requiredOption('--insz <nummer>', 'INSZ (rijksregister- of bisnummer)')
    .option('--first-name <naam>', 'voornaam')
    .option('--last-name <naam>', 'achternaam')
    .option('--format <formaat>', 'table of json', 'table')
    .action(async (o: { insz: string; firstName?: string; lastName?: string; format: string }) => {
      const p = await withCli((ctx) =>
        ctx.run(createPerson, { insz: o.insz, firstName: o.firstName ?? null, lastName: o.lastName ?? null }),
      );
      if (o.format === 'json') return printJson(io, p);
      io.out(`Persoon ${p.inszFormatted} geregistreerd met id ${p.id} (pseudoniem ${p.pseudonym}).\n`);
    });

  // ---- placements
  const placements = registry.command('placements').description('Plaatsingen: list, show, add.');
  listing(placements.command('list').description('Toont plaatsingen.'))
    .option('--organisation <id>', 'enkel deze organisatie')
    .option('--measure <id>', 'enkel deze maatregel')
    .option('--active-on <datum>', 'enkel lopend op deze datum (JJJJ-MM-DD)')
    .action(async (o: ListOptions & { organisation?: string; measure?: string; activeOn?: string }) => {
      const page = await withCli((ctx) =>
        listPlacements(ctx.db, ctx.actor, {
          ...paging(o),
          organisationId: o.organisation,
          measure: o.measure,
          activeOn: o.activeOn,
        }),
      );
      printPage(io, o.format, page, [
        { header: 'id', value: (r) => r.id },
        { header: 'persoon', value: (r) => r.person.insz ?? r.person.pseudonym },
        { header: 'organisatie', value: (r) => r.organisation.name },
        { header: 'maatregel', value: (r) => r.measure },
        { header: 'start', value: (r) => r.start },
        { header: 'einde', value: (r) => r.end },
        { header: 'vte', value: (r) => r.fte, align: 'right' },
      ]);
    });
  placements
    .command('show')
    .argument('<id>', 'plaatsing-id')
    .option('--format <formaat>', 'table of json', 'table')
    .action(async (id: string, o: { format: string }) => {
      const p = await withCli((ctx) => getPlacement(ctx.db, ctx.actor, id));
      if (o.format === 'json') return printJson(io, p);
      io.out(
        `${p.person.insz ?? p.person.pseudonym} bij ${p.organisation.name}: ${p.measure} ${p.start} – ${p.end ?? 'lopend'}, ${p.fte} VTE\n`,
      );
    });
  placements
    .command('add')
    .description('Registreert één plaatsing.')
    .requiredOption('--insz <nummer>', 'INSZ van de persoon')
    .requiredOption('--kbo <nummer>', 'KBO-nummer van de organisatie')
    .requiredOption('--measure <id>', 'maatregel (id uit de regelcatalogus)')
    .requiredOption('--start <datum>', 'startdatum JJJJ-MM-DD')
    .option('--end <datum>', 'einddatum JJJJ-MM-DD')
    .requiredOption('--fte <vte>', 'VTE, bv. 0.5')
    .option('--hours <uren>', 'uren per week')
    .option('--format <formaat>', 'table of json', 'table')
    .action(
      async (o: {
        insz: string;
        kbo: string;
        measure: string;
        start: string;
        end?: string;
        fte: string;
        hours?: string;
        format: string;
      }) => {
        const p = await withCli((ctx) =>
          ctx.run(createPlacement, {
            insz: o.insz,
            kbo: o.kbo,
            measure: o.measure,
            start: o.start,
            end: o.end ?? null,
            fte: o.fte,
            hoursPerWeek: o.hours ?? null,
          }),
        );
        if (o.format === 'json') return printJson(io, p);
        io.out(`Plaatsing geregistreerd met id ${p.id}.\n`);
      },
    );
}
