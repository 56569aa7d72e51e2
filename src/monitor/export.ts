/**
 * Downloads: CSV (semicolon-separated, decimal comma, as Excel in nl-BE expects) and XLSX laid out
 * like the study's annex — one sheet per table, Dutch number formats.
 */
import type { CheckReport } from './check.ts';
import type { KpiReport } from './kpis.ts';
import type { Ladder } from './ladder.ts';
import { growthPeriods, TABEL_39 } from './reference.ts';
import type { SeriesRow } from './series.ts';

const STATE_NL = { value: '', 'no-value': 'geen waarde', 'not-available': 'nb', suppressed: '< 5' } as const;

function csvCell(v: string | number | null): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v).replace('.', ',');
  return /[;"\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

function csv(rows: (string | number | null)[][]): string {
  return `${rows.map((r) => r.map(csvCell).join(';')).join('\r\n')}\r\n`;
}

export function ladderCsv(l: Ladder): string {
  const rows: (string | number | null)[][] = [
    [
      'jaar',
      'regio',
      'soort',
      'id',
      'omschrijving',
      'trede',
      'personen',
      'gewicht',
      'meegeteld',
      'status',
      'bron',
    ],
  ];
  for (const r of l.rungs)
    rows.push([
      l.year,
      l.region,
      'trede',
      `trede-${r.rung}`,
      `Trede ${r.rung}`,
      r.rung,
      r.total,
      null,
      r.exact,
      '',
      l.source,
    ]);
  for (const m of l.measures)
    rows.push([
      l.year,
      l.region,
      'maatregel',
      m.measure,
      m.label,
      m.rung,
      m.value,
      m.weight,
      m.counted,
      STATE_NL[m.state],
      m.source,
    ]);
  for (const s of l.subtotals)
    rows.push([l.year, l.region, 'subtotaal', s.id, s.label, s.rung, s.value, null, s.exact, '', s.source]);
  rows.push([
    l.year,
    l.region,
    'totaal',
    'totaal',
    'Trede 3 + 4 + 5',
    null,
    l.total,
    null,
    l.totalExact,
    '',
    l.source,
  ]);
  return csv(rows);
}

/** Several ladders (the regions of one year) in one CSV: one header, the rows of each in turn. */
export function laddersCsv(ls: Ladder[]): string {
  return ls
    .map((l, i) => (i === 0 ? ladderCsv(l) : ladderCsv(l).split('\r\n').slice(1).join('\r\n')))
    .join('');
}

/** The lead-time norms of the boordtabel, with both years' colours. */
export function normsCsv(k: KpiReport): string {
  const [y1, y2] = k.norms.years;
  return csv([
    ['kernproces', 'streefnorm', 'streefdoel', `${y1}`, `kleur ${y1}`, `${y2}`, `kleur ${y2}`, 'bron'],
    ...k.norms.rows.map((n) => [
      n.process,
      n.norm,
      n.target,
      n.y2021,
      n.colour2021,
      n.y2022,
      n.colour2022,
      n.source,
    ]),
  ]);
}

/** The KPI tiles: value, the year before, norm and colour, with the source. */
export function kpisCsv(k: KpiReport): string {
  return csv([
    ['id', 'kpi', 'jaar', 'waarde (%)', 'vorig jaar', 'vorige waarde (%)', 'norm', 'kleur', 'bron'],
    ...k.kpis.map((t) => [
      t.id,
      t.label,
      t.year,
      t.value,
      t.previous?.year ?? null,
      t.previous?.value ?? null,
      t.norm,
      t.colour,
      t.source,
    ]),
  ]);
}

export function seriesCsv(rows: SeriesRow[]): string {
  const years = TABEL_39.years;
  const out: (string | number | null)[][] = [
    [
      'id',
      'omschrijving',
      ...years.map((y) => `West-Vlaanderen ${y}`),
      ...years.map((y) => `Vlaams Gewest ${y}`),
      ...years.map((y) => `Aandeel ${y} (%)`),
      'bron',
    ],
  ];
  for (const r of rows)
    out.push([r.id, r.label, ...r.values['west-vlaanderen'], ...r.values.vlaanderen, ...r.share, r.source]);
  return csv(out);
}

const COUNT = '#,##0';
const COUNT1 = '#,##0.0';
const PCT = '0.0"%"';

/** The workbook: the ladder asked for, the recomputed Tabel 39 and the check's findings. */
export async function monitorXlsx(input: {
  ladder?: Ladder;
  table: SeriesRow[];
  check?: CheckReport;
  /** The West-Flemish regions of the ladder's year, one row each. */
  regions?: Ladder[];
  kpis?: KpiReport;
}): Promise<Buffer> {
  // Loaded on first use: exceljs takes a second to import and most callers never need it.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Trede monitor';
  if (input.ladder) {
    const l = input.ladder;
    const ws = wb.addWorksheet(`Ladder ${l.year}`);
    ws.addRow([`Tewerkstelling en arbeidsmatige participatie, ${l.regionName}, ${l.year}`]).font = {
      bold: true,
    };
    ws.addRow(['Bron', l.source]);
    ws.addRow([]);
    ws.addRow(['Trede / maatregel', 'Code', 'Personen', 'Gewicht', 'Meegeteld', 'Status', 'Bron']).font = {
      bold: true,
    };
    for (const r of l.rungs) {
      const row = ws.addRow([`TREDE ${r.rung}`, null, r.total, null, r.exact, null, null]);
      row.font = { bold: true };
      for (const m of l.measures.filter((x) => x.rung === r.rung))
        ws.addRow(['  ' + m.label, m.code, m.value, m.weight, m.counted, STATE_NL[m.state], m.source]);
    }
    ws.addRow(['TOTAAL trede 3 + 4 + 5', null, l.total, null, l.totalExact, null, l.source]).font = {
      bold: true,
    };
    ws.getColumn(1).width = 60;
    ws.getColumn(3).numFmt = COUNT;
    ws.getColumn(4).numFmt = '0%';
    ws.getColumn(5).numFmt = COUNT1;
    ws.getColumn(7).width = 45;
  }
  const years = TABEL_39.years;
  const t = wb.addWorksheet('Tabel 39');
  t.addRow([TABEL_39.title]).font = { bold: true };
  t.addRow([TABEL_39.note_sine]);
  t.addRow([]);
  t.addRow([
    'Omschrijving',
    'Code',
    ...years.map((y) => `WVL ${y}`),
    ...years.map((y) => `VL ${y}`),
    ...years.map((y) => `Aandeel ${y}`),
    ...growthPeriods(years).flatMap(([a, b]) => [`Evolutie ${a}-${b} WVL`, `Evolutie ${a}-${b} VL`]),
    'Bron',
  ]).font = { bold: true };
  for (const r of input.table) {
    const row = t.addRow([
      `${'  '.repeat(r.depth)}${r.label}`,
      r.code,
      ...r.values['west-vlaanderen'],
      ...r.values.vlaanderen,
      ...r.share,
      ...r.growth.map((g) => g.value),
      r.source,
    ]);
    if (r.kind === 'aggregate') row.font = { bold: true };
  }
  t.getColumn(1).width = 60;
  for (let c = 3; c < 3 + 2 * years.length; c++) t.getColumn(c).numFmt = COUNT;
  for (let c = 3 + 2 * years.length; c < 3 + 3 * years.length + 4; c++) t.getColumn(c).numFmt = PCT;
  if (input.regions?.length) {
    const r = wb.addWorksheet(`Regio's ${input.regions[0]?.year}`);
    r.addRow(['Regio', 'Trede 5', 'Trede 4', 'Trede 3', 'Totaal', 'Bron']).font = { bold: true };
    for (const l of input.regions)
      r.addRow([l.regionName, ...l.rungs.map((x) => x.total), l.total, l.source]);
    r.getColumn(1).width = 40;
    for (let col = 2; col <= 5; col++) r.getColumn(col).numFmt = COUNT;
  }
  if (input.kpis) {
    const k = wb.addWorksheet("KPI's");
    k.addRow(['KPI', 'Jaar', 'Waarde', 'Vorig jaar', 'Vorige waarde', 'Norm', 'Kleur', 'Bron']).font = {
      bold: true,
    };
    for (const t of input.kpis.kpis)
      k.addRow([t.label, t.year, t.value, t.previous?.year, t.previous?.value, t.norm, t.colour, t.source]);
    k.getColumn(1).width = 50;
    k.getColumn(3).numFmt = PCT;
    k.getColumn(5).numFmt = PCT;
    const [y1, y2] = input.kpis.norms.years;
    const n = wb.addWorksheet('Doorlooptijden');
    n.addRow([
      'Kernproces',
      'Streefnorm',
      'Streefdoel',
      `${y1}`,
      `Kleur ${y1}`,
      `${y2}`,
      `Kleur ${y2}`,
      'Bron',
    ]).font = { bold: true };
    for (const x of input.kpis.norms.rows)
      n.addRow([x.process, x.norm, x.target, x.y2021, x.colour2021, x.y2022, x.colour2022, x.source]);
    n.getColumn(1).width = 50;
  }
  if (input.check) {
    const c = wb.addWorksheet('Controle');
    c.addRow([
      'Soort',
      'Rij',
      'Regio',
      'Periode',
      'Gepubliceerd',
      'Berekend',
      'Onafgerond',
      'Toelichting',
      'Bron',
    ]).font = {
      bold: true,
    };
    for (const f of input.check.findings)
      c.addRow([f.kind, f.row, f.region, f.period, f.published, f.computed, f.exact, f.message, f.source]);
    for (const f of input.check.regions.findings)
      c.addRow([
        f.kind,
        f.row,
        f.region,
        String(input.check.regions.year),
        f.published,
        f.computed,
        f.exact,
        f.message,
        f.source,
      ]);
    c.getColumn(8).width = 80;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
