/**
 * The rules API: the catalogue, parameters on a date, and "what would this measure give?" —
 * public, like the law it encodes.
 */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { toFieldIssues } from '../../commands/index.ts';
import { ValidationError } from '../../domain/index.ts';
import type { AppEnv } from '../../http/index.ts';
import {
  type Column,
  calculateMeasure,
  calculationResultSchema,
  catalogue,
  compareReform,
  DOMAINS,
  getMeasure,
  LIFECYCLE,
  type LoadedMeasure,
  measureSummarySchema,
  measureViewSchema,
  NotModelledError,
  parametersAt,
  parseFacts,
  presentMeasure,
  presentSummary,
  rulesetSchema,
  simulatePopulation,
} from '../../rules/index.ts';
import { ARROW_STREAM, arrowColumns, isArrowStream } from '../arrow.ts';
import { errorResponses } from '../errors.ts';
import { json, jsonBody } from '../util.ts';

const tags = ['Regelgeving'];
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'gebruik JJJJ-MM-DD');
const citation = z.union([z.string(), z.array(z.string())]);

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
        200: json(
          z.object({ ruleset: rulesetSchema, measures: z.array(measureSummarySchema) }),
          'De maatregelen.',
        ),
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
      responses: { 200: json(measureViewSchema, 'De maatregel.'), ...errorResponses(404) },
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
          calculationResultSchema.extend({
            reform: calculationResultSchema.optional(),
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
      description:
        'De populatie komt als JSON (`population`: één object met feiten per persoon, hoogstens 100.000) of als ' +
        `Apache Arrow IPC-stroom (\`${ARROW_STREAM}\`): één kolom per feit (getallen als Int/Float, bedragen in euro, ` +
        'ja/nee als Bool, keuzes en datums als Utf8), met `measure`, `date` en eventueel `reform` (JSON) als ' +
        'queryparameters. Zo gaat een miljoen personen als enkele megabytes kolommen in plaats van een JSON-document ' +
        'van vijftig. De kop `Server-Timing` zegt hoe lang inlezen en rekenen duurden.',
      request: {
        query: z.object({
          measure: z.string().optional().openapi({ description: 'Bij een Arrow-stroom: de maatregel.' }),
          date: isoDate.optional().openapi({ description: 'Bij een Arrow-stroom: de datum.' }),
          reform: z
            .string()
            .optional()
            .openapi({ description: 'Bij een Arrow-stroom: `{"overrides": [...]}` als JSON.' }),
        }),
        body: {
          content: {
            'application/json': { schema: SimulateRequest },
            [ARROW_STREAM]: {
              schema: {
                type: 'string',
                format: 'binary',
                description: 'Arrow IPC-stroom, één kolom per feit.',
              },
            },
          },
        },
      },
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
      const t0 = performance.now();
      const arrow = isArrowStream(c.req.header('content-type'));
      // The JSON schema is checked for a JSON body only; an Arrow body is read below.
      const body = arrow
        ? arrowRequest(c.req.valid('query'))
        : (c.req.valid('json' as never) as z.infer<typeof SimulateRequest>);
      if (!arrow && !body.population) throw ValidationError.field('population', 'ontbreekt');
      const m = await getMeasure(body.measure);
      let columns: Record<string, Column>;
      let n: number;
      if (arrow) {
        if (!m.formula)
          throw new NotModelledError(
            m.id,
            m.meta.not_modelled.map((x) => x.rule),
          );
        ({ columns, n } = await arrowColumns(new Uint8Array(await c.req.arrayBuffer()), m.formula));
      } else {
        ({ columns, n } = jsonColumns(m, body.population!));
      }
      const t1 = performance.now();
      const r = await simulatePopulation(
        body.measure,
        body.date,
        columns,
        n,
        body.reform ? toOverrides(body.reform.overrides) : [],
      );
      const t2 = performance.now();
      const euros = (cents: number) => cents / 100;
      c.header('server-timing', `parse;dur=${(t1 - t0).toFixed(1)}, compute;dur=${(t2 - t1).toFixed(1)}`);
      return c.json(
        {
          measure: m.id,
          date: body.date,
          persons: n,
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

const SimulateRequest = z.object({
  measure: z.string(),
  date: isoDate,
  /** One object of facts per person. */
  population: z.array(z.record(z.string(), z.unknown())).min(1).max(100_000),
  reform: z.object({ overrides }).optional(),
});

/** The fields of a JSON request, given as query parameters beside an Arrow body. */
function arrowRequest(query: { measure?: string; date?: string; reform?: string }) {
  const issues = [];
  if (!query.measure) issues.push({ path: 'query.measure', message: 'ontbreekt (bij een Arrow-stroom)' });
  if (!query.date) issues.push({ path: 'query.date', message: 'ontbreekt (bij een Arrow-stroom)' });
  let reform: z.infer<typeof SimulateRequest>['reform'];
  if (query.reform) {
    let raw: unknown;
    try {
      raw = JSON.parse(query.reform);
    } catch {
      issues.push({ path: 'query.reform', message: 'geen geldige JSON' });
    }
    const parsed = SimulateRequest.shape.reform.safeParse(raw);
    if (raw !== undefined && !parsed.success)
      issues.push(...toFieldIssues(parsed.error).map((i) => ({ ...i, path: `query.reform.${i.path}` })));
    reform = parsed.data;
  }
  if (issues.length) throw new ValidationError(issues);
  return { measure: query.measure!, date: query.date!, reform, population: undefined };
}

/** Rows of JSON facts checked one by one (errors name `population.<i>.<fact>`) into columns. */
function jsonColumns(m: LoadedMeasure, population: Record<string, unknown>[]) {
  const names = Object.keys(m.formula?.facts ?? {});
  const columns: Record<string, unknown[]> = Object.fromEntries(
    names.map((name) => [name, new Array(population.length)]),
  );
  population.forEach((row, i) => {
    let facts: Record<string, unknown>;
    try {
      facts = m.formula ? parseFacts(m.formula, row) : {};
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      throw new ValidationError(
        e.issues.map((x) => ({ ...x, path: x.path.replace(/^facts/, `population.${i}`) })),
      );
    }
    for (const name of names) columns[name]![i] = facts[name];
  });
  return { columns: columns as Record<string, Column>, n: population.length };
}
