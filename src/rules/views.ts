/**
 * The shapes the rules show to the outside (catalogue, measure, calculation), as zod schemas: the
 * catalogue's view types are inferred from them and the API's OpenAPI document is generated from
 * the same schemas.
 */
import { z } from 'zod';
import { measureFileSchema } from './engine/schema.ts';

const citation = z.union([z.string(), z.array(z.string())]);

export const rulesetSchema = z.object({ version: z.string(), hash: z.string() }).meta({ id: 'Ruleset' });

export const measureSummarySchema = z
  .object({
    id: z.string().meta({ example: 'aanwervingsincentive' }),
    name: z.string(),
    abbreviation: z.string().nullable(),
    domain: z.string(),
    rungs: z.array(z.number().int()),
    body: z.string(),
    lifecycle: z.object({ status: z.string(), start: z.string().nullable(), end: z.string().nullable() }),
    calculable: z.boolean(),
    sources: z.array(z.string()),
  })
  .meta({ id: 'MeasureSummary' });
export type MeasureSummary = z.infer<typeof measureSummarySchema>;

export const factViewSchema = z
  .object({
    name: z.string(),
    type: z.string(),
    label: z.string(),
    description: z.string().nullable(),
    unit: z.string().nullable(),
    min: z.number().nullable(),
    max: z.number().nullable(),
    options: z.array(z.string()).readonly().nullable(),
    default: z.unknown(),
    required: z.boolean(),
  })
  .meta({ id: 'Fact' });
export type FactView = z.infer<typeof factViewSchema>;

export const parameterViewSchema = z.object({
  name: z.string(),
  description: z.string(),
  type: z.string(),
  unit: z.string(),
  values: z.array(
    z.object({
      valid_from: z.string(),
      value: z.unknown(),
      source: citation,
      note: z.string().nullable(),
      assumption: z.string().nullable(),
    }),
  ),
});

export const measureViewSchema = measureSummarySchema
  .extend({
    description: z.string(),
    group: z.array(z.string()),
    legal_basis: measureFileSchema.shape.legal_basis,
    lifecycle: measureFileSchema.shape.lifecycle,
    predecessors: z.array(z.string()),
    successors: z.array(z.string()),
    monitor: measureFileSchema.shape.monitor.unwrap().nullable(),
    not_modelled: measureFileSchema.shape.not_modelled,
    inconsistencies: measureFileSchema.shape.inconsistencies,
    amount: z.object({ label: z.string(), period: z.string() }).nullable(),
    facts: z.array(factViewSchema),
    parameters: z.array(parameterViewSchema),
    versions: z.array(
      z.object({
        from: z.string(),
        until: z.string().nullable(),
        source: citation,
        assumption: z.string().nullable(),
        conditions: z.array(z.object({ id: z.string(), source: citation })),
        outputs: z.array(z.object({ name: z.string(), label: z.string(), unit: z.string().nullable() })),
      }),
    ),
    scenarios: z.number().int(),
    path: z.string(),
  })
  .meta({ id: 'Measure' });

const traceEntrySchema = z.record(z.string(), z.unknown()).meta({
  id: 'TraceEntry',
  description:
    'Eén stap: een feit, een parameter (met valid_from en bron), een voorwaarde, een tussenwaarde of het bedrag.',
});

export const calculationResultSchema = z
  .object({
    measure: z.string(),
    date: z.string(),
    eligible: z.boolean(),
    amount: z
      .number()
      .nullable()
      .meta({ description: 'In euro, exact tot op de cent; null voor een maatregel zonder bedrag.' }),
    currency: z.literal('EUR'),
    period: z.string().nullable(),
    reasons: z.array(z.string()),
    outputs: z.record(z.string(), z.unknown()),
    trace: z.array(traceEntrySchema),
    sources: z.array(z.string()),
    ruleset: rulesetSchema,
  })
  .meta({ id: 'CalculationResult' });
