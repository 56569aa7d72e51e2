/**
 * How a measure's formula is written. A formula declares its facts (the inputs, with types and
 * units), the parameters it reads (their values live, dated and cited, in parameters.yaml) and one
 * or more dated versions. A version holds the eligibility conditions, each next to the legal
 * source it implements, and the amount and other outputs as small pure functions.
 *
 * Formulas are pure: no database, clock or I/O. The same functions run for one case with a full
 * trace (`calculate`) and over columns for a whole population (`calculateBatch`).
 */
import type { Cents, IsoDate, Ratio } from '../../domain/index.ts';

// ---- facts -------------------------------------------------------------------------------------

export type FactType = 'integer' | 'number' | 'boolean' | 'money' | 'date' | 'choice';

export interface FactDef {
  type: FactType;
  /** Dutch label as a form shows it. */
  label: string;
  /** What the fact means, in a sentence. */
  description?: string;
  unit?: string;
  min?: number;
  max?: number;
  /** Allowed values of a `choice` fact. */
  options?: readonly string[];
  /** A fact with a default may be left out. */
  default?: number | boolean | string;
}

type Opts = Omit<FactDef, 'type' | 'label' | 'options'>;

export const fact = {
  integer: (label: string, o: Opts = {}) => ({ type: 'integer' as const, label, ...o }),
  number: (label: string, o: Opts = {}) => ({ type: 'number' as const, label, ...o }),
  boolean: (label: string, o: Omit<Opts, 'min' | 'max'> = {}) => ({ type: 'boolean' as const, label, ...o }),
  /** An amount in euros; the formula receives it in cents. */
  money: (label: string, o: Opts = {}) => ({ type: 'money' as const, label, unit: 'EUR', ...o }),
  date: (label: string, o: Omit<Opts, 'min' | 'max'> = {}) => ({ type: 'date' as const, label, ...o }),
  choice: <const O extends readonly string[]>(
    label: string,
    options: O,
    o: Omit<Opts, 'min' | 'max'> = {},
  ) => ({
    type: 'choice' as const,
    label,
    options,
    ...o,
  }),
};

type FactValue<D extends FactDef> = D['type'] extends 'integer' | 'number'
  ? number
  : D['type'] extends 'boolean'
    ? boolean
    : D['type'] extends 'money'
      ? Cents
      : D['type'] extends 'date'
        ? IsoDate
        : D extends { options: readonly (infer O)[] }
          ? O
          : string;

export type Facts<FD extends Record<string, FactDef>> = { readonly [K in keyof FD]: FactValue<FD[K]> };

// ---- parameters --------------------------------------------------------------------------------

/** A rate or share held exactly (`0.45` → 45/100) with its decimal value for comparisons. */
export interface Rate extends Ratio {
  readonly value: number;
}

export type ParamType =
  | 'money'
  | 'rate'
  | 'number'
  | 'integer'
  | 'boolean'
  | 'text'
  | 'money-list'
  | 'number-list';

type ParamValue<T extends ParamType> = T extends 'money'
  ? Cents
  : T extends 'rate'
    ? Rate
    : T extends 'number' | 'integer'
      ? number
      : T extends 'boolean'
        ? boolean
        : T extends 'text'
          ? string
          : T extends 'money-list'
            ? readonly Cents[]
            : readonly number[];

export type Params<PD extends Record<string, ParamType>> = { readonly [K in keyof PD]: ParamValue<PD[K]> };

// ---- versions, conditions, outputs -------------------------------------------------------------

export interface Context<FD extends Record<string, FactDef>, PD extends Record<string, ParamType>> {
  f: Facts<FD>;
  p: Params<PD>;
  /**
   * Names an intermediate value: it appears in the trace (with `text` explaining it) and the value
   * is returned unchanged. In batch evaluation it costs nothing.
   */
  step<T extends number | boolean | string>(name: string, value: T, text?: string): T;
  /** Like `step` for an amount in cents: the trace shows it in euros. */
  stepMoney(name: string, value: Cents, text?: string): Cents;
}

export interface Condition<FD extends Record<string, FactDef>, PD extends Record<string, ParamType>> {
  /** Stable name, used in traces and tests (`leeftijd`, `minstens_12_uur`). */
  id: string;
  /** The seed lines stating the rule. */
  source: string;
  holds(ctx: Context<FD, PD>): boolean;
  /** The rule with the case's values, in Dutch: "leeftijd 40 ligt tussen 25 en 55 jaar". */
  text(ctx: Context<FD, PD>): string;
}

export interface Output<FD extends Record<string, FactDef>, PD extends Record<string, ParamType>> {
  label: string;
  unit?: string;
  value(ctx: Context<FD, PD>): number | boolean | string | null;
}

export interface Version<FD extends Record<string, FactDef>, PD extends Record<string, ParamType>> {
  /** First day this version of the rule applies. */
  from: string;
  /** Last day it applies; omitted while in force. */
  until?: string;
  /** Seed lines for the start (and end) of this version. */
  source: string;
  /**
   * When the seeds do not give the start or end date itself: what is assumed. Shown in the trace
   * and the catalogue as an assumption, not as law.
   */
  assumption?: string;
  conditions: Condition<FD, PD>[];
  /** The amount in cents; only evaluated when every condition holds. */
  amount?(ctx: Context<FD, PD>): Cents;
  /** Non-monetary results (durations, caps, classifications), evaluated when eligible. */
  outputs?: Record<string, Output<FD, PD>>;
}

export type AmountPeriod =
  | 'eenmalig'
  | 'totaal'
  | 'per maand'
  | 'per kwartaal'
  | 'per jaar'
  | 'per traject'
  | 'per uur'
  | 'per VTE per jaar';

export interface FormulaDef<FD extends Record<string, FactDef>, PD extends Record<string, ParamType>> {
  facts: FD;
  parameters: PD;
  /** What the amount is (`Premie verschuldigd tot nu`), and per what. */
  amount?: { label: string; period: AmountPeriod };
  versions: Version<FD, PD>[];
}

export function defineFormula<
  const FD extends Record<string, FactDef>,
  const PD extends Record<string, ParamType>,
>(
  def: Omit<FormulaDef<FD, PD>, 'versions'> & { versions: Version<NoInfer<FD>, NoInfer<PD>>[] },
): FormulaDef<FD, PD> {
  return def;
}

/** The erased shape the engine works with. */
// biome-ignore lint/suspicious/noExplicitAny: the engine treats every formula uniformly
export type AnyFormula = FormulaDef<any, any>;
