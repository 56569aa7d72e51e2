/**
 * Evaluation of a measure on a date: for one case with a full trace (every fact, parameter,
 * condition and intermediate value, with its source), or over columns for a population with the
 * very same formula functions and no trace.
 */
import { z } from 'zod';
import {
  type Cents,
  type FieldIssue,
  type IsoDate,
  isIsoDate,
  money,
  RuleViolationError,
  ValidationError,
} from '../../domain/index.ts';
import type { AnyFormula, Context, FactDef, Version } from './define.ts';
import { type Column, type KernelPart, kernelFor, rowContext } from './kernel.ts';

export type { Column, KernelPart };

import type { LoadedMeasure } from './loader.ts';
import {
  type ParameterOverride,
  type ParameterSeries,
  type TypedValue,
  valueAt,
  withOverrides,
} from './parameters.ts';
import { dutchDate } from './text.ts';

export type TraceEntry =
  | { kind: 'fact'; name: string; label: string; value: unknown; unit?: string }
  | {
      kind: 'parameter';
      name: string;
      description: string;
      value: unknown;
      unit: string;
      valid_from: string;
      source: string | string[];
      reform?: true;
      assumption?: string;
    }
  | { kind: 'assumption'; name: string; value: 'aanname'; text: string; source: string | string[] }
  | { kind: 'condition'; name: string; holds: boolean; text: string; source: string }
  | { kind: 'step'; name: string; value: unknown; unit?: string; text?: string }
  | { kind: 'output'; name: string; label: string; value: unknown; unit?: string }
  | { kind: 'amount'; name: 'amount'; label: string; value: number | null; period: string | null };

/** The calculation contract of the API and CLI (BRIEF.md). */
export interface CalcResult {
  measure: string;
  date: string;
  eligible: boolean;
  /** Euros, exact to the cent; null for a measure without an amount. */
  amount: number | null;
  currency: 'EUR';
  period: string | null;
  reasons: string[];
  outputs: Record<string, unknown>;
  trace: TraceEntry[];
  sources: string[];
  ruleset: { version: string; hash: string };
}

/** The measure is in the catalogue, but the seeds give no rule to calculate it (HTTP 422). */
export class NotModelledError extends RuleViolationError {
  constructor(
    readonly measureId: string,
    readonly notModelled: string[],
  ) {
    super(
      'not_modelled',
      `Voor '${measureId}' geven de bronnen geen berekenbare regel.` +
        (notModelled.length ? ` Niet gemodelleerd: ${notModelled.join('; ')}` : ''),
      { notModelled },
    );
  }
}

// ---- facts -------------------------------------------------------------------------------------

function factSchema(def: FactDef): z.ZodType {
  let s: z.ZodType;
  const range = (n: z.ZodNumber) => {
    let r = n;
    if (def.min !== undefined) r = r.min(def.min, `minstens ${def.min}${def.unit ? ` ${def.unit}` : ''}`);
    if (def.max !== undefined) r = r.max(def.max, `hoogstens ${def.max}${def.unit ? ` ${def.unit}` : ''}`);
    return r;
  };
  switch (def.type) {
    case 'integer':
      s = range(z.number({ error: 'verwacht een geheel getal' }).int('verwacht een geheel getal'));
      break;
    case 'number':
      s = range(z.number({ error: 'verwacht een getal' }));
      break;
    case 'money':
      s = range(z.number({ error: 'verwacht een bedrag in euro' })).transform((v, ctx) => {
        try {
          return money.euros(v);
        } catch {
          ctx.addIssue({ code: 'custom', message: 'een bedrag heeft hoogstens twee decimalen' });
          return z.NEVER;
        }
      });
      break;
    case 'boolean':
      s = z.boolean({ error: 'verwacht true of false' });
      break;
    case 'date':
      s = z
        .string({ error: 'verwacht een datum JJJJ-MM-DD' })
        .refine(isIsoDate, 'geen geldige datum JJJJ-MM-DD');
      break;
    case 'choice':
      s = z.enum(def.options as [string, ...string[]], {
        error: `kies uit: ${(def.options ?? []).join(', ')}`,
      });
      break;
  }
  return def.default !== undefined ? s.optional().default(def.default as never) : s;
}

