/**
 * Dated parameter values: the value on a date is the latest one whose `valid_from` is on or
 * before it (OpenFisca's rule). Reforms insert overriding values from a date on.
 */
import { type Cents, type IsoDate, isIsoDate, money, ValidationError } from '../../domain/index.ts';
import type { ParamType, Rate } from './define.ts';
import type { ParametersFile } from './schema.ts';

export type TypedValue =
  | Cents
  | Rate
  | number
  | boolean
  | string
  | readonly Cents[]
  | readonly number[]
  | null;

export interface DatedValue {
  validFrom: IsoDate;
  value: TypedValue;
  /** As written in the YAML file (euros for money), for display. */
  raw: unknown;
  source: string | string[];
  note?: string | undefined;
  /** What is assumed where the seeds do not give the value or its date (schema.ts). */
  assumption?: string | undefined;
  /** Set on values a reform put in place. */
  reform?: boolean;
}

export interface ParameterSeries {
  name: string;
  description: string;
  type: ParamType;
  unit: string;
  values: DatedValue[];
}

export interface ParameterOverride {
  parameter: string;
  validFrom: IsoDate;
  value: unknown;
}

/** Converts a YAML value to the type the formula receives; throws a message naming the problem. */
export function typedValue(type: ParamType, raw: unknown): TypedValue {
  if (raw === null) return null;
  const num = (v: unknown) => {
    const n = typeof v === 'string' ? Number(v) : v;
    if (typeof n !== 'number' || !Number.isFinite(n))
      throw new Error(`verwacht een getal, niet ${JSON.stringify(v)}`);
    return n;
  };
  switch (type) {
    case 'money':
      if (typeof raw !== 'number' && typeof raw !== 'string')
        throw new Error(`verwacht een bedrag in euro, niet ${JSON.stringify(raw)}`);
      return money.euros(raw);
    case 'rate': {
      if (typeof raw !== 'number' && typeof raw !== 'string')
        throw new Error(`verwacht een fractie (bv. 0.45), niet ${JSON.stringify(raw)}`);
      const r = money.ratio(raw);
      return { ...r, value: r.num / r.den };
    }
    case 'number':
      return num(raw);
    case 'integer': {
      const n = num(raw);
      if (!Number.isInteger(n)) throw new Error(`verwacht een geheel getal, niet ${n}`);
      return n;
    }
    case 'boolean':
      if (typeof raw !== 'boolean') throw new Error(`verwacht true of false, niet ${JSON.stringify(raw)}`);
      return raw;
    case 'text':
      if (typeof raw !== 'string') throw new Error(`verwacht tekst, niet ${JSON.stringify(raw)}`);
      return raw;
    case 'money-list':
      if (!Array.isArray(raw)) throw new Error('verwacht een lijst van bedragen');
      return raw.map((v) => money.euros(v as string | number));
    case 'number-list':
      if (!Array.isArray(raw)) throw new Error('verwacht een lijst van getallen');
      return raw.map(num);
  }
}

export function buildSeries(file: ParametersFile): Map<string, ParameterSeries> {
  const out = new Map<string, ParameterSeries>();
  for (const [name, def] of Object.entries(file)) {
    out.set(name, {
      name,
      description: def.description,
      type: def.type,
      unit: def.unit,
      values: def.values.map((v, i) => {
        let value: TypedValue;
        try {
          value = typedValue(def.type, v.value);
        } catch (e) {
          throw new Error(`${name}.values.${i}.value: ${(e as Error).message}`);
        }
        return {
          validFrom: v.valid_from as IsoDate,
          value,
          raw: v.value,
          source: v.source,
          note: v.note,
          assumption: v.assumption,
        };
      }),
    });
  }
  return out;
}

/** The series with a reform's values inserted (a value on the same date is replaced). */
export function withOverrides(
  series: Map<string, ParameterSeries>,
  overrides: readonly ParameterOverride[],
): Map<string, ParameterSeries> {
  if (overrides.length === 0) return series;
  const out = new Map(series);
  // A reform is user input: a wrong name or value is a validation error on its field, not a crash.
  for (const [i, o] of overrides.entries()) {
    const at = `reform.overrides.${i}`;
    if (!isIsoDate(o.validFrom))
      throw ValidationError.field(
        `${at}.valid_from`,
        `'${o.validFrom}' is geen bestaande datum (JJJJ-MM-DD)`,
      );
    const s = out.get(o.parameter);
    if (!s)
      throw ValidationError.field(
        `${at}.parameter`,
        `onbekende parameter '${o.parameter}'; deze maatregel kent ${[...series.keys()].join(', ')}`,
      );
    let value: TypedValue;
    try {
      value = typedValue(s.type, o.value);
    } catch (e) {
      throw ValidationError.field(`${at}.value`, (e as Error).message);
    }
    const values = s.values.filter((v) => v.validFrom !== o.validFrom);
    values.push({ validFrom: o.validFrom, value, raw: o.value, source: 'hervorming', reform: true });
    values.sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1));
    out.set(o.parameter, { ...s, values });
  }
  return out;
}

export function valueAt(series: ParameterSeries, date: IsoDate): DatedValue | undefined {
  let found: DatedValue | undefined;
  for (const v of series.values) {
    if (v.validFrom <= date) found = v;
    else break;
  }
  return found;
}
