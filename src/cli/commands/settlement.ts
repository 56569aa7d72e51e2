import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { jobRegistry } from '../../app/index.ts';
import { ConflictError } from '../../domain/index.ts';
import { runJob, submitJob } from '../../jobs/index.ts';
import {
  approveRun,
  confirmRun,
  createPaymentFile,
  getRun,
  listRuns,
  paymentCalendar,
  prepareRun,
  type RunView,
  setAssumption,
  settlementPlan,
} from '../../settlement/index.ts';
import { withCli } from '../context.ts';
import { type Io, printJson, printRows, renderTable } from '../output.ts';
import { settlementMeasureCommands } from './settlement-measures.ts';

export function settlementCommand(program: Command, io: Io): void {
  const group = program
    .command('settlement')
    .description('Afrekeningen: voorschotten, kwartaal- en jaarafrekeningen.');
  group
    .command('calendar <maatregel>')
    .description('De betaalkalender van een jaar (werkdagen met de Belgische feestdagen).')
    .requiredOption('--year <jaar>', 'jaar')
    .option('--format <formaat>', 'table of json', 'table')
    .action((measure: string, o: { year: string; format: string }) => {
      const entries = paymentCalendar(settlementPlan(measure), Number(o.year));
      printRows(io, o.format, entries, [
        { header: 'soort', value: (e) => e.kind },
        { header: 'periode', value: (e) => e.period },
        { header: 'uiterlijk', value: (e) => e.due },
      ]);
    });
  group
    .command('run <maatregel>')
    .description(
      'Berekent een run: JJJJ-MM = maandvoorschot, JJJJ-Qn = kwartaalafrekening, JJJJ = jaarafrekening (JSON: { wages, advances_paid, lde_vte, participants }).',
    )
    .requiredOption('--period <periode>', 'JJJJ-MM (voorschot), JJJJ-Qn of JJJJ')
    .option(
      '--input <bestand>',
      'JSON met wages [{kbo,worker,month,package,wage,fte}] en advances_paid (zonder: loongegevens uit het register), lde_vte [{kbo,vte}] (LDE) of participants [{kbo,worker,month,hours_per_week}] (AMA WSE)',
    )
    .option('--dry-run', 'niets bewaren')
    .option('--format <formaat>', 'table of json', 'table')
    .action(
      async (measure: string, o: { period: string; input?: string; dryRun?: boolean; format: string }) => {
        const input = o.input;
        const data = input ? (JSON.parse(readFileSync(input, 'utf8')) as Record<string, unknown>) : {};
        const run = await withCli(async (ctx) => {
          // A dry run, or a run on the registry's wage data (no --input), answers at once; a run on a
          // wage file goes through the durable jobs service, which keeps the file for a retry.
          // Advance months (JJJJ-MM), LDE and AMA WSE have few lines: computed at once as well.
          const few = measure !== 'collectief-maatwerk' || /^\d{4}-\d{2}$/.test(o.period);
          if (o.dryRun || !input || few) {
            return ctx.run(prepareRun, { ...data, measure, period: o.period, dry_run: o.dryRun === true });
          }
          const wages = Array.isArray(data['wages']) ? data['wages'].length : null;
          const job = await submitJob(
            ctx.db,
            jobRegistry,
            ctx.actor,
            'settlement.run',
            { measure, period: o.period },
            { payload: readFileSync(input), total: wages },
          );
          io.err(`taak ${job.id} (settlement.run)\n`);
          const done = await runJob(ctx.db, jobRegistry, job.id, (v) =>
            io.err(`\r${v.progress.done}/${v.progress.total ?? '?'} werknemer-maanden`),
          );
          io.err('\n');
          if (done.state !== 'klaar') {
            throw new ConflictError(
              done.error?.code ?? 'job_failed',
              done.error?.message ?? `taak ${done.state}`,
            );
          }
          const result = done.result as RunView;
          return result.id
            ? { ...(await getRun(ctx.db, ctx.actor, result.id)), job: job.id }
            : { ...result, job: job.id };
        });
        if (o.format === 'json') return printJson(io, run);
        io.out(`run ${run.id ?? '(niet bewaard)'} ${run.period} ${run.kind} ${run.status}\n`);
        io.out(
          `verschuldigd ${run.totals.due} – voorschotten ${run.totals.advances} = saldo ${run.totals.balance}\n`,
        );
      },
    );
  group
    .command('runs')
    .description('De afrekeningsruns met hun totalen.')
    .option('--measure <maatregel>', 'maatregel')
    .option('--period <periode>', 'periode')
    .option('--format <formaat>', 'table of json', 'table')
    .action(async (o: { measure?: string; period?: string; format: string }) => {
      const runs = await withCli((ctx) =>
        listRuns(ctx.db, ctx.actor, { measure: o.measure, period: o.period }),
      );
      printRows(io, o.format, runs, [
        { header: 'id', value: (r) => r.id },
        { header: 'periode', value: (r) => r.period },
        { header: 'soort', value: (r) => (r.correction ? `${r.kind} (correctie)` : r.kind) },
        { header: 'status', value: (r) => r.status },
        { header: 'saldo', value: (r) => r.totals.balance.toFixed(2) },
      ]);
    });
  group
    .command('show <run>')
    .description('Eén run met zijn lijnen.')
    .option('--format <formaat>', 'table of json', 'table')
    .action(async (id: string, o: { format: string }) => {
      const run = await withCli((ctx) => getRun(ctx.db, ctx.actor, id));
      if (o.format === 'json') return printJson(io, run);
      io.out(`run ${run.id} ${run.period} ${run.status}: saldo ${run.totals.balance.toFixed(2)}\n`);
      io.out(
        renderTable(run.lines, [
          { header: 'kbo', value: (l) => l.kbo },
          { header: 'werknemer', value: (l) => l.worker },
          { header: 'component', value: (l) => l.component },
          { header: 'periode', value: (l) => l.period },
          { header: 'bedrag', value: (l) => l.amount.toFixed(2) },
        ]),
      );
    });
  for (const [verb, command] of [
    ['approve', approveRun],
    ['confirm', confirmRun],
  ] as const) {
    group
      .command(`${verb} <run>`)
      .description(
        verb === 'approve' ? 'Keurt een run goed (vier ogen).' : 'Bevestigt de betaling van een run.',
      )
      .option('--format <formaat>', 'table of json', 'table')
      .action(async (run: string, o: { format: string }) => {
        const r = await withCli((ctx) => ctx.run(command, { run }));
        if (o.format === 'json') return printJson(io, r);
        io.out(`run ${r.id}: ${r.status}\n`);
      });
  }
  settlementMeasureCommands(group, io);
  group
    .command('payment-file <run>')
    .description('Maakt het betaalbestand van een goedgekeurde run (SEPA pain.001.001.03 of CSV).')
    .requiredOption('--out <bestand>', 'waar het bestand geschreven wordt')
    .option('--format <formaat>', 'pain of csv', 'pain')
    .option('--date <datum>', 'gevraagde uitvoeringsdatum (JJJJ-MM-DD), standaard vandaag')
    .option('--json', 'de samenvatting als JSON')
    .action(async (run: string, o: { out: string; format: string; date?: string; json?: boolean }) => {
      const file = await withCli((ctx) =>
        ctx.run(createPaymentFile, { run, format: o.format, execution_date: o.date }),
      );
      writeFileSync(o.out, file.content);
      const { content: _content, ...summary } = file;
      if (o.json) return printJson(io, summary);
      io.out(
        `${o.out}: ${file.payments.length} betaling(en), controletotaal ${file.control_sum.toFixed(2)} EUR, bericht ${file.message_id}\n`,
      );
      for (const w of file.withheld)
        io.out(`  ${w.kbo}: saldo ${w.amount.toFixed(2)} niet betaald (inhouding op latere voorschotten)\n`);
    });
  const assumption = group.command('assumption').description('Aannames waar de bronnen zwijgen.');
  assumption
    .command('set <naam>')
    .description('Stelt de waarde van een aanname in vanaf een datum (beheerder).')
    .requiredOption('--from <datum>', 'geldig vanaf (JJJJ-MM-DD)')
    .requiredOption('--value <waarde>', 'waarde')
    .requiredOption('--source <bron>', 'waar de waarde vandaan komt')
    .action(async (name: string, o: { from: string; value: string; source: string }) => {
      await withCli((ctx) =>
        ctx.run(setAssumption, { name, valid_from: o.from, value: o.value, source: o.source }),
      );
      io.out(`aanname ${name} = ${o.value} vanaf ${o.from}\n`);
    });
}
