/** Milestone lists as CSV (semicolon, nl-BE spreadsheets) and XLSX, with their seed sources. */
import type { MilestoneView } from './schema.ts';

const HEADER = [
  'id',
  'project',
  'tabel',
  'niveau',
  'groep',
  'titel',
  'status',
  'sterretje',
  'timing',
  'kwartalen',
  'bron',
];

function row(m: MilestoneView): (string | number)[] {
  return [
    m.id,
    m.project,
    m.table,
    m.level,
    m.group.join(' / '),
    m.title,
    m.status?.label ?? '',
    m.status?.asterisk ? 'ja' : '',
    m.timing?.text ?? '',
    m.timing?.quarters.join(' ') ?? '',
    m.source,
  ];
}

const cell = (v: string | number) => {
  const s = String(v);
  return /[";\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function milestonesCsv(items: MilestoneView[]): string {
  return `${[HEADER, ...items.map(row)].map((r) => r.map(cell).join(';')).join('\r\n')}\r\n`;
}

export async function milestonesXlsx(items: MilestoneView[]): Promise<Buffer> {
  // Loaded on first use: exceljs takes a second to import.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Trede ondernemingsplan';
  const ws = wb.addWorksheet('Mijlpalen');
  ws.addRow(HEADER).font = { bold: true };
  for (const m of items) ws.addRow(row(m));
  ws.getColumn(6).width = 80;
  ws.getColumn(11).width = 45;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
