/**
 * Builders for the conditions that most formulas state again and again: a yes/no fact that must
 * be true (or false), and a number fact that must be at least, at most or between parameters.
 * Each builder gives a plain `Condition` (id, source, holds, text), so a formula lists them beside
 * its hand-written conditions and the trace reads the same.
 *
 * The batch kernel inlines a condition by reading its `holds` back as source text (kernel.ts). A
 * built `holds` is a closure over the fact's name, so each builder also records the same test as
 * a closure-free arrow in `inlineSource`, which the kernel reads instead of `toString()`.
 */
import type { Condition, FactDef, ParamType } from './define.ts';

type BooleanFacts<K extends string> = { [k in K]: FactDef & { type: 'boolean' } };
type NumberFacts<K extends string> = { [k in K]: FactDef & { type: 'integer' | 'number' } };
type NumberParams<P extends string> = { [k in P]: 'integer' | 'number' };

/** A `holds` whose test the batch kernel reads from `inlineSource` (see the header). */
export type Inlinable<F> = F & { inlineSource?: string };

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function inlinable<F extends (ctx: never) => boolean>(fn: F, source: string): Inlinable<F> {
  return Object.assign(fn, { inlineSource: source });
}

function name(kind: string, value: string): string {
  if (!IDENTIFIER.test(value)) throw new Error(`${kind} '${value}' is geen geldige naam`);
  return value;
}

type Row = { f: Record<string, unknown>; p: Record<string, unknown> };
const row = (ctx: unknown) => ctx as Row;

/**
 * The trace text of a yes/no condition: one sentence, or `[when it holds, when it does not]`.
 */
type FlagText = string | readonly [yes: string, no: string];

/** A builder of conditions on a yes/no fact: it must be true (`wanted`) or false. */
function flag(wanted: boolean) {
  return <K extends string>(
    fact: K,
    source: string,
    text: FlagText,
    id: string = fact,
  ): Condition<BooleanFacts<K>, Record<never, ParamType>> => {
    const k = name('feit', fact);
    const [yes, no] = typeof text === 'string' ? [text, text] : text;
    const holds = (ctx: unknown) => Boolean(row(ctx).f[k]) === wanted;
    return {
      id,
      source,
      holds: inlinable(holds, wanted ? `({ f }) => f.${k}` : `({ f }) => !f.${k}`),
      text: (ctx) => (holds(ctx) ? yes : no),
    };
  };
}

/** The yes/no fact `fact` must be true; `id` is the fact's name unless given. */
export const requires = flag(true);
/** The yes/no fact `fact` must be false; `id` is the fact's name unless given. */
export const excludes = flag(false);

type Bound<K extends string, P extends string> = Condition<NumberFacts<K>, NumberParams<P>>;
type BoundText = (value: number, bound: number) => string;

/** A builder of conditions comparing a number fact with one parameter by `op`. */
function bound(op: '>=' | '<=' | '<') {
  const test = (v: number, b: number) => (op === '>=' ? v >= b : op === '<=' ? v <= b : v < b);
  return <K extends string, P extends string>(
    id: string,
    source: string,
    fact: K,
    param: P,
    text: BoundText,
  ): Bound<K, P> => {
    const k = name('feit', fact);
    const q = name('parameter', param);
    const value = (ctx: unknown) => {
      const r = row(ctx);
      return [r.f[k] as number, r.p[q] as number] as const;
    };
    return {
      id,
      source,
      holds: inlinable((ctx) => test(...value(ctx)), `({ f, p }) => f.${k} ${op} p.${q}`),
      text: (ctx) => text(...value(ctx)),
    };
  };
}

/** The number fact `fact` is at least the parameter `param`; `text(value, min)` for the trace. */
export const atLeast = bound('>=');
/** The number fact `fact` is at most the parameter `param`; `text(value, max)` for the trace. */
export const atMost = bound('<=');
/** The number fact `fact` is below the parameter `param` (not equal); `text(value, limit)`. */
export const below = bound('<');

/**
 * The number fact `fact` lies between the parameters `min` and `max` (both included);
 * `text(value, min, max)` for the trace.
 */
export function between<K extends string, const P extends string>(
  id: string,
  source: string,
  fact: K,
  [min, max]: readonly [P, P],
  text: (value: number, min: number, max: number) => string,
): Bound<K, P> {
  const k = name('feit', fact);
  const lo = name('parameter', min);
  const hi = name('parameter', max);
  const value = (ctx: unknown) => {
    const r = row(ctx);
    return [r.f[k] as number, r.p[lo] as number, r.p[hi] as number] as const;
  };
  return {
    id,
    source,
    holds: inlinable((ctx) => {
      const [v, a, b] = value(ctx);
      return v >= a && v <= b;
    }, `({ f, p }) => f.${k} >= p.${lo} && f.${k} <= p.${hi}`),
    text: (ctx) => text(...value(ctx)),
  };
}
