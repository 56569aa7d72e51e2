/**
 * The zod schemas of the plans module: the reference data as stored (data/*.yaml) and the views
 * the CLI, API and web show. View types are inferred from these schemas, so the OpenAPI document
 * and the code cannot drift apart.
 */
import { z } from 'zod';

export const STATUS_LABELS = [
  'Gerealiseerd',
  'Loopt op schema',
  'Loopt met vertraging',
  'In voorbereiding',
  'On hold',
  'Stopgezet',
  'Geheroriënteerd',
  'Nvt',
] as const;
export const statusLabelSchema = z.enum(STATUS_LABELS);
export type StatusLabel = z.infer<typeof statusLabelSchema>;

export const TABLES = ['2022', '2022-bijkomend', '2023'] as const;
export const quarterSchema = z.string().regex(/^\d{4}-Q[1-4]$/, 'een kwartaal zoals 2023-Q2');
const lineRef = z.string().regex(/^L\d+(-\d+)?$/, 'een regelbereik zoals L714-715');

/** One record of data/milestones-*.yaml. */
export const milestoneRecordSchema = z
  .object({
    id: z.string().regex(/^M\d{4}$/),
    project: z.string(),
    printedIn: z.string().optional(),
    table: z.enum(TABLES),
    group: z.array(z.string()).optional(),
    level: z.number().int().min(1).max(3),
    parent: z.string().optional(),
    container: z.literal(true).optional(),
    title: z.string().min(1),
    lines: lineRef,
    tags: z.array(z.string()).optional(),
    decisionStage: z.array(z.string()).optional(),
    status: statusLabelSchema.nullable().optional(),
    asterisk: z.literal(true).optional(),
    statusLine: lineRef.optional(),
    timing: z.string().nullable().optional(),
    timingLine: lineRef.optional(),
    quarters: z.array(quarterSchema).optional(),
    sharedValueFor: z.number().int().optional(),
    footnote: z.string().optional(),
    footnoteLines: z.array(lineRef).optional(),
    crossRef: z.array(z.string()).optional(),
    note: z.string().optional(),
    analystNote: z.string().optional(),
    strayText: z.unknown().optional(),
    measures: z.array(z.string()).optional(),
  })
  .strict();
export type MilestoneRecord = z.infer<typeof milestoneRecordSchema>;

const ownerSchema = z.object({ name: z.string(), source: z.string() });
export const projectKinds = ['beleidsproject', 'organisatieproject', 'mens-en-organisatie'] as const;
export const projectRecordSchema = z
  .object({
    id: z.string(),
    section: z.string(),
    kind: z.enum(projectKinds),
    number: z.number().int().optional(),
    od: z.number().int().optional(),
    beleidsveld: z.string().optional(),
    ise: z.string().optional(),
    goals: z.array(z.string()),
    goalsSource: z.string().optional(),
    title: z.string(),
    titleTable1: z.string().optional(),
    heading: lineRef,
    table1: lineRef.optional(),
    table2: z.string().optional(),
    years: z.record(z.string(), z.boolean()).optional(),
    owner: ownerSchema.optional(),
    globalStatus2022: z.object({ text: z.string(), line: lineRef }).optional(),
    closed: z.string().optional(),
  })
  .strict();
export type ProjectRecord = z.infer<typeof projectRecordSchema>;

export const planDataSchema = z.object({
  plan: z.object({ year: z.number(), evaluationYear: z.number(), title: z.string(), source: z.string() }),
  statuses: z.array(z.object({ label: statusLabelSchema, closed: z.boolean() })),
  statusSource: z.string(),
  asterisk: z.object({ meaning: z.string(), source: z.string(), assumption: z.string() }),
  assumptions: z.array(z.object({ id: z.string(), date: z.string(), text: z.string(), source: z.string() })),
  claims: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      line: lineRef,
      stated: z.number(),
      count: z.string(),
    }),
  ),
  sameMilestone: z.array(z.object({ ids: z.tuple([z.string(), z.string()]), subject: z.string() })),
  notTheSame: z.array(z.object({ ids: z.tuple([z.string(), z.string()]), reason: z.string() })),
  staleCrossRefs: z.array(
    z.object({ printed: z.string(), line: lineRef, cited: z.string(), actual: z.string() }),
  ),
  corrections: z.array(
    z.object({ id: z.string(), field: z.string(), note: z.string(), seed: z.string(), why: z.string() }),
  ),
  goals: z.array(
    z.object({ id: z.string(), kind: z.enum(['SBD', 'SOD']), title: z.string(), line: lineRef }),
  ),
  projects: z.array(projectRecordSchema),
  measureKeywords: z.array(z.object({ pattern: z.string(), flags: z.string(), measure: z.string() })),
});
export type PlanData = z.infer<typeof planDataSchema>;

