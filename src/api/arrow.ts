/**
 * A population as an Apache Arrow IPC stream (`application/vnd.apache.arrow.stream`): one column
 * per fact, as pyarrow, polars, DuckDB or R's arrow write it, so that a million persons arrive as
 * some megabytes of typed arrays instead of a JSON document of fifty. Decoded with the Apache
 * Arrow project's own JavaScript library and checked like the JSON facts are: every fact without a
 * default present, no unknown column, no empty cell, the fact's type, range and options. Numeric
 * columns go to the engine as they are (no copy); money columns hold euros and become cents.
 */
import { type FieldIssue, type IsoDate, isIsoDate, ValidationError } from '../domain/index.ts';
import type { AnyFormula, Column, FactDef } from '../rules/index.ts';

export const ARROW_STREAM = 'application/vnd.apache.arrow.stream';

export function isArrowStream(contentType: string | undefined): boolean {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase() === ARROW_STREAM;
}

type Vector = { length: number; nullCount: number; toArray(): ArrayLike<unknown>; get(i: number): unknown };

const MAX_ISSUES = 20;

/** The fact columns of an Arrow IPC stream, checked against the formula's facts. */
export async function arrowColumns(
  body: Uint8Array,
  formula: AnyFormula,
): Promise<{ columns: Record<string, Column>; n: number }> {
  // Loaded on first use: the Arrow library is only needed for this body.
  const { tableFromIPC } = await import('apache-arrow');
  let table: ReturnType<typeof tableFromIPC>;
  try {
    table = tableFromIPC(body);
  } catch (e) {
    throw ValidationError.field('body', `geen geldige Arrow IPC-stroom: ${(e as Error).message}`);
  }
  const defs = formula.facts as Record<string, FactDef>;
  const n = table.numRows;
  const issues: FieldIssue[] = [];
  if (n === 0) issues.push({ path: 'columns', message: 'de populatie telt geen enkele persoon' });
  const given = table.schema.fields.map((f) => f.name);
  const unknown = given.filter((name) => !(name in defs));
  if (unknown.length)
    issues.push({
      path: 'columns',
      message: `onbekende kolommen: ${unknown.join(', ')}; verwacht: ${Object.keys(defs).join(', ')}`,
    });
  const columns: Record<string, Column> = {};
  for (const [name, def] of Object.entries(defs)) {
    const vector = table.getChild(name) as Vector | null;
    const path = `columns.${name}`;
    if (!vector) {
      if (def.default === undefined) issues.push({ path, message: 'kolom ontbreekt' });
      continue;
    }
    if (vector.nullCount > 0) {
      issues.push({ path, message: `${vector.nullCount} lege waarden; elke persoon heeft een waarde nodig` });
      continue;
    }
    const problem = (i: number, what: string) => {
      issues.push({ path: `${path}.${i}`, message: what });
      return null;
    };
    const col = checkColumn(def, vector, problem);
    if (col) columns[name] = col;
    if (issues.length >= MAX_ISSUES) break;
  }
  if (issues.length) throw new ValidationError(issues.slice(0, MAX_ISSUES));
  return { columns, n };
}

function checkColumn(
  def: FactDef,
  vector: Vector,
  problem: (i: number, what: string) => null,
): Column | null {
  const values = vector.toArray();
  const n = vector.length;
  switch (def.type) {
    case 'integer':
    case 'number':
    case 'money': {
      const numeric =
        ArrayBuffer.isView(values) && !(values instanceof BigInt64Array || values instanceof BigUint64Array);
      const nums = (
        numeric ? values : Float64Array.from(values as ArrayLike<number | bigint>, Number)
      ) as ArrayLike<number>;
      const out = def.type === 'money' ? new Float64Array(n) : nums;
      for (let i = 0; i < n; i++) {
        const x = nums[i]!;
        if (typeof x !== 'number' || !Number.isFinite(x)) return problem(i, 'verwacht een getal');
        if (def.type === 'integer' && !Number.isInteger(x)) return problem(i, 'verwacht een geheel getal');
        if (def.min !== undefined && x < def.min)
          return problem(i, `minstens ${def.min}${def.unit ? ` ${def.unit}` : ''}`);
        if (def.max !== undefined && x > def.max)
          return problem(i, `hoogstens ${def.max}${def.unit ? ` ${def.unit}` : ''}`);
        if (def.type === 'money') {
          const cents = Math.round(x * 100);
          if (Math.abs(cents - x * 100) > 1e-6 || !Number.isSafeInteger(cents))
            return problem(i, 'een bedrag heeft hoogstens twee decimalen');
          (out as Float64Array)[i] = cents;
        }
      }
      return out;
    }
    case 'boolean': {
      const out = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        const v = values[i];
        if (typeof v !== 'boolean') return problem(i, 'verwacht true of false');
        out[i] = v ? 1 : 0;
      }
      return out;
    }
    case 'choice':
    case 'date': {
      const out = new Array<string>(n);
      const options = new Set(def.options ?? []);
      for (let i = 0; i < n; i++) {
        const v = vector.get(i);
        if (typeof v !== 'string') return problem(i, 'verwacht tekst');
        if (def.type === 'choice' && !options.has(v))
          return problem(i, `kies uit: ${(def.options ?? []).join(', ')}`);
        if (def.type === 'date' && !isIsoDate(v)) return problem(i, 'geen geldige datum JJJJ-MM-DD');
        out[i] = v as IsoDate;
      }
      return out;
    }
  }
}