const factsSchemas = new WeakMap<AnyFormula, z.ZodType>();

/** Validates and converts the facts of a case; errors name `facts.<fact>`. */
export function parseFacts(formula: AnyFormula, facts: unknown): Record<string, unknown> {
  const defs = formula.facts as Record<string, FactDef>;
  let schema = factsSchemas.get(formula);
  if (!schema) {
    // Built once per formula: building zod schemas costs far more than using them.
    schema = z.strictObject(Object.fromEntries(Object.entries(defs).map(([k, d]) => [k, factSchema(d)])));
    factsSchemas.set(formula, schema);
  }
  const r = schema.safeParse(facts ?? {});
  if (r.success) return r.data as Record<string, unknown>;
  const issues: FieldIssue[] = r.error.issues.map((i) => {
    const path = ['facts', ...i.path.map(String)].join('.');
    if (i.code === 'unrecognized_keys') {
      return {
        path: 'facts',
        message: `onbekende feiten: ${i.keys.join(', ')}; verwacht: ${Object.keys(defs).join(', ')}`,
      };
    }
    const given = (facts as Record<string, unknown> | null | undefined)?.[String(i.path[0])];
    if (i.code === 'invalid_type' && given === undefined) return { path, message: 'ontbreekt' };
    return { path, message: i.message };
  });
  throw new ValidationError(issues);
}

// ---- parameters --------------------------------------------------------------------------------

interface ResolvedParams {
  values: Record<string, TypedValue>;
  /** Why a parameter is absent on the date (before its first value, or ended). */
  missing: Record<string, string>;
  series: Map<string, ParameterSeries>;
}

function resolveParams(
  m: LoadedMeasure,
  date: IsoDate,
  overrides: readonly ParameterOverride[],
): ResolvedParams {
  const series = withOverrides(m.parameters, overrides);
  const values: Record<string, TypedValue> = {};
  const missing: Record<string, string> = {};
  for (const [name, s] of series) {
    const v = valueAt(s, date);
    if (v && v.value !== null) values[name] = v.value;
    else
      missing[name] = v
        ? `sinds ${v.validFrom} niet meer van toepassing`
        : `pas van toepassing vanaf ${s.values[0]!.validFrom}`;
  }
  return { values, missing, series };
}

function displayValue(value: TypedValue | unknown, type?: string): unknown {
  if (type === 'money') return money.toEuros(value as Cents);
  if (type === 'money-list') return (value as Cents[]).map((c) => money.toEuros(c));
  if (type === 'rate') return (value as { value: number }).value;
  return value;
}

export function versionAt(formula: AnyFormula, date: IsoDate): Version<never, never> | undefined {
  return (formula.versions as Version<never, never>[]).find(
    (v) => v.from <= date && (!v.until || date <= v.until),
  );
}

// ---- one case with a trace ---------------------------------------------------------------------

export interface CalcOptions {
  overrides?: readonly ParameterOverride[];
  ruleset: { version: string; hash: string };
}

