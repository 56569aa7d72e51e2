import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { jobRegistry } from '../../app/index.ts';
import {
  budgetData,
  check,
  execution,
  type ImpactResult,
  parseOverride,
  recoveryReceipts,
  settledForecast,
  showBudget,
} from '../../budget/index.ts';
import { ValidationError } from '../../domain/index.ts';
import { runJob, submitJob } from '../../jobs/index.ts';
import { withCli } from '../context.ts';
import { type Io, printJson, printRows, renderTable } from '../output.ts';

// The budget tables are public figures from the seeds (no database, no login needed).
const YEARS = [2021, 2024];

function year(value: string): number {
  const y = Number(value);
  if (!YEARS.includes(y)) {
    throw new ValidationError([
      { path: 'year', message: `Begrotingsjaar ${value} is niet geladen (wel: ${YEARS.join(', ')})` },
    ]);
  }
  return y;
}

const keuro = (euro: number) => new Intl.NumberFormat('nl-BE').format(euro / 1000);

export function budgetCommand(program: Command, io: Io): void {
  const budget = program.command('budget').description('De begroting: programma → ISE → begrotingsartikel.');
  budget
    .command('show')
    .description('Kredieten per niveau, krediet en stadium (totalen berekend uit de artikels).')
    .requiredOption('--year <jaar>', 'begrotingsjaar (2021 of 2024)')
    .option('--programme <p>', 'programma, bv. JE')
    .option('--ise <i>', 'ISE, bv. ISE-ACT-SE')
    .option('--article <a>', 'begrotingsartikel, bv. JB0-1JEC2HA-WT')
    .option('--format <formaat>', 'table of json', 'table')
    .action((o: { year: string; programme?: string; ise?: string; article?: string; format: string }) => {
      const result = showBudget(budgetData(), {
        year: year(o.year),
        programme: o.programme,
        ise: o.ise,
        article: o.article,
      });
      printRows(
        io,
        o.format,
        result.rows,
        [
          { header: 'niveau', value: (r) => r.level },
          { header: 'code', value: (r) => r.code },
          { header: 'krediet', value: (r) => r.credit },
          { header: 'stadium', value: (r) => r.stage },
          { header: 'keuro', value: (r) => keuro(r.amount) },
          { header: 'bron', value: (r) => r.source },
        ],
        result,
      );
    });
  budget
    .command('check')
    .description('Gedrukte totalen en tekstcijfers die niet kloppen met hun delen.')
    .option('--format <formaat>', 'table of json', 'table')
    .action((o: { format: string }) => {
      const findings = check(budgetData());
      printRows(io, o.format, findings, [
        { header: 'soort', value: (f) => f.kind },
        { header: 'waar', value: (f) => f.where },
        { header: 'gedrukt', value: (f) => String(f.printed) },
        { header: 'berekend', value: (f) => String(f.computed) },
        { header: 'verschil', value: (f) => String(f.difference) },
        { header: 'bronnen', value: (f) => f.sources.join(' ') },
      ]);
    });
  budget
    .command('execution')
    .description('Uitvoeringsgraad BU / BA-JR per krediet, onder- en overbenutting.')
    .requiredOption('--year <jaar>', 'begrotingsjaar (2021 of 2024)')
    .option('--format <formaat>', 'table of json', 'table')
    .action((o: { year: string; format: string }) => {
      const rows = execution(budgetData(), year(o.year));
      if (o.format === 'json') return printJson(io, { year: Number(o.year), rows });
      io.out(
        renderTable(rows, [
          { header: 'niveau', value: (r) => r.level },
          { header: 'code', value: (r) => r.code },
          { header: 'krediet', value: (r) => r.credit },
          { header: 'BA-JR keuro', value: (r) => keuro(r.baJrEuro) },
          { header: 'BU keuro', value: (r) => keuro(r.buEuro) },
          {
            header: '%',
            value: (r) => (r.ratePercent === null ? null : String(r.ratePercent).replace('.', ',')),
          },
          { header: 'onderbenutting keuro', value: (r) => keuro(r.underuseEuro) },
        ]),
      );
    });
  budget
    .command('forecast')
    .description(
      'Wat de afrekeningen vastlegden en betaalden per artikel, en de raming van BU voor het jaar.',
    )
    .requiredOption('--year <jaar>', 'begrotingsjaar')
    .requiredOption('--quarters <n>', 'aantal afgerekende kwartalen (0 tot 4)')
    .option('--format <formaat>', 'table of json', 'table')
    .action(async (o: { year: string; quarters: string; format: string }) => {
      const rows = await withCli((ctx) =>
        settledForecast(ctx.db, ctx.actor, { year: Number(o.year), quartersSettled: Number(o.quarters) }),
      );
      if (o.format === 'json') return printJson(io, { year: Number(o.year), rows });
      const euro = (cents: number) => (cents / 100).toFixed(2);
      io.out(
        renderTable(rows, [
          { header: 'artikel', value: (r) => r.article },
          { header: 'vastgelegd €', value: (r) => euro(r.committedCents) },
          { header: 'betaald €', value: (r) => euro(r.paidCents) },
          { header: 'over te dragen €', value: (r) => euro(r.accrualCents) },
          { header: 'raming BU €', value: (r) => euro(r.forecastCents) },
          { header: 'methode', value: (r) => r.method },
        ]),
      );
    });
  budget
    .command('receipts')
    .description(
      'Terugvorderingen van een jaar per maatregel: vorderingen op het ontvangstenartikel, verrekend, open.',
    )
    .requiredOption('--year <jaar>', 'jaar van registratie (Brusselse kalenderdag)')
    .option('--format <formaat>', 'table of json', 'table')
    .action(async (o: { year: string; format: string }) => {
      const rows = await withCli((ctx) => recoveryReceipts(ctx.db, ctx.actor, Number(o.year)));
      if (o.format === 'json') return printJson(io, { year: Number(o.year), rows });
      io.out(
        renderTable(rows, [
          { header: 'maatregel', value: (r) => r.measure },
          { header: 'ontvangstenartikel', value: (r) => r.article ?? 'geen in de bronnen' },
          { header: 'vorderingen €', value: (r) => r.claimed.toFixed(2) },
          { header: 'verrekend €', value: (r) => r.offset.toFixed(2) },
          { header: 'open €', value: (r) => r.open.toFixed(2) },
        ]),
      );
    });
  budget
    .command('impact')
    .description(
      'Begrotingsimpact van een hervorming naast de basislijn (achtergrondtaak): over het register of over kolommen.',
    )
    .requiredOption('--measure <m>', 'maatregel, bv. collectief-maatwerk')
    .requiredOption('--year <jaar>', 'begrotingsjaar')
    .requiredOption('--override <naam=waarde...>', 'parameter en nieuwe waarde, bv. loonpremie_60=0.65')
    .option(
      '--columns <bestand.json>',
      'populatie als kolommen (JSON: { kolom: [waarden] }) i.p.v. het register',
    )
    .option('--periods <n>', 'betalingen per persoon in het jaar (kolommen)', '12')
    .option('--format <formaat>', 'table of json', 'table')
    .action(
      async (o: {
        measure: string;
        year: string;
        override: string[];
        columns?: string;
        periods: string;
        format: string;
      }) => {
        const input = {
          measure: o.measure,
          year: Number(o.year),
          overrides: o.override.map(parseOverride),
          source: o.columns ? 'kolommen' : 'register',
          columns: o.columns ? (JSON.parse(readFileSync(o.columns, 'utf8')) as unknown) : undefined,
          periods: Number(o.periods),
        };
        const job = await withCli(async (ctx) => {
          const submitted = await submitJob(ctx.db, jobRegistry, ctx.actor, 'budget.impact', input);
          return runJob(ctx.db, jobRegistry, submitted.id, (v) => {
            if (process.stderr.isTTY && v.progress.total)
              io.err(`\rImpact berekenen ${v.progress.done}/${v.progress.total}`);
          });
        });
        if (process.stderr.isTTY) io.err('\n');
        if (job.state !== 'klaar') {
          throw new ValidationError([
            { path: job.error?.code ?? 'impact', message: job.error?.message ?? `taak ${job.state}` },
          ]);
        }
        const r = job.result as ImpactResult;
        if (o.format === 'json') return printJson(io, { job: job.id, ...r });
        const euro = (cents: number) =>
          new Intl.NumberFormat('nl-BE', { minimumFractionDigits: 2 }).format(cents / 100);
        io.out(
          renderTable(
            [
              ...r.detail,
              { component: 'totaal', baselineCents: r.baseline.totalCents, reformCents: r.reform.totalCents },
            ],
            [
              { header: 'onderdeel', value: (d) => d.component },
              { header: 'basislijn €', value: (d) => euro(d.baselineCents) },
              { header: 'hervorming €', value: (d) => euro(d.reformCents) },
              { header: 'verschil €', value: (d) => euro(d.reformCents - d.baselineCents) },
            ],
          ),
        );
        io.out(`artikel ${r.article} (${r.year}), bron: ${r.source}\n`);
        for (const a of r.assumptions) io.out(`${a}\n`);
        for (const s of r.skipped) io.out(`niet meegeteld: ${s.record} (${s.reason})\n`);
      },
    );
}
