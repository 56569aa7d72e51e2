/**
 * Assumptions: named, dated reference values for what the seeds leave open (assumptions.yaml).
 * `AssumptionSet` resolves them for a date and remembers which it used, so that every run lists
 * them; a missing one stops the run with a message that names it (never a silent default).
 */
import { z } from 'zod';
import { readYamlData } from '../db/index.ts';
import { type Cents, type IsoDate, money, RuleViolationError } from '../domain/index.ts';

const valueSchema = z.object({
  valid_from: z
    .union([z.string(), z.date()])
    .transform((v) => (typeof v === 'string' ? v : v.toISOString().slice(0, 10))),
  value: z.union([z.number(), z.string()]),
  description: z.string().optional(),
  set_by: z.string(),
  set_on: z
    .union([z.string(), z.date()])
    .transform((v) => (typeof v === 'string' ? v : v.toISOString().slice(0, 10))),
  source: z.string(),
});
export const assumptionDefSchema = z.object({
  label: z.string(),
  type: z.enum(['money', 'method', 'number', 'text']),
  why: z.string(),
  seeds_silent: z.string(),
  values: z.array(valueSchema),
});
export type AssumptionDef = z.infer<typeof assumptionDefSchema>;
export type AssumptionValue = z.infer<typeof valueSchema>;
export type AssumptionTable = Record<string, AssumptionDef>;

let defaults: AssumptionTable | undefined;

/** The assumptions shipped as reference data (a beheerder's rows in the database come on top). */
export function defaultAssumptions(): AssumptionTable {
  defaults ??= z
    .record(z.string(), assumptionDefSchema)
    .parse(readYamlData(new URL('./assumptions.yaml', import.meta.url)));
  return defaults;
}

/** One assumption as a run used it. */
export interface UsedAssumption {
  name: string;
  label: string;
  value: string | number;
  valid_from: string;
  source: string;
  set_by: string;
  set_on: string;
}

export class MissingAssumptionError extends RuleViolationError {
  constructor(name: string, date: string, label?: string) {
    super(
      'assumption_missing',
      `Aanname '${name}'${label ? ` (${label})` : ''} heeft geen waarde voor ${date}: stel ze in (settlement assumption set ${name} --from ${date} …) en start de afrekening opnieuw.`,
      { assumption: name, date },
    );
  }
}

export class AssumptionSet {
  readonly used = new Map<string, UsedAssumption>();
  constructor(readonly table: AssumptionTable) {}

  /** The value in force on `date`; throws MissingAssumptionError when there is none. */
  value(name: string, date: IsoDate | string): string | number {
    // A run asks the same few (name, date) pairs once per row: resolved once, then from the cache.
    const cacheKey = `${name}\u0000${date}`;
    const hit = this.resolved.get(cacheKey);
    if (hit !== undefined) return hit;
    const resolved = this.resolve(name, date);
    this.resolved.set(cacheKey, resolved);
    return resolved;
  }

  private readonly resolved = new Map<string, string | number>();

  private resolve(name: string, date: IsoDate | string): string | number {
    const def = this.table[name];
    const v = def?.values
      .filter((x) => x.valid_from <= date)
      .sort((a, b) => (a.valid_from < b.valid_from ? 1 : -1))[0];
    if (!def || !v) throw new MissingAssumptionError(name, date, def?.label);
    const key = `${name}@${v.valid_from}`;
    if (!this.used.has(key)) {
      this.used.set(key, {
        name,
        label: def.label,
        value: v.value,
        valid_from: v.valid_from,
        source: v.source,
        set_by: v.set_by,
        set_on: v.set_on,
      });
    }
    return v.value;
  }

  money(name: string, date: IsoDate | string): Cents {
    const cacheKey = `${name}\u0000${date}`;
    let c = this.amounts.get(cacheKey);
    if (c === undefined) {
      c = money.euros(this.value(name, date));
      this.amounts.set(cacheKey, c);
    }
    return c;
  }

  private readonly amounts = new Map<string, Cents>();

  text(name: string, date: IsoDate | string): string {
    return String(this.value(name, date));
  }

  method<T extends string>(name: string, date: IsoDate | string, allowed: readonly T[]): T {
    const v = String(this.value(name, date));
    if (!(allowed as readonly string[]).includes(v)) {
      throw new RuleViolationError(
        'assumption_invalid',
        `Aanname '${name}' heeft waarde '${v}'; verwacht: ${allowed.join(', ')}.`,
      );
    }
    return v as T;
  }

  list(): UsedAssumption[] {
    return [...this.used.values()].sort((a, b) => (a.name + a.valid_from < b.name + b.valid_from ? -1 : 1));
  }
}