// ---- views ----

export const TIMING_KINDS = ['quarter', 'range', 'list', 'from', 'doorlopend', 'ad hoc'] as const;
export const timingSchema = z.object({
  kind: z.enum(TIMING_KINDS),
  /** Every quarter the timing covers (empty for doorlopend and ad hoc). */
  quarters: z.array(quarterSchema),
  from: quarterSchema.nullable(),
  /** The last quarter; null when open-ended (vanaf, doorlopend, ad hoc). */
  to: quarterSchema.nullable(),
  /** As printed. */
  text: z.string(),
});
export type Timing = z.infer<typeof timingSchema>;

export const statusSchema = z.object({
  label: statusLabelSchema,
  asterisk: z.boolean(),
  /** The printed meaning of the asterisk (assumption A-PLANS-1), when there is one. */
  meaning: z.string().nullable(),
});
export type Status = z.infer<typeof statusSchema>;

export const milestoneViewSchema = z.object({
  id: z.string(),
  project: z.string(),
  table: z.enum(TABLES),
  bijkomend: z.boolean(),
  level: z.number().int(),
  parent: z.string().nullable(),
  container: z.boolean(),
  group: z.array(z.string()),
  title: z.string(),
  status: statusSchema.nullable(),
  timing: timingSchema.nullable(),
  /** seeds/001…:Lx-y of the title; for milestones added in Trede: `trede:` + the event id. */
  source: z.string(),
  statusSource: z.string().nullable(),
  timingSource: z.string().nullable(),
  footnote: z.string().nullable(),
  crossRef: z.array(z.string()),
  tags: z.array(z.string()),
  measures: z.array(z.object({ id: z.string(), budgetArticle: z.string().nullable() })),
  sameAs: z.array(z.string()),
  printedInSectionOf: z.string().nullable(),
  notes: z.array(z.string()),
  /** Changes a beheerder recorded in Trede, oldest first. */
  changes: z.array(z.object({ kind: z.string(), reason: z.string(), actor: z.string(), at: z.string() })),
});
export type MilestoneView = z.infer<typeof milestoneViewSchema>;

/** The row of `plans list` and GET /api/v1/plans/milestones. */
export const listItemSchema = z.object({
  id: z.string(),
  project: z.string(),
  level: z.number().int(),
  title: z.string(),
  status: statusSchema.nullable(),
  timing: timingSchema.nullable(),
  source: z.string(),
});
export type ListItem = z.infer<typeof listItemSchema>;

export const listFilterSchema = z.object({
  project: z.string().max(40).optional(),
  status: z.string().max(40).optional(),
  quarter: quarterSchema.optional(),
  q: z.string().max(200).optional(),
  table: z.enum(['2022', '2023']).optional(),
  containers: z.boolean().optional(),
});
export type ListFilter = z.infer<typeof listFilterSchema>;

const countShare = z.object({ count: z.number().int(), share: z.number().nullable() });
export const rollupSchema = z.object({
  /** Items in the 2022 tables (incl. bijkomende mijlpalen), containers excluded. */
  items2022: z.number().int(),
  bijkomend: z.number().int(),
  /** Per status: count and share (%, one decimal, half away from zero) of items2022. */
  status2022: z.record(z.string(), countShare.extend({ asterisk: z.number().int() })),
  noStatus2022: z.number().int(),
  items2023: z.number().int(),
  noTiming2023: z.number().int(),
  /** Statuses recorded in Trede for 2023 items (none in the document). */
  status2023: z.record(z.string(), countShare),
  late: z.array(z.string()),
  dueThisQuarter: z.array(z.string()),
});
export type Rollup = z.infer<typeof rollupSchema>;

export const summarySchema = z.object({
  asOf: z.string(),
  quarter: quarterSchema,
  assumptions: z.array(z.string()),
  plan: rollupSchema,
  goals: z.array(
    z.object({ id: z.string(), title: z.string(), projects: z.array(z.string()), rollup: rollupSchema }),
  ),
  projects: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      title: z.string(),
      goals: z.array(z.string()),
      rollup: rollupSchema,
    }),
  ),
});
export type Summary = z.infer<typeof summarySchema>;

export const findingSchema = z.object({
  kind: z.enum(['claim', 'duplicate', 'cross-ref', 'global-status', 'correction', 'asterisk-footnote']),
  ok: z.boolean(),
  where: z.string(),
  message: z.string(),
  stated: z.number().nullable(),
  computed: z.number().nullable(),
  ids: z.array(z.string()),
  source: z.string(),
});
export type Finding = z.infer<typeof findingSchema>;
