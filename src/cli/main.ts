/**
 * `npx trede <module> <verb> [options]`: every operation an administrator or analyst scripts.
 * Listings take `--format json`; errors go to stderr with a non-zero exit code.
 */
import { Command, CommanderError } from 'commander';
import { type Io, processIo, reportError } from './output.ts';

type Register = (program: Command, io: Io) => unknown;

/**
 * Each module's commands, imported only when the command line names that module: `trede calc`
 * loads the rules and not the database, the registry or the web app. Help and an unknown command
 * load them all.
 */
const MODULES: Record<string, () => Promise<Register>> = {
  rules: async () => (await import('./commands/rules.ts')).rulesCommand,
  users: async () => (await import('./commands/users.ts')).usersCommand,
  registry: async () => (await import('./commands/registry.ts')).registryCommand,
  audit: async () => (await import('./commands/audit.ts')).auditCommand,
  monitor: async () => (await import('./commands/monitor.ts')).monitorCommand,
  dossiers: async () => (await import('./commands/dossiers.ts')).dossiersCommand,
  jobs: async () => (await import('./commands/jobs.ts')).jobsCommand,
  budget: async () => (await import('./commands/budget.ts')).budgetCommand,
  inspection: async () => (await import('./commands/inspection.ts')).inspectionCommand,
  settlement: async () => (await import('./commands/settlement.ts')).settlementCommand,
  plans: async () => (await import('./commands/plans.ts')).plansCommand,
};
/** Top-level shortcuts that a module registers besides its own group. */
const SHORTCUTS: Record<string, string> = { calc: 'rules' };

export async function buildProgram(io: Io, argv: readonly string[] = []): Promise<Command> {
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
      const { loadConfig } = await import('../config.ts');
      const { migrate, openDatabase } = await import('../db/index.ts');
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

  const named = argv[2] && (SHORTCUTS[argv[2]] ?? argv[2]);
  const wanted =
    named === 'serve' || named === 'db' ? [] : named && named in MODULES ? [named] : Object.keys(MODULES);
  for (const register of await Promise.all(wanted.map((m) => MODULES[m]!()))) register(program, io);

  for (const cmd of allCommands(program))
    cmd.exitOverride().configureOutput({ writeOut: io.out, writeErr: io.err });
  return program;
}

function allCommands(cmd: Command): Command[] {
  return cmd.commands.flatMap((c) => [c, ...allCommands(c)]);
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const program = await buildProgram(io, argv);
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
