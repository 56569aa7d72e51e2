/**
 * The shapes the monitor publishes (ladder, series), as zod schemas: the module's types are
 * inferred from them and the API's OpenAPI document is generated from the same schemas.
 */
import { z } from 'zod';

const rungSchema = z.literal([3, 4, 5]);

export const ladderMeasureSchema = z.object({
  measure: z.string().meta({ description: 'Id uit de catalogus (src/rules/measures).' }),
  code: z.string().nullable(),
  label: z.string(),
  rung: rungSchema,
  /** Persons, rounded half away from zero; null when there is no value. */
  value: z.number().int().nullable(),
  state: z.enum(['value', 'no-value', 'not-available', 'suppressed']),
  weight: z.number(),
  /** value × weight, exact (SINE: 40 % of 1,412 = 564.8). */
  counted: z.number().nullable(),
  source: z.string().meta({ description: 'De bronregel van de waarde (seeds/…:Lnnn).' }),
  derivation: z.string().nullable(),
});
export type LadderMeasure = z.infer<typeof ladderMeasureSchema>;

export const ladderSubtotalSchema = z.object({
  id: z.string(),
  label: z.string(),
  code: z.string().nullable(),
  rung: rungSchema.nullable(),
  parent: z.string().nullable(),
  value: z.number().int().nullable(),
  exact: z.number().nullable(),
  published: z.number().nullable(),
  source: z.string(),
});
export type LadderSubtotal = z.infer<typeof ladderSubtotalSchema>;

export const ladderSchema = z
  .object({
    year: z.number().int(),
    region: z.string(),
    regionName: z.string(),
    basis: z
      .enum(['reference', 'registry'])
      .meta({ description: 'Bron: de studie (reference) of het register.' }),
    total: z.number().int().nullable(),
    totalExact: z.number().nullable(),
    rungs: z.array(
      z.object({ rung: rungSchema, total: z.number().int().nullable(), exact: z.number().nullable() }),
    ),
    subtotals: z.array(ladderSubtotalSchema),
    measures: z.array(ladderMeasureSchema),
    source: z.string(),
    notes: z.array(z.string()),
  })
  .meta({ id: 'Ladder' });
export type Ladder = z.infer<typeof ladderSchema>;

export const seriesSchema = z
  .object({
    measure: z.string(),
    label: z.string(),
    rung: z.number().int().nullable(),
    region: z.string(),
    compareWith: z.string(),
    source: z.string(),
    points: z.array(
      z.object({
        year: z.number().int(),
        value: z.number().int().nullable(),
        vlaanderen: z.number().int().nullable(),
        share: z.number().nullable(),
      }),
    ),
    growth: z.array(z.object({ period: z.string(), region: z.string(), value: z.number().nullable() })),
  })
  .meta({ id: 'MonitorSeries' });
export type Series = z.infer<typeof seriesSchema>;