export function calculate(
  m: LoadedMeasure,
  date: string,
  rawFacts: unknown,
  options: CalcOptions,
): CalcResult {
  if (!isIsoDate(date)) throw ValidationError.field('date', 'geen geldige datum JJJJ-MM-DD');
  const formula = m.formula;
  if (!formula)
    throw new NotModelledError(
      m.id,
      m.meta.not_modelled.map((n) => n.rule),
    );
  const facts = parseFacts(formula, rawFacts);
  const sources = new Set<string>(m.meta.sources);
  const trace: TraceEntry[] = [];
  const period = formula.amount?.period ?? null;
  const result = (
    eligible: boolean,
    amount: Cents | null,
    reasons: string[],
    outputs: Record<string, unknown> = {},
  ): CalcResult => {
    trace.push({
      kind: 'amount',
      name: 'amount',
      label: formula.amount?.label ?? 'Bedrag',
      value: amount === null ? null : money.toEuros(amount),
      period,
    });
    return {
      measure: m.id,
      date,
      eligible,
      amount: amount === null ? null : money.toEuros(amount),
      currency: 'EUR',
      period,
      reasons,
      outputs,
      trace,
      sources: [...sources],
      ruleset: options.ruleset,
    };
  };

  const defs = formula.facts as Record<string, FactDef>;
  for (const [name, def] of Object.entries(defs)) {
    trace.push({
      kind: 'fact',
      name,
      label: def.label,
      value: displayValue(facts[name], def.type),
      ...(def.unit ? { unit: def.unit } : {}),
    });
  }

  const version = versionAt(formula, date);
  if (!version) {
    const first = formula.versions[0]!;
    const last = formula.versions.at(-1)!;
    const lc = m.meta.lifecycle;
    for (const s of [lc.source].flat()) sources.add(s);
    sources.add(date < first.from ? first.source : last.source);
    const why =
      date < first.from
        ? `${m.meta.name} geldt pas vanaf ${dutchDate(first.from)}`
        : `${m.meta.name} geldt niet meer na ${dutchDate(last.until ?? lc.end ?? '?')}`;
    return result(false, formula.amount ? money.ZERO : null, [
      `Niet van toepassing op ${dutchDate(date)}: ${why}.`,
    ]);
  }
  sources.add(version.source);
  if (version.assumption)
    trace.push({
      kind: 'assumption',
      name: 'aanname_versie',
      value: 'aanname',
      text: `${version.from}${version.until ? ` tot ${version.until}` : ''}: ${version.assumption}`,
      source: version.source,
    });

  const { values, missing, series } = resolveParams(m, date, options.overrides ?? []);
  const seen = new Set<string>();
  const p = new Proxy(values, {
    get(target, name: string) {
      if (!(name in target)) {
        if (name in missing)
          throw new Error(`parameter '${name}' van ${m.id} is op ${date} ${missing[name]}`);
        throw new Error(`onbekende parameter '${name}' in de formule van ${m.id}`);
      }
      if (!seen.has(name)) {
        seen.add(name);
        const s = series.get(name)!;
        const v = valueAt(s, date)!;
        for (const src of [v.source].flat()) if (src !== 'hervorming') sources.add(src);
        trace.push({
          kind: 'parameter',
          name,
          description: s.description,
          value: displayValue(target[name], s.type),
          unit: s.unit,
          valid_from: v.validFrom,
          source: v.source,
          ...(v.reform ? { reform: true as const } : {}),
          ...(v.assumption ? { assumption: v.assumption } : {}),
        });
        if (v.assumption)
          trace.push({
            kind: 'assumption',
            name: `aanname_${name}`,
            value: 'aanname',
            text: v.assumption,
            source: v.source,
          });
      }
      return target[name];
    },
  });
  const ctx: Context<never, never> = {
    f: facts as never,
    p: p as never,
    step(name, value, text) {
      trace.push({ kind: 'step', name, value, ...(text ? { text } : {}) });
      return value;
    },
    stepMoney(name, value, text) {
      trace.push({ kind: 'step', name, value: money.toEuros(value), unit: 'EUR', ...(text ? { text } : {}) });
      return value;
    },
  };

  const reasons: string[] = [];
  let eligible = true;
  for (const c of version.conditions) {
    const holds = c.holds(ctx);
    const text = c.text(ctx);
    sources.add(c.source);
    trace.push({ kind: 'condition', name: c.id, holds, text, source: c.source });
    reasons.push(`${holds ? 'Voldaan' : 'Niet voldaan'}: ${text} (${c.source})`);
    if (!holds) eligible = false;
  }
  if (!eligible)
    return result(
      false,
      formula.amount ? money.ZERO : null,
      reasons.filter((r) => r.startsWith('Niet')),
    );

  const outputs: Record<string, unknown> = {};
  for (const [name, o] of Object.entries(version.outputs ?? {})) {
    const value = o.value(ctx);
    outputs[name] = value;
    trace.push({ kind: 'output', name, label: o.label, value, ...(o.unit ? { unit: o.unit } : {}) });
  }
  const amount = version.amount ? version.amount(ctx) : formula.amount ? money.ZERO : null;
  return result(true, amount, reasons, outputs);
}

