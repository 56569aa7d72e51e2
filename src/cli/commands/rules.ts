/**
 * `trede rules list|show|parameters|calc` and the shortcut `trede calc`: the catalogue and
 * calculations, without a database.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { ValidationError } from '../../domain/index.ts';
import {
  type CalcResult,
  calculateMeasure,
  catalogue,
  getMeasure,
  parametersAt,
  presentMeasure,
  presentSummary,
} from '../../rules/index.ts';
import { CliUsageError, type Io, printJson, printRows, renderTable } from '../output.ts';

function readFacts(input: string | undefined): unknown {
  if (!input) return {};
  const text = input === '-' ? readFileSync(0, 'utf8') : readFileSync(input, 'utf8');
  try {
    const parsed = JSON.parse(text) as unknown;
    // Accept both the bare facts and a whole API request body.
    if (parsed && typeof parsed === 'object' && 'facts' in parsed)
      return (parsed as { facts: unknown }).facts;
    return parsed;
  } catch (e) {
    throw new CliUsageError(
      `${input === '-' ? 'stdin' : input} is geen geldige JSON: ${(e as Error).message}`,
    );
  }
}

function printCalc(io: Io, r: CalcResult): void {
  const amount = r.amount === null ? '–' : `${r.amount.toFixed(2)} EUR${r.period ? ` (${r.period})` : ''}`;
  io.out(`${r.measure} op ${r.date}: ${r.eligible ? 'recht' : 'geen recht'}; bedrag ${amount}\n\n`);
  for (const reason of r.reasons) io.out(`  - ${reason}\n`);
  io.out('\nSpoor:\n');
  io.out(
    renderTable(r.trace, [
      { header: 'soort', value: (t) => t.kind },
      { header: 'naam', value: (t) => t.name },
      {
        header: 'waarde',
        value: (t) =>
          t.kind === 'assumption'
            ? `aanname: ${t.text}`
            : JSON.stringify(t.kind === 'condition' ? t.holds : t.value),
      },
      { header: 'eenheid', value: (t) => ('unit' in t ? t.unit : null) },
      { header: 'geldig vanaf', value: (t) => (t.kind === 'parameter' ? t.valid_from : null) },
      {
        header: 'bron',
        value: (t) =>
          t.kind === 'parameter' || t.kind === 'condition' ? [t.source].flat().join(', ') : null,
      },
    ]),
  );
  io.out(
    `\nBronnen: ${r.sources.join(', ')}\nRegelset ${r.ruleset.version} (${r.ruleset.hash.slice(0, 12)})\n`,
  );
}

function addCalc(parent: Command, io: Io, name: string): void {
  parent
    .command(name)
    .description('Berekent wat een maatregel geeft op een datum, met redenen, spoor en bronnen.')
    .argument('<maatregel>', 'id uit de catalogus, bv. aanwervingsincentive')
    .requiredOption('--date <JJJJ-MM-DD>', 'de datum van de berekening (zie de feiten van de maatregel)')
    .option('--input <bestand|->', 'JSON met de feiten (of een volledige API-aanvraag); - leest stdin')
    .option('--format <formaat>', 'table of json', 'table')
    .action(async (id: string, o: { date: string; input?: string; format: string }) => {
      try {
        const r = await calculateMeasure(id, o.date, readFacts(o.input));
        if (o.format === 'json') return printJson(io, r);
        printCalc(io, r);
      } catch (e) {
        // Name the file the facts came from, so the message says where to fix them.
        if (e instanceof ValidationError && o.input) {
          const file = o.input === '-' ? 'stdin' : o.input;
          throw new ValidationError(
            e.issues.map((i) => (i.path.startsWith('facts') ? { ...i, path: `${file}: ${i.path}` } : i)),
          );
        }
        throw e;
      }
    });
}

export function rulesCommand(program: Command, io: Io): void {
  const rules = program
    .command('rules')
    .description('De regelgeving: catalogus van maatregelen, parameters en berekeningen.');

  rules
    .command('list')
    .description('Toont de catalogus van maatregelen.')
    .option('--domain <domein>', 'werk, sociale-economie, welzijn, competenties of onderwijs')
    .option('--rung <trede>', 'trede van de participatieladder (1-6)')
    .option('--format <formaat>', 'table of json', 'table')
    .action(async (o: { domain?: string; rung?: string; format: string }) => {
      const cat = await catalogue();
      const list = cat.measures
        .filter((m) => !o.domain || m.meta.domain === o.domain)
        .filter((m) => !o.rung || m.meta.rungs.includes(Number(o.rung)))
        .map(presentSummary);
      printRows(io, o.format, list, [
        { header: 'id', value: (m) => m.id },
        { header: 'naam', value: (m) => m.name },
        { header: 'domein', value: (m) => m.domain },
        { header: 'trede', value: (m) => m.rungs.join(',') },
        { header: 'status', value: (m) => m.lifecycle.status },
        { header: 'rekenbaar', value: (m) => (m.calculable ? 'ja' : 'nee') },
      ]);
      if (o.format !== 'json') io.out(`${list.length} maatregelen; regelset ${cat.ruleset.version}\n`);
    });

  rules
    .command('show')
    .description('Toont één maatregel met rechtsgrond, levensloop, feiten, parameters en bronnen.')
    .argument('<maatregel>', 'id uit de catalogus')
    .option('--format <formaat>', 'table of json', 'table')
    .action(async (id: string, o: { format: string }) => {
      const m = presentMeasure(await getMeasure(id));
      if (o.format === 'json') return printJson(io, m);
      io.out(`${m.name}${m.abbreviation ? ` (${m.abbreviation})` : ''} — ${m.id}\n${m.description}\n\n`);
      io.out(`Domein: ${m.domain}; trede: ${m.rungs.join(', ') || '–'}; uitvoerder: ${m.body}\n`);
      io.out(
        `Levensloop: ${m.lifecycle.status}${m.lifecycle.start ? ` vanaf ${m.lifecycle.start}` : ''}${m.lifecycle.end ? ` tot ${m.lifecycle.end}` : ''}\n`,
      );
      if (m.predecessors.length) io.out(`Voorganger(s): ${m.predecessors.join(', ')}\n`);
      if (m.successors.length) io.out(`Opvolger(s): ${m.successors.join(', ')}\n`);
      if (m.facts.length) {
        io.out('\nFeiten (invoer):\n');
        io.out(
          renderTable(m.facts, [
            { header: 'naam', value: (f) => f.name },
            { header: 'type', value: (f) => f.type },
            { header: 'eenheid', value: (f) => f.unit },
            { header: 'betekenis', value: (f) => f.label },
          ]),
        );
      }
      for (const p of m.parameters) {
        io.out(`\n${p.name} — ${p.description} (${p.unit})\n`);
        for (const v of p.values)
          io.out(`  vanaf ${v.valid_from}: ${JSON.stringify(v.value)}  [${[v.source].flat().join(', ')}]\n`);
      }
      if (m.not_modelled.length) {
        io.out('\nNiet gemodelleerd:\n');
        for (const n of m.not_modelled) io.out(`  - ${n.rule} [${[n.source].flat().join(', ')}]\n`);
      }
      io.out(`\nBronnen: ${m.sources.join(', ')}\n`);
    });

  rules
    .command('parameters')
    .description('Toont de parameters van een maatregel op een datum.')
    .argument('<maatregel>', 'id uit de catalogus')
    .requiredOption('--date <JJJJ-MM-DD>', 'datum')
    .option('--format <formaat>', 'table of json', 'table')
    .action(async (id: string, o: { date: string; format: string }) => {
      const list = await parametersAt(id, o.date);
      printRows(io, o.format, list, [
        { header: 'parameter', value: (p) => p.name },
        { header: 'waarde', value: (p) => JSON.stringify(p.value) },
        { header: 'eenheid', value: (p) => p.unit },
        { header: 'geldig vanaf', value: (p) => p.valid_from },
        { header: 'bron', value: (p) => (p.source ? [p.source].flat().join(', ') : null) },
      ]);
    });

  addCalc(rules, io, 'calc');
  addCalc(program, io, 'calc');
}
