import type { Command } from 'commander';
import { ROLES } from '../../access/index.ts';
import { organisationIdsByKbo } from '../../registry/index.ts';
import { createApiToken, createUser, listUsers } from '../../users/index.ts';
import { withCli } from '../context.ts';
import { CliUsageError, type Io, printJson, printRows } from '../output.ts';

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function usersCommand(program: Command, io: Io): void {
  const users = program.command('users').description('Gebruikers, rollen en API-tokens.');

  users
    .command('create-admin')
    .description('Maakt een (extra) beheerder aan en toont zijn eenmalig wachtwoord één keer.')
    .requiredOption('--username <naam>', 'gebruikersnaam (kleine letters, cijfers, punt of streep)')
    .option('--name <weergavenaam>', 'naam zoals getoond', 'Beheerder')
    .option('--format <formaat>', 'table of json', 'table')
    .action(async (o: { username: string; name: string; format: string }) => {
      const r = await withCli((ctx) =>
        ctx.run(createUser, { username: o.username, displayName: o.name, roles: ['beheerder'] }),
      );
      if (o.format === 'json') return printJson(io, r);
      io.out(
        `Beheerder '${r.user.username}' aangemaakt.\nEenmalig wachtwoord: ${r.oneTimePassword}\nDit wachtwoord wordt niet opnieuw getoond; bij de eerste aanmelding kiest de gebruiker een nieuw.\n`,
      );
    });

  users
    .command('create')
    .description(
      'Maakt een gebruiker aan met één of meer rollen; een werkgever koppelt u aan organisaties (KBO).',
    )
    .requiredOption('--username <naam>', 'gebruikersnaam')
    .requiredOption('--name <weergavenaam>', 'naam zoals getoond')
    .requiredOption('--role <rol>', `rol (herhaalbaar): ${ROLES.join(', ')}`, collect)
    .option('--organisation <kbo>', 'KBO-nummer van een organisatie (herhaalbaar)', collect)
    .option('--format <formaat>', 'table of json', 'table')
    .action(
      async (o: {
        username: string;
        name: string;
        role: string[];
        organisation?: string[];
        format: string;
      }) => {
        const r = await withCli(async (ctx) => {
          const { ids, unknown } = await organisationIdsByKbo(ctx.db, o.organisation ?? []);
          if (unknown.length) throw new CliUsageError(`onbekende organisatie(s): ${unknown.join(', ')}`);
          return ctx.run(createUser, {
            username: o.username,
            displayName: o.name,
            roles: o.role,
            organisationIds: ids,
          });
        });
        if (o.format === 'json') return printJson(io, r);
        io.out(
          `Gebruiker '${r.user.username}' aangemaakt (${r.user.roles.join(', ')}).\nEenmalig wachtwoord: ${r.oneTimePassword}\n`,
        );
      },
    );

  users
    .command('list')
    .description('Toont alle gebruikers.')
    .option('--format <formaat>', 'table of json', 'table')
    .action(async (o: { format: string }) => {
      const list = await withCli((ctx) => listUsers(ctx.db, ctx.actor));
      printRows(io, o.format, list, [
        { header: 'gebruikersnaam', value: (u) => u.username },
        { header: 'naam', value: (u) => u.displayName },
        { header: 'rollen', value: (u) => u.roles.join(',') },
        { header: 'organisaties', value: (u) => u.organisationIds.length, align: 'right' },
        { header: 'actief', value: (u) => (u.active ? 'ja' : 'nee') },
      ]);
    });

  users
    .command('token')
    .description('Maakt een API-token (bearer) voor een gebruiker; het token wordt één keer getoond.')
    .requiredOption('--username <naam>', 'voor welke gebruiker')
    .requiredOption('--name <naam>', 'waarvoor het token dient')
    .option('--days <dagen>', 'geldigheid in dagen (standaard onbeperkt)')
    .option('--format <formaat>', 'table of json', 'table')
    .action(async (o: { username: string; name: string; days?: string; format: string }) => {
      const r = await withCli(async (ctx) => {
        const user = (await listUsers(ctx.db, ctx.actor)).find(
          (u) => u.username === o.username.toLowerCase(),
        );
        if (!user) throw new CliUsageError(`gebruiker '${o.username}' bestaat niet`);
        return ctx.run(createApiToken, {
          name: o.name,
          userId: user.id,
          ...(o.days ? { expiresInDays: Number(o.days) } : {}),
        });
      });
      if (o.format === 'json') return printJson(io, r);
      io.out(`${r.token}\n`);
    });
}
