/**
 * Settlement plans as data: one `settlement.yaml` beside a measure's rules
 * (src/rules/measures/<measure>/settlement.yaml) says which components are paid per which period,
 * how advances and settlements are timed, and from which seed lines. This loader only parses and
 * validates; the arithmetic is in cmw.ts, contingent.ts and calendar.ts.
 */
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { readYamlData } from '../db/index.ts';
import { NotFoundError, ValidationError } from '../domain/index.ts';

const source = z.union([
  z.string().regex(/^seeds\/\S+:L\d+(-\d+)?$/),
  z.array(z.string().regex(/^seeds\/\S+:L\d+(-\d+)?$/)).min(1),
]);
/** The n-th working day of the month (−1 = the last working day) or a calendar day of the month. */
const workingDay = z
  .number()
  .int()
  .min(-1)
  .max(23)
  .refine((n) => n !== 0, 'werkdag 1 tot 23, of −1 voor de laatste werkdag');
const due = z
  .object({
    working_day: workingDay.optional(),
    day_of_month: z.number().int().min(1).max(28).optional(),
    month_offset: z.number().int().optional(),
  })
  .refine((d) => (d.working_day === undefined) !== (d.day_of_month === undefined), {
    message: 'geef working_day of day_of_month, niet allebei',
  });
const after = z
  .object({
    working_day: workingDay.optional(),
    day_of_month: z.number().int().min(1).max(28).optional(),
    months_after_period: z.number().int().min(1),
  })
  .refine((d) => (d.working_day === undefined) !== (d.day_of_month === undefined), {
    message: 'geef working_day of day_of_month, niet allebei',
  });
export type DueRule = { working_day?: number | undefined; day_of_month?: number | undefined };

export const settlementPlanSchema = z.object({
  measure: z.string(),
  period: z.enum(['month', 'quarter', 'year', 'school-year']),
  source,
  components: z
    .array(
      z.object({
        id: z.string(),
        label: z.string(),
        period: z.enum(['month', 'quarter', 'year', 'once']),
        basis: z.string(),
        parameters: z.array(z.string()).default([]),
        assumptions: z.array(z.string()).default([]),
        source,
      }),
    )
    .min(1),
  advance: z
    .object({
      rhythm: z.enum(['month', 'quarter']),
      due,
      sizing_assumption: z.string(),
      withholding: z.string().optional(),
      withholding_suspended_years: z.array(z.number().int()).default([]),
      source,
    })
    .optional(),
  settlement: z.object({
    quarter: after.optional(),
    year: after.optional(),
    note: z.string().optional(),
    source,
  }),
  contingent: z
    .object({
      unit_vte: z.number().positive(),
      adjustment_quarter: z.number().int().min(1).max(4),
      parameters: z.array(z.string()),
      assumptions: z.array(z.string()),
      note: z.string().optional(),
      source,
    })
    .optional(),
  not_modelled: z.array(z.object({ rule: z.string(), source })).default([]),
});
export type SettlementPlan = z.infer<typeof settlementPlanSchema>;

/** Measures that have a settlement plan (the runs accept only these). */
export const SETTLED_MEASURES = ['collectief-maatwerk', 'lde', 'ama-wse'] as const;

const cache = new Map<string, SettlementPlan>();

export function settlementPlan(measure: string): SettlementPlan {
  const hit = cache.get(measure);
  if (hit) return hit;
  if (!/^[a-z0-9-]+$/.test(measure)) throw ValidationError.field('measure', 'geen geldige maatregel-id');
  const file = new URL(`../rules/measures/${measure}/settlement.yaml`, import.meta.url);
  if (!existsSync(file))
    throw new NotFoundError('Afrekeningsplan van maatregel', measure, 'settlement_plan_not_found');
  const parsed = settlementPlanSchema.safeParse(readYamlData(file));
  if (!parsed.success) {
    throw new ValidationError(
      parsed.error.issues.map((i) => ({ path: `settlement.yaml.${i.path.join('.')}`, message: i.message })),
    );
  }
  if (parsed.data.measure !== measure) {
    throw ValidationError.field(
      'settlement.yaml.measure',
      `hoort bij '${parsed.data.measure}', niet bij '${measure}'`,
    );
  }
  cache.set(measure, parsed.data);
  return parsed.data;
}
