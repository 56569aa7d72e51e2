import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { assertCan } from '../../access/index.ts';
import {
  budgetData,
  budgetShowSchema,
  check,
  execution,
  findingSchema,
  impactJobInput,
  receiptRowSchema,
  recoveryReceipts,
  showBudget,
} from '../../budget/index.ts';
import { NotFoundError } from '../../domain/index.ts';
import type { AppEnv } from '../../http/index.ts';
import { requireUser } from '../../http/index.ts';
import { jobViewSchema } from '../../jobs/index.ts';
import { errorResponses } from '../errors.ts';
import { json, security } from '../util.ts';

const YEARS = [2021, 2024] as const;
const yearQuery = z.coerce
  .number()
  .int()
  .refine((y) => (YEARS as readonly number[]).includes(y), { message: 'begrotingsjaar 2021 of 2024' })
  .openapi({ example: 2024 });
const showQuery = z.object({
  year: yearQuery,
  programme: z.string().max(8).optional().openapi({ example: 'JE' }),
  ise: z.string().max(32).optional(),
  article: z.string().max(32).optional(),
});
const executionSchema = z.object({
  year: z.number().int(),
  rows: z.array(
    z.object({
      code: z.string(),
      level: z.enum(['domein', 'programma', 'ise', 'artikel']),
      year: z.number().int(),
      credit: z.enum(['VAK', 'VEK', 'AO', 'TO', 'LO']),
      baJrEuro: z.number().int(),
      buEuro: z.number().int(),
      ratePercent: z.number().nullable(),
      underuseEuro: z.number().int(),
    }),
  ),
});

function show(q: z.infer<typeof showQuery>) {
  const result = showBudget(budgetData(), q);
  if (result.rows.length === 0)
    throw new NotFoundError('budget', q.article ?? q.ise ?? q.programme ?? String(q.year));
  return result;
}

export function registerBudgetRoutes(api: OpenAPIHono<AppEnv>): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/budget',
      tags: ['Begroting'],
      security,
      summary:
        'Kredieten per niveau, krediet en stadium; totalen berekend uit de artikels (analist, beheerder).',
      request: { query: showQuery },
      responses: { 200: json(budgetShowSchema, 'De begroting.'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      requireUser(c);
      assertCan(c.var.actor, 'budget:read');
      return c.json(show(c.req.valid('query')), 200);
    },
  );
  api.openapi(
    createRoute({
      method: 'get',
      path: '/budget/check',
      tags: ['Begroting'],
      security,
      summary: 'Gedrukte totalen en tekstcijfers die niet kloppen met hun delen, met beide bronregels.',
      responses: { 200: json(z.array(findingSchema), 'De bevindingen.'), ...errorResponses(401, 403) },
    }),
    async (c) => {
      requireUser(c);
      assertCan(c.var.actor, 'budget:read');
      return c.json(check(budgetData()), 200);
    },
  );
  api.openapi(
    createRoute({
      method: 'get',
      path: '/budget/execution',
      tags: ['Begroting'],
      security,
      summary: 'Uitvoeringsgraad BU / BA-JR per krediet (2021 op een procent, 2024 op een decimaal).',
      request: { query: z.object({ year: yearQuery }) },
      responses: { 200: json(executionSchema, 'De uitvoering.'), ...errorResponses(400, 401, 403) },
    }),
    async (c) => {
      requireUser(c);
      assertCan(c.var.actor, 'budget:read');
      const { year } = c.req.valid('query');
      return c.json({ year, rows: execution(budgetData(), year) }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: 'get',
      path: '/budget/receipts',
      tags: ['Begroting'],
      security,
      summary:
        'Terugvorderingen per maatregel van een jaar: vorderingen op het ontvangstenartikel, verrekend in een afrekening, nog open.',
      request: { query: z.object({ year: yearQuery }) },
      responses: {
        200: json(z.object({ year: z.number(), rows: z.array(receiptRowSchema) }), 'De ontvangsten.'),
        ...errorResponses(400, 401, 403),
      },
    }),
    async (c) => {
      requireUser(c);
      assertCan(c.var.actor, 'budget:read');
      const { year } = c.req.valid('query');
      return c.json({ year, rows: await recoveryReceipts(c.var.deps.db, c.var.actor, year) }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: 'post',
      path: '/budget/impact',
      tags: ['Begroting'],
      security,
      summary:
        'Begrotingsimpact van een hervorming (parameters van een maatregel) naast de basislijn, als achtergrondtaak: over het register (proefafrekening) of over een populatie als kolommen. Volg de taak op /jobs/{id}.',
      request: { body: { content: { 'application/json': { schema: impactJobInput } } } },
      responses: {
        202: json(jobViewSchema, 'De taak wacht; het resultaat komt in result.'),
        ...errorResponses(400, 401, 403),
      },
    }),
    async (c) => {
      requireUser(c);
      assertCan(c.var.actor, 'budget:read');
      return c.json(await c.var.deps.jobs.submit(c.var.actor, 'budget.impact', c.req.valid('json')), 202);
    },
  );
  // Budget figures are public documents (the BBTs): the same tables as open data, without login.
  api.openapi(
    createRoute({
      method: 'get',
      path: '/open/budget',
      tags: ['Open data'],
      summary: 'Open data: de begrotingstabellen (zonder aanmelden).',
      request: { query: showQuery },
      responses: { 200: json(budgetShowSchema, 'De begroting.'), ...errorResponses(400, 404) },
    }),
    async (c) => c.json(show(c.req.valid('query')), 200),
  );
}
