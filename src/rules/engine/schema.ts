/**
 * The shapes of a measure's data files, checked strictly: unknown keys, bad dates, missing
 * sources and unsorted or duplicate dates are errors that name the file and the key path.
 */
import { z } from 'zod';
import { isIsoDate } from '../../domain/index.ts';
import { citationProblem } from './citation.ts';

export const MEASURE_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const date = z.string().refine(isIsoDate, 'geen geldige datum JJJJ-MM-DD');
const citation = z.string().superRefine((s, ctx) => {
  const problem = citationProblem(s);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
const citations = z.union([citation, z.array(citation).min(1)], {
  error: (issue) =>
    issue.input === undefined
      ? 'de bron ontbreekt: elke waarde cites seeds/<bestand>:L<van>-<tot>'
      : 'verwacht een bronverwijzing seeds/<bestand>:L<van>-<tot> of een lijst ervan',
});
const id = z.string().regex(MEASURE_ID, 'een id is kebab-case: kleine letters, cijfers en streepjes');

export const DOMAINS = ['werk', 'sociale-economie', 'welzijn', 'competenties', 'onderwijs'] as const;
export const LIFECYCLE = ['planned', 'in-force', 'phasing-out', 'ended'] as const;
export const COUNTING = ['snapshot', 'annual-average', 'started', 'school-year', 'not-counted'] as const;

export const measureFileSchema = z.strictObject({
  id,
  name: z.string().min(3),
  abbreviation: z.string().optional(),
  domain: z.enum(DOMAINS),
  /** Rungs of the participation ladder (1-6); empty for instruments outside the ladder. */
  rungs: z.array(z.number().int().min(1).max(6)),
  /** Who administers it (Departement WSE, VDAB, RSZ, …). */
  body: z.string(),
  /** The place in the ladder inventory, e.g. [Trede 5, Individuele inschakeling, Doelgroepkortingen]. */
  group: z.array(z.string()).optional(),
  description: z.string().min(10),
  legal_basis: z
    .array(
      z.strictObject({
        title: z.string(),
        approved: date.optional(),
        in_force: date.optional(),
        operational: date.optional(),
        end: date.optional(),
        note: z.string().optional(),
        source: citations,
      }),
    )
    .default([]),
  lifecycle: z.strictObject({
    status: z.enum(LIFECYCLE),
    start: date.optional(),
    end: date.optional(),
    note: z.string().optional(),
    source: citations,
  }),
  predecessors: z.array(id).default([]),
  successors: z.array(id).default([]),
  /** How the monitor counts its participants: basis and weight (SINE counts 40%). */
  monitor: z
    .strictObject({
      counting: z.enum(COUNTING),
      weight: z.number().min(0).max(1).default(1),
      note: z.string().optional(),
      source: citations,
    })
    .optional(),
  sources: z.array(citation).min(1),
  /** Rules the seeds mention but do not give: listed, never invented. */
  not_modelled: z.array(z.strictObject({ rule: z.string(), source: citations })).default([]),
  /** Places where the seeds contradict themselves about this measure. */
  inconsistencies: z
    .array(z.strictObject({ text: z.string(), sources: z.array(citation).min(2) }))
    .default([]),
});

export type MeasureFile = z.output<typeof measureFileSchema>;

const PARAM_TYPES = [
  'money',
  'rate',
  'number',
  'integer',
  'boolean',
  'text',
  'money-list',
  'number-list',
] as const;
const scalar = z.union([z.number(), z.string(), z.boolean()]);

export const parametersFileSchema = z.record(
  z.string().regex(/^[a-z][a-z0-9_]*$/, 'een parameternaam is snake_case'),
  z.strictObject({
    description: z.string().min(3),
    type: z.enum(PARAM_TYPES),
    unit: z.string(),
    /**
     * Words of the cited lines that state this parameter when its value is not written there as a
     * number (a yes/no rule, an assumed split): the citation test accepts a range that contains one.
     */
    keywords: z.array(z.string().min(3)).optional(),
    values: z
      .array(
        z.strictObject({
          valid_from: date,
          /** null: the parameter no longer applies from this date. */
          value: z.union([scalar, z.array(z.union([z.number(), z.string()])), z.null()]),
          source: citations,
          note: z.string().optional(),
          /**
           * Set when the seeds do not give this value or its date: what is assumed and why. The
           * trace and the catalogue show it, so that it is never presented as law.
           */
          assumption: z.string().min(10).optional(),
        }),
      )
      .min(1),
  }),
);

/**
 * Dates of a parameter must be unique and in chronological order. Checked on the raw file, so that
 * it is reported together with any other problem in the same values.
 */
export function dateOrderProblems(raw: unknown): { path: string; message: string }[] {
  if (!raw || typeof raw !== 'object') return [];
  const out: { path: string; message: string }[] = [];
  for (const [name, def] of Object.entries(raw as Record<string, { values?: unknown }>)) {
    const values = Array.isArray(def?.values) ? (def.values as { valid_from?: unknown }[]) : [];
    for (let i = 1; i < values.length; i++) {
      const prev = values[i - 1]?.valid_from;
      const cur = values[i]?.valid_from;
      if (typeof prev !== 'string' || typeof cur !== 'string') continue;
      const path = `${name}.values.${i}.valid_from`;
      if (cur === prev) out.push({ path, message: `datum ${cur} komt twee keer voor` });
      else if (cur < prev)
        out.push({ path, message: `${cur} komt na ${prev}: zet de waarden in chronologische volgorde` });
    }
  }
  return out;
}

export type ParametersFile = z.output<typeof parametersFileSchema>;

const overrideSchema = z.strictObject({
  parameter: z.string(),
  valid_from: date,
  value: z.union([scalar, z.array(z.union([z.number(), z.string()])), z.null()]),
});

export const scenariosFileSchema = z
  .array(
    z.strictObject({
      name: z.string().min(5),
      date,
      facts: z.record(z.string(), z.unknown()).default({}),
      /** The hand calculation or the seed's own example, written out. */
      reasoning: z.string().min(5),
      reform: z.array(overrideSchema).optional(),
      expect: z.strictObject({
        eligible: z.boolean().optional(),
        /** Euros, exact to the cent; null for measures without an amount. */
        amount: z.number().nullable().optional(),
        outputs: z.record(z.string(), z.unknown()).optional(),
        /** Named trace entries (facts, parameters, conditions, steps) and their expected values. */
        trace: z.record(z.string(), z.union([z.number(), z.boolean(), z.string(), z.null()])).optional(),
        /** Text each expected reason contains. */
        reasons: z.array(z.string()).optional(),
        /** The error code the calculation must refuse with (invalid facts). */
        error: z.string().optional(),
      }),
    }),
  )
  .min(1);

export type Scenario = z.output<typeof scenariosFileSchema>[number];
export type OverrideInput = z.output<typeof overrideSchema>;
export { overrideSchema };
