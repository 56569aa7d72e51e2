/**
 * `npx trede <module> <verb> [options]`: every operation an administrator or analyst scripts.
 * Listings take `--format json`; errors go to stderr with a non-zero exit code.
 */
import { Command, CommanderError } from 'commander';
import { loadConfig } from '../config.ts';
import { migrate, openDatabase } from '../db/index.ts';
import { auditCommand } from './commands/audit.ts';
import { dossiersCommand } from './commands/dossiers.ts';
import { monitorCommand } from './commands/monitor.ts';
import { registryCommand } from './commands/registry.ts';
import { rulesCommand } from './commands/rules.ts';
import { usersCommand } from './commands/users.ts';
import { type Io, processIo, reportError } from './output.ts';

export function buildProgram(io: Io): Command {
  const program = new Command('trede')
    .description('Trede: open platform voor werk en sociale economie in Vlaanderen.')
    .showHelpAfterError('(gebruik --help voor de mogelijkheden)')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });

  program
    .command('serve')
    .description('Start de webtoepassing en de API (zoals npm start).')
    .action(async () => {
      const { main } = await import('../server.ts');
      await main();
      await new Promise(() => {}); // keep running until a signal stops the process
    });

  program
    .command('db')
    .description('De database.')
    .command('migrate')
    .description('Past de openstaande migraties toe op de geconfigureerde database.')
    .action(async () => {
      const config = loadConfig();
      const db = await openDatabase(
        config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir },
      );
      try {
        const applied = await migrate(db);
        io.out(applied.length ? `Toegepast: ${applied.join(', ')}\n` : 'De database is bij.\n');
      } finally {
        await db.close();
      }
    });

  rulesCommand(program, io);
  usersCommand(program, io);
  registryCommand(program, io);
  auditCommand(program, io);
  monitorCommand(program, io);
  dossiersCommand(program, io);

  for (const cmd of allCommands(program))
    cmd.exitOverride().configureOutput({ writeOut: io.out, writeErr: io.err });
  return program;
}

function allCommands(cmd: Command): Command[] {
  return cmd.commands.flatMap((c) => [c, ...allCommands(c)]);
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version output are successful exits; usage errors were printed by commander.
      return e.exitCode === 0 ? 0 : 2;
    }
    return reportError(io, e);
  }
}
