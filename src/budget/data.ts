/**
 * The budget tables of the seeds as data (src/budget/data/*.csv, transcribed from
 * notes/spec-budget.md and checked against the seeds), validated with zod when loaded. Amounts are
 * kept as printed (keuro in the BBTs, euro in annex 11.2) and converted to exact integer euros here.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { money } from '../domain/index.ts';

const DATA = new URL('./data/', import.meta.url);

/** Minimal RFC 4180 reader: the data files are ours, quoted fields may hold commas. */
export function parseCsv(text: string): Record<string, string>[] {
  const records: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      row.push(field);
      records.push(row);
      row = [];
      field = '';
    } else if (ch !== '\r') field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    records.push(row);
  }
  const [header, ...body] = records;
  if (!header) return [];
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

const source = z
  .string()
  .regex(/^seeds\/\d{3}_[0-9a-f]+\.txt:L\d+(-\d+)?(; seeds\/\d{3}_[0-9a-f]+\.txt:L\d+(-\d+)?)*$/);
const integer = z
  .string()
  .regex(/^-?\d+$/)
  .transform(Number);

export const creditSchema = z.enum(['VAK', 'VEK', 'AO', 'TO', 'LO']);
export type Credit = z.infer<typeof creditSchema>;
/** Stages as printed: '2e BA' / '2e BA-JR' (2021), 'BA' / 'BA-JR' (2024), 'BU', 'Uitvoering' (receipts 2021). */
export const stageSchema = z.enum(['2e BA', '2e BA-JR', 'BA', 'BA-JR', 'BU', 'Uitvoering']);
export type Stage = z.infer<typeof stageSchema>;

export const bbtRowSchema = z
  .object({
    code: z.string().min(1),
    name: z.string().min(1),
    kind: z.enum(['programme', 'ise', 'article', 'receipt']),
    /** For an ISE row: which row of the ISE table; for an article: its ISE; for a receipt: its programme. */
    row_or_parent: z.string(),
    year: integer,
    credit: creditSchema,
    stage: stageSchema,
    amount: integer,
    unit: z.literal('keuro'),
    source,
  })
  .transform((r) => ({ ...r, amountEuro: r.amount * 1000 }));
export type BbtRow = z.output<typeof bbtRowSchema>;

export const annexRowSchema = z
  .object({
    code: z.string().min(1),
    od: z.string(),
    measure: z.string().min(1),
    year: integer,
    /** ONT = a receipt row; the annex does not print which column its two numbers are in (001:L9970-9983). */
    credit: z.enum(['VAK', 'VEK', 'ONT']),
    stage: z.enum(['realised', 'budget']),
    amount: z.union([integer, z.literal('nvt')]),
    unit: z.literal('euro'),
    source,
  })
  .transform((r) => ({ ...r, amountEuro: r.amount === 'nvt' ? null : r.amount }));
export type AnnexRow = z.output<typeof annexRowSchema>;

export const movementSchema = z
  .object({
    article: z.string().min(1),
    /** The seeds date movements only by budget year; no day is printed. */
    year: integer,
    /** 'VAK/VEK' = the same amount on both credits, as the note writes it. */
    credit: z.enum(['VAK', 'VEK', 'VAK/VEK']),
    /** keuro as printed; two VIA items are printed in euro with cents (000:L2918, L2935). */
    amount: z.string().regex(/^-?\d+(\.\d{1,2})?$/),
    unit: z.enum(['keuro', 'euro']),
    kind: z.string().min(1),
    counterparty: z.string(),
    note: z.string(),
    source,
  })
  .transform((r) => ({
    ...r,
    amountCents: r.unit === 'keuro' ? Number(r.amount) * 100_000 : money.euros(r.amount),
  }));
export type Movement = z.output<typeof movementSchema>;

/**
 * The accrual ('overlopende rekening') per article as the text prints it, and the prior-year
 * settlements that the text says are inside BU (notes/spec-budget.md §1.6, checked against the seeds).
 */
export const accrualSchema = z
  .object({
    article: z.string().min(1),
    year: integer,
    credit: z.enum(['VAK', 'VEK', 'VAK/VEK']),
    /** overlopende rekening: costs of the year charged before they are paid (VCO, 001:L8583-8587). */
    kind: z.enum(['overlopende rekening', 'afrekening vorig jaar']),
    /** keuro as printed. */
    amount: integer,
    component: z.string().min(1),
    note: z.string(),
    source,
  })
  .transform((r) => ({ ...r, amountEuro: r.amount * 1000 }));
export type Accrual = z.output<typeof accrualSchema>;

function load<T>(file: string, schema: z.ZodType<T>): T[] {
  const rows = parseCsv(readFileSync(new URL(file, DATA), 'utf8'));
  return rows.map((row, i) => {
    const parsed = schema.safeParse(row);
    if (!parsed.success) {
      throw new Error(
        `${file} rij ${i + 2}: ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`,
      );
    }
    return parsed.data;
  });
}

export interface BudgetData {
  bbt: BbtRow[];
  annex: AnnexRow[];
  movements: Movement[];
  accruals: Accrual[];
}

let cached: BudgetData | undefined;
export function budgetData(): BudgetData {
  cached ??= {
    bbt: [...load('bbt-2021.csv', bbtRowSchema), ...load('bbt-2024.csv', bbtRowSchema)],
    annex: load('ondernemingsplan-2023-annex-11-2.csv', annexRowSchema),
    movements: load('movements.csv', movementSchema),
    accruals: load('accruals.csv', accrualSchema),
  };
  return cached;
}
