/**
 * The catalogue of measures as the rest of Trede sees it: loaded once, with presenters for the
 * API, CLI and web app, and calculation by measure id.
 */

import type { z } from 'zod';
import { type IsoDate, isIsoDate, money, NotFoundError, ValidationError } from '../domain/index.ts';
import {
  type CalcResult,
  type Column,
  calculate,
  calculateBatch,
  type FactDef,
  type LoadedMeasure,
  loadRuleset,
  type ParameterOverride,
  rulesetVersion,
  valueAt,
  versionAt,
} from './engine/index.ts';
import type { FactView, MeasureSummary, measureViewSchema } from './views.ts';

export interface Ruleset {
  version: string;
  hash: string;
}

export interface Catalogue {
  measures: LoadedMeasure[];
  ruleset: Ruleset;
  get(id: string): LoadedMeasure | undefined;
}

let loading: Promise<Catalogue> | undefined;

/** The catalogue, loaded and checked once per process. */
export function catalogue(): Promise<Catalogue> {
  loading ??= (async () => {
    const { measures, hash } = await loadRuleset();
    const byId = new Map(measures.map((m) => [m.id, m]));
    return {
      measures,
      ruleset: { version: rulesetVersion(), hash },
      get: (id) => byId.get(id),
    };
  })();
  return loading;
}

export async function getMeasure(id: string): Promise<LoadedMeasure> {
  const m = (await catalogue()).get(id);
  if (!m) throw new NotFoundError('Maatregel', id, 'measure_not_found');
  return m;
}

// ---- presenters --------------------------------------------------------------------------------

export type { FactView, MeasureSummary };

export function presentSummary(m: LoadedMeasure): MeasureSummary {
  const lc = m.meta.lifecycle;
  return {
    id: m.id,
    name: m.meta.name,
    abbreviation: m.meta.abbreviation ?? null,
    domain: m.meta.domain,
    rungs: m.meta.rungs,
    body: m.meta.body,
    lifecycle: { status: lc.status, start: lc.start ?? null, end: lc.end ?? null },
    calculable: m.formula !== null,
    sources: m.meta.sources,
  };
}

export function presentFacts(m: LoadedMeasure): FactView[] {
  return Object.entries((m.formula?.facts ?? {}) as Record<string, FactDef>).map(([name, d]) => ({
    name,
    type: d.type,
    label: d.label,
    description: d.description ?? null,
    unit: d.unit ?? null,
    min: d.min ?? null,
    max: d.max ?? null,
    options: d.options ?? null,
    default: d.default ?? null,
    required: d.default === undefined,
  }));
}

function display(value: unknown, type: string): unknown {
  if (value === null) return null;
  if (type === 'money') return money.toEuros(value as never);
  if (type === 'money-list') return (value as number[]).map((c) => c / 100);
  if (type === 'rate') return (value as { value: number }).value;
  return value;
}

export function presentParameters(m: LoadedMeasure) {
  return [...m.parameters.values()].map((s) => ({
    name: s.name,
    description: s.description,
    type: s.type,
    unit: s.unit,
    values: s.values.map((v) => ({
      valid_from: v.validFrom,
      value: display(v.value, s.type),
      source: v.source,
      note: v.note ?? null,
      assumption: v.assumption ?? null,
    })),
  }));
}

export function presentMeasure(m: LoadedMeasure): MeasureView {
  const meta = m.meta;
  return {
    ...presentSummary(m),
    description: meta.description,
    group: meta.group ?? [],
    legal_basis: meta.legal_basis,
    lifecycle: meta.lifecycle,
    predecessors: meta.predecessors,
    successors: meta.successors,
    monitor: meta.monitor ?? null,
    not_modelled: meta.not_modelled,
    inconsistencies: meta.inconsistencies,
    amount: m.formula?.amount ?? null,
    facts: presentFacts(m),
    parameters: presentParameters(m),
    versions: (m.formula?.versions ?? []).map((v) => ({
      from: v.from,
      until: v.until ?? null,
      source: v.source,
      assumption: v.assumption ?? null,
      conditions: v.conditions.map((c) => ({ id: c.id, source: c.source })),
      outputs: Object.entries(v.outputs ?? {}).map(([name, o]) => ({
        name,
        label: o.label,
        unit: o.unit ?? null,
      })),
    })),
    scenarios: m.scenarios.length,
    path: m.path,
  };
}

export type MeasureView = z.infer<typeof measureViewSchema>;

/** The value of every parameter of a measure on one date. */
export async function parametersAt(id: string, date: string) {
  if (!isIsoDate(date)) throw ValidationError.field('date', 'geen geldige datum JJJJ-MM-DD');
  const m = await getMeasure(id);
  return [...m.parameters.values()].map((s) => {
    const v = valueAt(s, date as IsoDate);
    return {
      name: s.name,
      description: s.description,
      type: s.type,
      unit: s.unit,
      value: v ? display(v.value, s.type) : null,
      valid_from: v?.validFrom ?? null,
      source: v?.source ?? null,
    };
  });
}

// ---- calculation -------------------------------------------------------------------------------

export interface ReformResult {
  baseline: CalcResult;
  reform: CalcResult;
  /** Reform minus baseline, in euros (null when the measure has no amount). */
  difference: number | null;
}

export async function calculateMeasure(
  id: string,
  date: string,
  facts: unknown,
  overrides: readonly ParameterOverride[] = [],
): Promise<CalcResult> {
  const m = await getMeasure(id);
  const { ruleset } = await catalogue();
  return calculate(m, date, facts, { overrides, ruleset });
}

/** A reform (parameter overrides from a date) evaluated side by side with the rules in force. */
export async function compareReform(
  id: string,
  date: string,
  facts: unknown,
  overrides: readonly ParameterOverride[],
): Promise<ReformResult> {
  const baseline = await calculateMeasure(id, date, facts);
  const reform = await calculateMeasure(id, date, facts, overrides);
  const difference =
    baseline.amount === null || reform.amount === null
      ? null
      : money.toEuros(money.cents(Math.round(reform.amount * 100) - Math.round(baseline.amount * 100)));
  return { baseline, reform, difference };
}

export async function simulatePopulation(
  id: string,
  date: string,
  columns: Record<string, Column>,
  n: number,
  overrides: readonly ParameterOverride[] = [],
) {
  const m = await getMeasure(id);
  const baseline = calculateBatch(m, date, columns, n);
  const reform = overrides.length ? calculateBatch(m, date, columns, n, overrides) : null;
  return { baseline, reform };
}

export { versionAt };
