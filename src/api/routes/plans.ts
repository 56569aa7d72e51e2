import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/index.ts';
import { requireUser, runValidated } from '../../http/index.ts';
import {
  addMilestone,
  findingSchema,
  getPlanMilestone,
  listItemSchema,
  listPlanMilestones,
  milestoneViewSchema,
  moveMilestoneTiming,
  planCheck,
  planSummary,
  quarterSchema,
  setMilestoneStatus,
  summarySchema,
} from '../../plans/index.ts';
import { errorResponses } from '../errors.ts';
import { getByIdRoute, json, jsonBody, security } from '../util.ts';

const tags = ['Ondernemingsplan'];
const idParam = z.object({
  id: z
    .string()
    .regex(/^M\d{4}$/)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

export function registerPlanRoutes(api: OpenAPIHono<AppEnv>): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/plans/milestones',
      tags,
      security,
      summary: 'Mijlpalen van het ondernemingsplan: [{ id, project, level, title, status, timing, source }].',
      request: {
        query: z.object({
          project: z.string().max(40).optional().openapi({ description: 'BP9/OD11, BP9, OD11 of ORG-6.1.2' }),
          status: z
            .string()
            .max(40)
            .optional()
            .openapi({ description: 'bv. Gerealiseerd; `geen` voor zonder status' }),
          quarter: quarterSchema.optional().openapi({ description: 'bv. 2023-Q2' }),
          table: z.enum(['2022', '2023']).optional(),
          q: z.string().max(200).optional().openapi({ description: 'tekst in id, titel of groep' }),
        }),
      },
      responses: { 200: json(z.array(listItemSchema), 'De mijlpalen.'), ...errorResponses(400, 401, 403) },
    }),
    async (c) => {
      requireUser(c);
      return c.json(await listPlanMilestones(c.var.deps.db, c.var.actor, c.req.valid('query')), 200);
    },
  );
  getByIdRoute(
    api,
    {
      path: '/plans/milestones/{id}',
      tags,
      summary: 'Eén mijlpaal met bronnen, koppelingen en wijzigingen.',
      schema: milestoneViewSchema,
      description: 'De mijlpaal.',
      errors: [400, 401, 403, 404],
      params: idParam,
    },
    async (c, id) => getPlanMilestone(c.var.deps.db, c.var.actor, id),
  );
  api.openapi(
    createRoute({
      method: 'get',
      path: '/plans/summary',
      tags,
      security,
      summary: 'Aantallen en aandelen per status per project, doel en plan; te laat; dit kwartaal.',
      request: {
        query: z.object({
          asOf: z.iso.date().optional().openapi({ description: 'peildatum (standaard vandaag)' }),
        }),
      },
      responses: { 200: json(summarySchema, 'De samenvatting.'), ...errorResponses(400, 401, 403) },
    }),
    async (c) => {
      requireUser(c);
      const asOf = c.req.valid('query').asOf ?? c.var.deps.now?.().toISOString().slice(0, 10);
      return c.json(await planSummary(c.var.deps.db, c.var.actor, asOf), 200);
    },
  );
  api.openapi(
    createRoute({
      method: 'get',
      path: '/plans/check',
      tags,
      security,
      summary: 'Controle: getallen in de tekst, dubbele mijlpalen, verouderde verwijzingen.',
      responses: { 200: json(z.array(findingSchema), 'De bevindingen.'), ...errorResponses(401, 403) },
    }),
    async (c) => {
      requireUser(c);
      return c.json(await planCheck(c.var.deps.db, c.var.actor), 200);
    },
  );
  api.openapi(
    createRoute({
      method: 'post',
      path: '/plans/milestones/{id}/status',
      tags,
      security,
      summary: setMilestoneStatus.summary,
      request: { params: idParam, ...jsonBody(setMilestoneStatus.input.omit({ id: true })) },
      responses: {
        200: json(milestoneViewSchema, 'De mijlpaal na de wijziging.'),
        ...errorResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      requireUser(c);
      const m = await runValidated(c, setMilestoneStatus, {
        ...c.req.valid('json'),
        id: c.req.valid('param').id,
      });
      return c.json(m, 200);
    },
  );
  api.openapi(
    createRoute({
      method: 'post',
      path: '/plans/milestones/{id}/timing',
      tags,
      security,
      summary: moveMilestoneTiming.summary,
      request: { params: idParam, ...jsonBody(moveMilestoneTiming.input.omit({ id: true })) },
      responses: {
        200: json(milestoneViewSchema, 'De mijlpaal na de wijziging.'),
        ...errorResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      requireUser(c);
      const m = await runValidated(c, moveMilestoneTiming, {
        ...c.req.valid('json'),
        id: c.req.valid('param').id,
      });
      return c.json(m, 200);
    },
  );
  api.openapi(
    createRoute({
      method: 'post',
      path: '/plans/milestones',
      tags,
      security,
      summary: addMilestone.summary,
      request: jsonBody(addMilestone.input),
      responses: {
        201: json(milestoneViewSchema, 'De nieuwe mijlpaal.'),
        ...errorResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      requireUser(c);
      return c.json(await runValidated(c, addMilestone, c.req.valid('json')), 201);
    },
  );
}
