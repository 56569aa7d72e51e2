import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/index.ts';
import { requireUser } from '../../http/index.ts';
import { jobFilterSchema, jobViewSchema } from '../../jobs/index.ts';
import { errorResponses } from '../errors.ts';
import { getByIdRoute, idParam, json, security } from '../util.ts';

const JobSchema = jobViewSchema.meta({
  id: 'Job',
  description:
    'Een achtergrondtaak (inlezen, afrekening, raming, simulatie): toestand, voortgang en resultaat of fout.',
});

export function registerJobRoutes(api: OpenAPIHono<AppEnv>): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/jobs',
      tags: ['Taken'],
      security,
      summary: 'Uw achtergrondtaken, nieuwste eerst (een beheerder ziet ze alle).',
      request: { query: jobFilterSchema },
      responses: { 200: json(JobSchema.array(), 'Taken.'), ...errorResponses(400, 401) },
    }),
    async (c) => {
      requireUser(c);
      return c.json(await c.var.deps.jobs.list(c.var.actor, c.req.valid('query')), 200);
    },
  );

  getByIdRoute(
    api,
    {
      path: '/jobs/{id}',
      tags: ['Taken'],
      summary: 'Eén taak met haar voortgang; het resultaat of de fout zodra ze klaar is.',
      schema: JobSchema,
      description: 'De taak.',
      errors: [400, 401, 404],
    },
    async (c, id) => c.var.deps.jobs.get(c.var.actor, id),
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/jobs/{id}/retry',
      tags: ['Taken'],
      security,
      summary: 'Start een onderbroken (of onverwacht mislukte) taak opnieuw.',
      request: { params: idParam },
      responses: { 202: json(JobSchema, 'De taak wacht opnieuw.'), ...errorResponses(400, 401, 404, 409) },
    }),
    async (c) => {
      requireUser(c);
      return c.json(await c.var.deps.jobs.retry(c.var.actor, c.req.valid('param').id), 202);
    },
  );
}
