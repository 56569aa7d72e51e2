/**
 * The rules API: the catalogue, parameters on a date, and "what would this measure give?" —
 * public, like the law it encodes.
 */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { ValidationError } from '../../domain/index.ts';
import type { AppEnv } from '../../http/index.ts';
import {
  calculateMeasure,
  catalogue,
  compareReform,
  DOMAINS,
  getMeasure,
  LIFECYCLE,
  parametersAt,
  parseFacts,
  presentMeasure,
  presentSummary,
  simulatePopulation,
} from '../../rules/index.ts';
import { errorResponses } from '../errors.ts';
import { json, jsonBody } from '../util.ts';

const tags = ['Regelgeving'];
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'gebruik JJJJ-MM-DD');
const citation = z.union([z.string(), z.array(z.string())]);

const SummarySchema = z
  .object({
    id: z.string().openapi({ example: 'aanwervingsincentive' }),
    name: z.string(),
    abbreviation: z.string().nullable(),
    domain: z.string(),
    rungs: z.array(z.number().int()),
    body: z.string(),
    lifecycle: z.object({ status: z.string(), start: z.string().nullable(), end: z.string().nullable() }),
    calculable: z.boolean(),
    sources: z.array(z.string()),
  })
  .openapi('MeasureSummary');

const RulesetSchema = z.object({ version: z.string(), hash: z.string() }).openapi('Ruleset');

const FactSchema = z
  .object({
    name: z.string(),
    type: z.string(),
    label: z.string(),
    description: z.string().nullable(),
    unit: z.string().nullable(),
    min: z.number().nullable(),
    max: z.number().nullable(),
    options: z.array(z.string()).nullable(),
    default: z.unknown(),
    required: z.boolean(),
  })
  .openapi('Fact');

const MeasureSchema = SummarySchema.extend({
  description: z.string(),
  group: z.array(z.string()),
  legal_basis: z.array(z.record(z.string(), z.unknown())),
  lifecycle: z.record(z.string(), z.unknown()),
  predecessors: z.array(z.string()),
  successors: z.array(z.string()),
  monitor: z.record(z.string(), z.unknown()).nullable(),
  not_modelled: z.array(z.object({ rule: z.string(), source: citation })),
  inconsistencies: z.array(z.object({ text: z.string(), sources: z.array(z.string()) })),
  amount: z.object({ label: z.string(), period: z.string() }).nullable(),
  facts: z.array(FactSchema),
  parameters: z.array(
    z.object({
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
        }),
      ),
    }),
  ),
  versions: z.array(z.record(z.string(), z.unknown())),
  scenarios: z.number().int(),
  path: z.string(),
}).openapi('Measure');

const TraceSchema = z.record(z.string(), z.unknown()).openapi('TraceEntry', {
  description:
    'Eén stap: een feit, een parameter (met valid_from en bron), een voorwaarde, een tussenwaarde of het bedrag.',
});

const CalcResultSchema = z
  .object({
    measure: z.string(),
    date: z.string(),
    eligible: z.boolean(),
    amount: z
      .number()
      .nullable()
      .openapi({ description: 'In euro, exact tot op de cent; null voor een maatregel zonder bedrag.' }),
    currency: z.literal('EUR'),
    period: z.string().nullable(),
    reasons: z.array(z.string()),
    outputs: z.record(z.string(), z.unknown()),
    trace: z.array(TraceSchema),
    sources: z.array(z.string()),
    ruleset: RulesetSchema,
  })
  .openapi('CalculationResult');

const overrides = z
  .array(z.object({ parameter: z.string(), valid_from: isoDate, value: z.unknown() }))
  .min(1)
  .openapi({ description: 'Parameterwaarden die vanaf een datum anders zijn dan de geldende regels.' });

const CalcRequest = z.object({
  measure: z.string().openapi({ example: 'aanwervingsincentive' }),
  date: isoDate.openapi({ example: '2018-03-01' }),
  facts: z
    .record(z.string(), z.unknown())
    .default({})
    .openapi({ example: { leeftijd: 40, maanden_werkzoekend: 26, maanden_in_dienst: 12 } }),
  reform: z.object({ overrides }).optional(),
});

const toOverrides = (list: { parameter: string; valid_from: string; value: unknown }[]) =>
  list.map((o) => ({ parameter: o.parameter, validFrom: o.valid_from as never, value: o.value }));

