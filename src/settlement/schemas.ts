/**
 * The JSON shapes of settlement as the CLI prints them and the REST API sends them (one source
 * for both and for the OpenAPI document). Amounts are euros with two decimals.
 */
import { z } from 'zod';
import { PACKAGES } from './cmw.ts';
import { PAYMENT_FORMATS } from './payment-file.ts';
import { SETTLED_MEASURES } from './plan.ts';
import { RUN_STATES } from './states.ts';

const euros = z.number().describe('euro, twee decimalen');
const totals = z.object({ due: euros, advances: euros, balance: euros });

export const runLineSchema = z.object({
  id: z.string().nullable(),
  key: z.string(),
  kbo: z.string(),
  worker: z.string().nullable(),
  component: z.string(),
  period: z.string(),
  amount: euros,
  budget_article: z.string(),
  basis: z.unknown(),
  corrects: z.string().nullable(),
});

export const runSummarySchema = z.object({
  id: z.string(),
  measure: z.string(),
  period: z.string(),
  kind: z.string(),
  correction: z.boolean(),
  status: z.string(),
  ruleset_version: z.string(),
  totals,
  prepared_by: z.string(),
  approved_by: z.string().nullable(),
  created_at: z.string(),
});

export const runShowSchema = runSummarySchema.extend({
  ruleset: z.object({ version: z.string(), hash: z.string() }),
  inputs_hash: z.string(),
  assumptions: z.unknown(),
  lines: z.array(runLineSchema),
});

/** The answer of a (dry) run: `status` 'proefberekening', 'ongewijzigd' or 'draft'. */
export const runViewSchema = z.object({
  id: z.string().nullable(),
  measure: z.string(),
  period: z.string(),
  kind: z.string(),
  correction: z.boolean(),
  status: z.enum([...RUN_STATES, 'ongewijzigd', 'proefberekening']),
  ruleset: z.object({ version: z.string(), hash: z.string() }),
  inputs_hash: z.string(),
  assumptions: z.array(z.unknown()),
  totals,
  line_count: z.number().int().optional(),
  lines: z.array(runLineSchema),
});

/** A run request as sent (amounts as given: number or string in euro). */
export const runRequestSchema = z.object({
  measure: z.enum(SETTLED_MEASURES),
  period: z
    .string()
    .regex(/^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/, 'JJJJ-MM (voorschot), JJJJ-Qn (kwartaal) of JJJJ (jaar)'),
  /** LDE quarter: VTE per organisation. */
  lde_vte: z.array(z.object({ kbo: z.string(), vte: z.number() })).optional(),
  /** AMA WSE month or year: participants per month. */
  participants: z
    .array(z.object({ kbo: z.string(), worker: z.string(), month: z.string(), hours_per_week: z.number() }))
    .optional(),
  /** Collectief maatwerk quarter or year; absent: the registry's wage data. */
  wages: z
    .array(
      z.object({
        kbo: z.string(),
        worker: z.string(),
        month: z.string(),
        package: z.enum(PACKAGES),
        wage: z.union([z.number(), z.string()]),
        fte: z.number(),
        from: z.string().optional(),
        to: z.string().optional(),
      }),
    )
    .optional(),
  advances_paid: z.array(z.object({ kbo: z.string(), amount: z.union([z.number(), z.string()]) })).optional(),
  dry_run: z.boolean().optional(),
});

export const runActionResultSchema = z.object({ id: z.string(), status: z.enum(RUN_STATES) });

export const paymentFileRequestSchema = z.object({
  format: z.enum(PAYMENT_FORMATS).optional(),
  execution_date: z.iso.date().optional(),
});

export const calendarEntrySchema = z.object({
  kind: z.enum(['voorschot', 'kwartaalafrekening', 'jaarafrekening']),
  period: z.string(),
  due: z.string(),
});