// ---- a population over columns -----------------------------------------------------------------

export interface BatchResult {
  n: number;
  eligible: Uint8Array;
  /** Per person, in cents. */
  amounts: Float64Array;
  eligibleCount: number;
  /** Sum in cents (exact: integers below 2^53). */
  total: number;
}

/**
 * Evaluates one date for `n` persons given as columns (one array per fact; money facts in cents).
 * Parameters are resolved once; the version runs as a compiled kernel (kernel.ts): one loop over
 * the columns with the formula's conditions and amount inlined, without a trace.
 */
export function calculateBatch(
  m: LoadedMeasure,
  date: string,
  columns: Record<string, Column>,
  n: number,
  overrides: readonly ParameterOverride[] = [],
): BatchResult {
  if (!isIsoDate(date)) throw ValidationError.field('date', 'geen geldige datum JJJJ-MM-DD');
  const formula = m.formula;
  if (!formula)
    throw new NotModelledError(
      m.id,
      m.meta.not_modelled.map((x) => x.rule),
    );
  const defs = formula.facts as Record<string, FactDef>;
  const names = Object.keys(defs);
  for (const name of names) {
    const col = columns[name];
    if (!col && defs[name]!.default === undefined)
      throw ValidationError.field(`columns.${name}`, 'kolom ontbreekt');
    if (col && col.length < n)
      throw ValidationError.field(`columns.${name}`, `kolom telt ${col.length} waarden, verwacht ${n}`);
  }
  const eligible = new Uint8Array(n);
  const amounts = new Float64Array(n);
  const version = versionAt(formula, date as IsoDate);
  if (!version) return { n, eligible, amounts, eligibleCount: 0, total: 0 };

  const { values, missing } = resolveParams(m, date as IsoDate, overrides);
  const params = Object.keys(formula.parameters);
  const cols = names.map((k) => columns[k]);
  const defaults = names.map((k) => defs[k]!.default);
  const refuse = (name: string): never => {
    throw new Error(`parameter '${name}' van ${m.id} is op ${date} ${missing[name]}`);
  };
  const isMissing = params.map((p) => !(p in values));
  const kernel = kernelFor(
    formula,
    version,
    cols.map((c) => !!c),
    isMissing,
  );
  const ctx = rowContext(
    names,
    names.map((k) => defs[k]!.type),
    cols,
    defaults,
    values,
    refuse,
    params.filter((_, k) => isMissing[k]),
  );
  const calls = [...version.conditions.map((c) => c.holds), ...(version.amount ? [version.amount] : [])];
  const [count, total] = kernel.run(
    cols,
    defaults,
    params.map((p) => values[p]),
    calls as never,
    ctx,
    refuse,
    n,
    eligible,
    amounts,
  );
  if (!Number.isSafeInteger(total)) throw new RangeError('totaal buiten het exacte bereik');
  return { n, eligible, amounts, eligibleCount: count, total };
}

/** Which parts of a measure's version on a date run inlined in the batch kernel, and why not. */
export function describeKernel(m: LoadedMeasure, date: string): KernelPart[] {
  const formula = m.formula;
  const version = formula && versionAt(formula, date as IsoDate);
  if (!formula || !version) return [];
  const present = Object.keys(formula.facts).map(() => true);
  const { values } = resolveParams(m, date as IsoDate, []);
  const missing = Object.keys(formula.parameters).map((p) => !(p in values));
  return kernelFor(formula, version, present, missing).parts;
}
