import type { Command } from 'commander';
import {
  addMilestone,
  listPlanMilestones,
  moveMilestoneTiming,
  planCheck,
  planSummary,
  setMilestoneStatus,
} from '../../plans/index.ts';
import { withCli } from '../context.ts';
import { type Io, printJson, printRows, renderTable } from '../output.ts';

const statusText = (s: { label: string; asterisk: boolean } | null) =>
  s ? `${s.label}${s.asterisk ? '*' : ''}` : null;

export function plansCommand(program: Command, io: Io): void {
  const group = program
    .command('plans')
    .description('Ondernemingsplan 2023: doelen, projecten, mijlpalen met status en timing.');
  group
    .command('list')
    .description('Mijlpalen: [{ id, project, level, title, status, timing, source }].')
    .option('--project <project>', 'bv. BP9/OD11, BP9, OD11 of ORG-6.1.2')
    .option('--status <status>', 'bv. Gerealiseerd, "Loopt met vertraging", of geen')
    .option('--quarter <kwartaal>', 'bv. 2023-Q2')
    .option('--table <jaar>', '2022 of 2023')
    .option('--text <tekst>', 'zoekt in id, titel en groep')
    .option('--format <formaat>', 'table of json', 'table')
    .action(
      async (o: {
        project?: string;
        status?: string;
        quarter?: string;
        table?: string;
        text?: string;
        format: string;
      }) => {
        const items = await withCli((c) =>
          listPlanMilestones(c.db, c.actor, {
            project: o.project,
            status: o.status,
            quarter: o.quarter,
            table: o.table as '2022' | '2023' | undefined,
            q: o.text,
          }),
        );
        printRows(io, o.format, items, [
          { header: 'id', value: (i) => i.id },
          { header: 'project', value: (i) => i.project },
          { header: 'niv.', value: (i) => i.level },
          { header: 'status', value: (i) => statusText(i.status) },
          { header: 'timing', value: (i) => i.timing?.text },
          { header: 'titel', value: (i) => (i.title.length > 70 ? `${i.title.slice(0, 69)}…` : i.title) },
        ]);
      },
    );
  group
    .command('summary')
    .description('Aantallen en aandelen per project, doel en plan per status; te laat; dit kwartaal.')
    .option('--as-of <datum>', 'peildatum JJJJ-MM-DD (standaard vandaag)')
    .option('--format <formaat>', 'table of json', 'table')
    .action(async (o: { asOf?: string; format: string }) => {
      const s = await withCli((c) => planSummary(c.db, c.actor, o.asOf));
      if (o.format === 'json') return printJson(io, s);
      const st = (r: (typeof s.projects)[number]['rollup'], k: string) => r.status2022[k]?.count ?? 0;
      io.out(
        renderTable(
          [...s.projects, { id: 'totaal', kind: '', title: '', goals: [], rollup: s.plan }],
          [
            { header: 'project', value: (p) => p.id },
            { header: '2022', value: (p) => p.rollup.items2022, align: 'right' },
            {
              header: 'gerealiseerd (*)',
              value: (p) =>
                `${st(p.rollup, 'Gerealiseerd')} (${p.rollup.status2022['Gerealiseerd']?.asterisk ?? 0})`,
              align: 'right',
            },
            { header: 'op schema', value: (p) => st(p.rollup, 'Loopt op schema'), align: 'right' },
            { header: 'vertraging', value: (p) => st(p.rollup, 'Loopt met vertraging'), align: 'right' },
            { header: 'geen', value: (p) => p.rollup.noStatus2022, align: 'right' },
            { header: '2023', value: (p) => p.rollup.items2023, align: 'right' },
            { header: 'te laat', value: (p) => p.rollup.late.length, align: 'right' },
            { header: `in ${s.quarter}`, value: (p) => p.rollup.dueThisQuarter.length, align: 'right' },
          ],
        ),
      );
    });
  group
    .command('check')
    .description('Controle: getallen in de tekst, dubbele mijlpalen, verouderde verwijzingen.')
    .option('--format <formaat>', 'table of json', 'table')
    .action(async (o: { format: string }) => {
      const findings = await withCli((c) => planCheck(c.db, c.actor));
      printRows(io, o.format, findings, [
        { header: 'ok', value: (f) => (f.ok ? 'ja' : 'NEE') },
        { header: 'soort', value: (f) => f.kind },
        { header: 'waar', value: (f) => f.where },
        { header: 'bevinding', value: (f) => f.message },
      ]);
    });
  group
    .command('status <id>')
    .description('Wijzigt de status van een mijlpaal (beheerder), met reden.')
    .requiredOption('--status <status>', 'Gerealiseerd, Loopt op schema, Loopt met vertraging, …')
    .requiredOption('--reason <tekst>', 'waarom')
    .option('--asterisk', 'met sterretje (loopt door in het volgende jaar)')
    .action(async (id: string, o: { status: string; reason: string; asterisk?: boolean }) =>
      printJson(
        io,
        await withCli((c) =>
          c.run(setMilestoneStatus, {
            id,
            status: o.status,
            reason: o.reason,
            asterisk: o.asterisk ?? false,
          }),
        ),
      ),
    );
  group
    .command('move <id>')
    .description('Verplaatst de timing van een mijlpaal (beheerder), met reden.')
    .requiredOption('--timing <timing>', 'bv. 2023/Q4 of 2023/Q2-Q3')
    .requiredOption('--reason <tekst>', 'waarom')
    .action(async (id: string, o: { timing: string; reason: string }) =>
      printJson(
        io,
        await withCli((c) => c.run(moveMilestoneTiming, { id, timing: o.timing, reason: o.reason })),
      ),
    );
  group
    .command('add')
    .description('Voegt een mijlpaal toe aan een project (beheerder).')
    .requiredOption('--project <project>', 'project-id, bv. BP9/OD11')
    .requiredOption('--title <titel>', 'de mijlpaal')
    .requiredOption('--reason <tekst>', 'waarom')
    .option('--timing <timing>', 'bv. 2023/Q4')
    .option('--level <niveau>', '1, 2 of 3', '1')
    .option('--parent <id>', 'de bovenliggende mijlpaal')
    .action(
      async (o: {
        project: string;
        title: string;
        reason: string;
        timing?: string;
        level: string;
        parent?: string;
      }) =>
        printJson(
          io,
          await withCli((c) =>
            c.run(addMilestone, {
              project: o.project,
              title: o.title,
              reason: o.reason,
              timing: o.timing ?? null,
              level: Number(o.level),
              parent: o.parent ?? null,
            }),
          ),
        ),
    );
}
