/**
 * The shapes dossiers show to the outside, as zod schemas: the module's types are inferred from
 * them and the API's OpenAPI document is generated from the same schemas, so the two cannot drift.
 */
import { z } from 'zod';
import { ACTION_NAMES, STATES } from './states.ts';

export const eligibilitySchema = z
  .object({
    /** null when the seeds give no calculable rule for the measure. */
    eligible: z.boolean().nullable(),
    amount: z.number().nullable(),
    period: z.string().nullable(),
    reasons: z.array(z.string()),
    notModelled: z.array(z.string()),
    date: z.string(),
    calculatedAt: z.string(),
  })
  .meta({ id: 'DossierEligibility' });
export type Eligibility = z.infer<typeof eligibilitySchema>;

export const dossierViewSchema = z
  .object({
    id: z.string(),
    reference: z.string().meta({ example: 'DOS-2026-000001' }),
    measureId: z.string(),
    measureName: z.string(),
    organisationId: z.string().nullable(),
    organisationName: z.string().nullable(),
    personId: z.string().nullable(),
    channel: z.enum(['online', 'papier']),
    facts: z.record(z.string(), z.unknown()),
    date: z.string(),
    state: z.enum(STATES),
    stateLabel: z.string(),
    outcome: z.enum(['toegekend', 'geweigerd']).nullable(),
    withdrawal: z.enum(['ambtshalve', 'vrijwillig']).nullable(),
    handler: z.object({ id: z.string(), name: z.string() }).nullable(),
    eligibility: eligibilitySchema.nullable(),
    ruleset: z.object({ version: z.string(), hash: z.string() }).nullable(),
    paidCents: z.number().int(),
    recoveredCents: z.number().int(),
    receivedAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Dossier' });
export type DossierView = z.infer<typeof dossierViewSchema>;

export const dossierEventViewSchema = z.object({
  id: z.number().int(),
  action: z.string(),
  actionLabel: z.string(),
  fromState: z.enum(STATES).nullable(),
  toState: z.enum(STATES),
  reason: z.string().nullable(),
  actor: z.string(),
  occurredAt: z.string(),
  data: z.record(z.string(), z.unknown()),
});
export type DossierEventView = z.infer<typeof dossierEventViewSchema>;

export const nextActionSchema = z.object({
  action: z.enum(ACTION_NAMES),
  label: z.string(),
  destructive: z.boolean(),
  reasonRequired: z.boolean(),
  amount: z.boolean(),
});
export type NextAction = z.infer<typeof nextActionSchema>;

export const dossierDetailSchema = dossierViewSchema
  .extend({
    timeline: z.array(dossierEventViewSchema),
    payments: z.array(
      z.object({
        id: z.number().int(),
        kind: z.string(),
        amountCents: z.number().int(),
        occurredAt: z.string(),
      }),
    ),
    nextActions: z.array(nextActionSchema),
  })
  .meta({ id: 'DossierDetail' });
export type DossierDetail = z.infer<typeof dossierDetailSchema>;

const colourSchema = z.enum(['donkergroen', 'lichtgroen', 'lichtoranje', 'donkeroranje']);

/** A norm the seed states twice with different values: both values with their lines. */
const normConflictSchema = z.object({
  id: z.string(),
  measure: z.string(),
  norm: z.string().optional(),
  what: z.string(),
  values: z.array(z.object({ value: z.string(), source: z.string() })),
});

export const normResultSchema = z.object({
  normId: z.string(),
  measureId: z.string(),
  measureName: z.string(),
  label: z.string(),
  target: z.number(),
  channel: z.enum(['online', 'papier']).nullable(),
  limit: z.object({ kind: z.string(), n: z.number() }),
  source: z.string(),
  year: z.number().int(),
  counted: z.number().int(),
  withinNorm: z.number().int(),
  /** Percentage (2 decimals), null without dossiers in the year. */
  achieved: z.number().nullable(),
  previous: z.number().nullable(),
  changePoints: z.number().nullable(),
  colour: colourSchema.nullable(),
  reported: z.record(z.string(), z.number()),
  conflicts: z.array(normConflictSchema),
});

export const leadTimeReportSchema = z
  .object({
    year: z.number().int(),
    norms: z.array(normResultSchema),
    legend: z.array(z.object({ colour: colourSchema, label: z.string() })),
    legendSource: z.string(),
    notModelled: z.array(z.object({ rule: z.string(), source: z.string() })),
    inconsistencies: z.array(z.object({ what: z.string(), source: z.string() })),
    conflicts: z.array(normConflictSchema),
  })
  .meta({ id: 'LeadTimeReport' });