export function registerRulesRoutes(api: OpenAPIHono<AppEnv>): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/measures',
      tags,
      summary: 'De catalogus van maatregelen.',
      request: {
        query: z.object({
          q: z.string().max(100).optional().openapi({ description: 'Zoekt in id, naam en afkorting.' }),
          domain: z.enum(DOMAINS).optional(),
          rung: z.coerce.number().int().min(1).max(6).optional(),
          status: z.enum(LIFECYCLE).optional(),
        }),
      },
      responses: {
        200: json(z.object({ ruleset: RulesetSchema, measures: z.array(SummarySchema) }), 'De maatregelen.'),
        ...errorResponses(400),
      },
    }),
    async (c) => {
      const { q, domain, rung, status } = c.req.valid('query');
      const cat = await catalogue();
      const needle = q?.toLowerCase();
      const measures = cat.measures
        .filter(
          (m) =>
            !needle ||
            [m.id, m.meta.name, m.meta.abbreviation ?? ''].some((s) => s.toLowerCase().includes(needle)),
        )
        .filter((m) => !domain || m.meta.domain === domain)
        .filter((m) => !rung || m.meta.rungs.includes(rung))
        .filter((m) => !status || m.meta.lifecycle.status === status)
        .map(presentSummary);
      return c.json({ ruleset: cat.ruleset, measures }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/measures/{id}',
      tags,
      summary: 'Eén maatregel: rechtsgrond, levensloop, parameters, feiten (invoer) en bronnen.',
      request: {
        params: z.object({
          id: z.string().openapi({ param: { name: 'id', in: 'path' }, example: 'ama-wse' }),
        }),
      },
      responses: { 200: json(MeasureSchema, 'De maatregel.'), ...errorResponses(404) },
    }),
    async (c) => c.json(presentMeasure(await getMeasure(c.req.valid('param').id)) as never, 200),
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/measures/{id}/parameters',
      tags,
      summary: 'De waarde van elke parameter van een maatregel op een datum, met bron.',
      request: {
        params: z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) }),
        query: z.object({ date: isoDate.openapi({ example: '2024-01-01' }) }),
      },
      responses: {
        200: json(
          z.array(
            z.object({
              name: z.string(),
              description: z.string(),
              type: z.string(),
              unit: z.string(),
              value: z.unknown(),
              valid_from: z.string().nullable(),
              source: citation.nullable(),
            }),
          ),
          'Parameters op die datum.',
        ),
        ...errorResponses(400, 404),
      },
    }),
    async (c) => c.json(await parametersAt(c.req.valid('param').id, c.req.valid('query').date), 200),
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/calculate',
      tags,
      summary: 'Wat geeft een maatregel? Bedrag, beslissing met redenen, volledig spoor en bronnen.',
      description:
        'Met `reform.overrides` wordt dezelfde berekening ook gemaakt met gewijzigde parameters; het antwoord bevat dan `reform` en `difference` naast het resultaat volgens de geldende regels.',
      request: jsonBody(CalcRequest),
      responses: {
        200: json(
          CalcResultSchema.extend({
            reform: CalcResultSchema.optional(),
            difference: z.number().nullable().optional(),
          }),
          'Het resultaat.',
        ),
        ...errorResponses(400, 404, 422),
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      if (body.reform) {
        const r = await compareReform(
          body.measure,
          body.date,
          body.facts,
          toOverrides(body.reform.overrides),
        );
        return c.json({ ...r.baseline, reform: r.reform, difference: r.difference }, 200);
      }
      return c.json(await calculateMeasure(body.measure, body.date, body.facts), 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/simulate',
      tags,
      summary: 'Een maatregel voor een hele populatie (batch), eventueel naast een hervorming.',
      request: jsonBody(
        z.object({
          measure: z.string(),
          date: isoDate,
          /** One object of facts per person. */
          population: z.array(z.record(z.string(), z.unknown())).min(1).max(100_000),
          reform: z.object({ overrides }).optional(),
        }),
      ),
      responses: {
        200: json(
          z.object({
            measure: z.string(),
            date: z.string(),
            persons: z.number().int(),
            baseline: z.object({ eligible: z.number().int(), total: z.number() }),
            reform: z.object({ eligible: z.number().int(), total: z.number() }).nullable(),
            difference: z.number().nullable(),
            currency: z.literal('EUR'),
          }),
          'Totalen in euro.',
        ),
        ...errorResponses(400, 404, 422),
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const m = await getMeasure(body.measure);
      const names = Object.keys(m.formula?.facts ?? {});
      const columns: Record<string, unknown[]> = Object.fromEntries(
        names.map((n) => [n, new Array(body.population.length)]),
      );
      body.population.forEach((row, i) => {
        let facts: Record<string, unknown>;
        try {
          facts = m.formula ? parseFacts(m.formula, row) : {};
        } catch (e) {
          if (!(e instanceof ValidationError)) throw e;
          throw new ValidationError(
            e.issues.map((x) => ({ ...x, path: x.path.replace(/^facts/, `population.${i}`) })),
          );
        }
        for (const n of names) columns[n]![i] = facts[n];
      });
      const r = await simulatePopulation(
        body.measure,
        body.date,
        columns as never,
        body.population.length,
        body.reform ? toOverrides(body.reform.overrides) : [],
      );
      const euros = (cents: number) => cents / 100;
      return c.json(
        {
          measure: m.id,
          date: body.date,
          persons: body.population.length,
          baseline: { eligible: r.baseline.eligibleCount, total: euros(r.baseline.total) },
          reform: r.reform ? { eligible: r.reform.eligibleCount, total: euros(r.reform.total) } : null,
          difference: r.reform ? euros(r.reform.total - r.baseline.total) : null,
          currency: 'EUR' as const,
        },
        200,
      );
    },
  );
}
