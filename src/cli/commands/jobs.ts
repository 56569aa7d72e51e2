import type { Command } from 'commander';
import { jobRegistry } from '../../app/index.ts';
import { getJob, type JobState, listJobs } from '../../jobs/index.ts';
import { withCli } from '../context.ts';
import { type Io, printJson, printRows } from '../output.ts';

const progress = (p: { done: number; total: number | null }) =>
  p.total ? `${p.done}/${p.total} (${Math.round((100 * p.done) / p.total)} %)` : String(p.done);

export function jobsCommand(program: Command, io: Io): void {
  const jobs = program.command('jobs').description('Achtergrondtaken: inlezen, afrekeningen, ramingen.');
  jobs
    .command('list')
    .description('Toont de taken, nieuwste eerst.')
    .option('--state <toestand>', 'wachtend, bezig, klaar, mislukt of onderbroken')
    .option('--kind <soort>', 'bv. registry.import')
    .option('--limit <n>', 'aantal (max 500)', '50')
    .option('--format <formaat>', 'table of json', 'table')
    .action(async (o: { state?: string; kind?: string; limit: string; format: string }) => {
      const list = await withCli((ctx) =>
        listJobs(ctx.db, jobRegistry, ctx.actor, {
          state: o.state as JobState | undefined,
          kind: o.kind,
          limit: Number(o.limit),
        }),
      );
      printRows(io, o.format, list, [
        { header: 'id', value: (j) => j.id },
        { header: 'soort', value: (j) => j.summary },
        { header: 'toestand', value: (j) => j.state },
        { header: 'voortgang', value: (j) => progress(j.progress) },
        { header: 'door', value: (j) => j.ownerLabel },
        { header: 'aangemaakt', value: (j) => j.createdAt },
      ]);
    });
  jobs
    .command('show <id>')
    .description('Toont één taak met haar voortgang, resultaat of fout.')
    .option('--format <formaat>', 'table of json', 'json')
    .action(async (id: string, o: { format: string }) => {
      const job = await withCli((ctx) => getJob(ctx.db, jobRegistry, ctx.actor, id));
      if (o.format === 'json') return printJson(io, job);
      io.out(
        `${job.summary} (${job.kind}) ${job.state}, ${progress(job.progress)}\n${job.error ? `fout: ${job.error.message}\n` : ''}`,
      );
    });
}
