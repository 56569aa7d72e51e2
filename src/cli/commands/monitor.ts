import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { LadderSource } from '../../monitor/index.ts';
import { withCli } from '../context.ts';
import { CliUsageError, type Io, printJson, printRows, renderTable } from '../output.ts';

/** Loaded on first use: the monitor (with exceljs) should not slow down every other CLI command. */
const monitorModule = () => import('../../monitor/index.ts');

const nl = (n: number | null) => (n === null ? null : n.toLocaleString('nl-BE'));

export function monitorCommand(program: Command, io: Io): Command {
  const monitor = program
    .command('monitor')
    .description('De monitor: de participatieladder, tijdreeksen, de controle en de kerncijfers.');

  monitor
    .command('ladder')
    .description('De participatieladder van een jaar en een regio, berekend uit de maatregelen.')
    .requiredOption('--year <jaar>', 'jaar, bv. 2019')
    .requiredOption('--region <regio>', 'vlaanderen, west-vlaanderen, brugge, midden-west-vlaanderen, …')
    .option(
      '--source <bron>',
      'reference (de studie) of registry (de plaatsingen in het register)',
      'reference',
    )
    .option('--format <formaat>', 'table, json, csv of xlsx', 'table')
    .option('--out <bestand>', 'bestand voor xlsx')
    .action(async (o: { year: string; region: string; source: string; format: string; out?: string }) => {
      const m = await monitorModule();
      if (o.source !== 'reference' && o.source !== 'registry')
        throw new CliUsageError(`onbekende bron '${o.source}'; kies reference of registry`);
      if (o.format === 'xlsx' && !o.out) throw new CliUsageError('geef --out <bestand.xlsx> voor xlsx');
      const { ladder, table, check } = await withCli(async (ctx) => {
        const ladder = await m.getLadder(ctx.actor, {
          year: Number(o.year),
          region: o.region,
          source: o.source as LadderSource,
          db: ctx.db,
        });
        if (o.format !== 'xlsx') return { ladder, table: null, check: null };
        return { ladder, table: await m.getTable(ctx.actor), check: await m.getCheck(ctx.actor) };
      });
      if (o.format === 'json') return printJson(io, ladder);
      if (o.format === 'csv') return io.out(m.ladderCsv(ladder));
      if (o.format === 'xlsx' && table && check) {
        await writeFile(o.out as string, await m.monitorXlsx({ ladder, table, check }));
        return io.out(`Geschreven: ${o.out}\n`);
      }
      io.out(`${ladder.regionName} ${ladder.year} (${ladder.source})\n`);
      io.out(
        renderTable(
          [
            ...ladder.rungs.map((r) => ({ id: `trede ${r.rung}`, label: '', value: nl(r.total) })),
            { id: 'totaal', label: 'trede 3 + 4 + 5', value: nl(ladder.total) },
          ],
          [
            { header: 'trede', value: (r) => r.id },
            { header: '', value: (r) => r.label },
            { header: 'personen', value: (r) => r.value, align: 'right' },
          ],
        ),
      );
    });

  monitor
    .command('series')
    .description('De reeks 2014-2019 van een maatregel, subtotaal of trede (bv. trede-5), met Vlaanderen.')
    .requiredOption('--measure <id>', 'maatregel-id uit de catalogus, of trede-3/4/5, totaal, …')
    .option('--region <regio>', 'west-vlaanderen of vlaanderen', 'west-vlaanderen')
    .option('--format <formaat>', 'table of json', 'table')
    .action(async (o: { measure: string; region: string; format: string }) => {
      const m = await monitorModule();
      const s = await withCli((ctx) => m.getSeries(ctx.actor, { measure: o.measure, region: o.region }));
      if (o.format === 'json') return printJson(io, s);
      io.out(`${s.label} (${s.source})\n`);
      io.out(
        renderTable(s.points, [
          { header: 'jaar', value: (p) => p.year },
          { header: s.region, value: (p) => nl(p.value), align: 'right' },
          { header: 'vlaanderen', value: (p) => nl(p.vlaanderen), align: 'right' },
          {
            header: 'aandeel %',
            value: (p) => (p.share === null ? null : p.share.toFixed(1).replace('.', ',')),
            align: 'right',
          },
        ]),
      );
    });

  monitor
    .command('check')
    .description('Herberekent elk gepubliceerd subtotaal, aandeel en groeicijfer en toont wat niet klopt.')
    .option('--format <formaat>', 'table of json', 'table')
    .action(async (o: { format: string }) => {
      const m = await monitorModule();
      const r = await withCli((ctx) => m.getCheck(ctx.actor));
      if (o.format === 'json') return printJson(io, r);
      const all = [
        ...r.findings.map((f) => ({ ...f, table: r.table })),
        ...r.regions.findings.map((f) => ({ ...f, period: String(r.regions.year), table: r.regions.table })),
      ];
      io.out(
        renderTable(all, [
          { header: 'tabel', value: (f) => f.table },
          { header: 'soort', value: (f) => f.kind },
          { header: 'aard', value: (f) => f.nature },
          { header: 'rij', value: (f) => f.row },
          { header: 'regio', value: (f) => f.region },
          { header: 'periode', value: (f) => f.period },
          { header: 'toelichting', value: (f) => f.message },
          { header: 'bron', value: (f) => f.source },
        ]),
      );
      io.out(
        renderTable(r.seedFindings, [
          { header: 'aard', value: (f) => f.nature },
          { header: 'bevinding', value: (f) => f.what },
          {
            header: 'berekend',
            value: (f) => (f.computed === null ? null : `${f.computed} (vermeld ${f.stated})`),
          },
          { header: 'bron', value: (f) => f.sources.join(', ') },
        ]),
      );
      io.out(
        `${all.length} gepubliceerde cijfers volgen niet uit hun delen (gecontroleerd: ${r.checked.subtotals} subtotalen, ${r.checked.shares} aandelen, ${r.checked.growth} groeicijfers, ${r.checked.text} cijfers uit de tekst, ${r.regions.checked} cellen van ${r.regions.table}).\n`,
      );
    });

  monitor
    .command('context')
    .description('Niet-werkende werkzoekenden per kansengroep 2014-2019 en contextindicatoren.')
    .option('--format <formaat>', 'table of json', 'table')
    .action(async (o: { format: string }) => {
      const m = await monitorModule();
      const r = await withCli((ctx) => m.getContext(ctx.actor));
      if (o.format === 'json') return printJson(io, r);
      io.out(`${r.nwwz.title} (${r.nwwz.source})\n`);
      io.out(
        renderTable(r.nwwz.rows, [
          { header: 'kansengroep', value: (x) => x.label },
          ...r.nwwz.years.map((y, i) => ({
            header: `WVL ${y}`,
            value: (x: (typeof r.nwwz.rows)[number]) => nl(x.values['west-vlaanderen']?.[i] ?? null),
            align: 'right' as const,
          })),
          {
            header: `VL ${r.nwwz.years.at(-1)}`,
            value: (x) => nl(x.values.vlaanderen?.at(-1) ?? null),
            align: 'right',
          },
        ]),
      );
    });

  monitor
    .command('kpis')
    .description('De kerncijfers met hun normen en kleuren.')
    .option('--format <formaat>', 'table of json', 'table')
    .action(async (o: { format: string }) => {
      const m = await monitorModule();
      const k = await withCli((ctx) => m.getKpis(ctx.actor));
      printRows(
        io,
        o.format,
        k.kpis,
        [
          { header: 'id', value: (x) => x.id },
          { header: 'kerncijfer', value: (x) => x.label },
          { header: 'waarde', value: (x) => x.display, align: 'right' },
          { header: 'norm', value: (x) => x.norm },
          { header: 'kleur', value: (x) => x.colour },
          { header: 'bron', value: (x) => x.source },
        ],
        k,
      );
    });

  return monitor;
}
