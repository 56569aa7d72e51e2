/** REST for settlement runs: the same JSON shapes as `npx trede settlement … --format json`. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/index.ts';
import { requireUser, run } from '../../http/index.ts';
import { jobViewSchema } from '../../jobs/index.ts';
import {
  approveRun,
  calendarEntrySchema,
  confirmRun,
  createPaymentFile,
  getRun,
  listRuns,
  paymentCalendar,
  paymentFileRequestSchema,
  prepareRun,
  runActionResultSchema,
  runRequestSchema,
  runShowSchema,
  runSummarySchema,
  runViewSchema,
  settlementPlan,
} from '../../settlement/index.ts';
import { errorResponses } from '../errors.ts';
import { getByIdRoute, json, jsonBody, security } from '../util.ts';

const tags = ['Afrekeningen'];
const runParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

export function registerSettlementRoutes(api: OpenAPIHono<AppEnv>): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/settlement/runs',
      tags,
      security,
      summary: 'Afrekeningsruns met hun totalen (een werkgever: alleen die van zijn organisaties).',
      request: { query: z.object({ measure: z.string().optional(), period: z.string().optional() }) },
      responses: { 200: json(z.array(runSummarySchema), 'De runs.'), ...errorResponses(401, 403) },
    }),
    async (c) => {
      requireUser(c);
      return c.json(await listRuns(c.var.deps.db, c.var.actor, c.req.valid('query')), 200);
    },
  );
  getByIdRoute(
    api,
    {
      path: '/settlement/runs/{id}',
      tags,
      summary: 'Eén run met zijn lijnen (analist: alleen totalen; werkgever: alleen eigen lijnen).',
      schema: runShowSchema,
      description: 'De run.',
    },
    async (c, id) => getRun(c.var.deps.db, c.var.actor, id),
  );
  api.openapi(
    createRoute({
      method: 'post',
      path: '/settlement/runs',
      tags,
      security,
      summary: 'Berekent een afrekening: dry_run geeft het resultaat meteen, anders start een taak (202).',
      request: jsonBody(runRequestSchema),
      responses: {
        200: json(
          runViewSchema,
          'De proefberekening, of de run zelf: een maandvoorschot (JJJJ-MM), LDE, AMA WSE of een run op de loongegevens van het register.',
        ),
        202: json(jobViewSchema, 'De taak settlement.run; volg ze via /jobs/{id}.'),
        ...errorResponses(400, 401, 403, 422),
      },
    }),
    async (c) => {
      requireUser(c);
      const body = c.req.valid('json');
      // A dry run, an advance month, LDE, AMA WSE or a run on the registry's wage data answers at once.
      const few = body.measure !== 'collectief-maatwerk' || /^\d{4}-\d{2}$/.test(body.period);
      if (body.dry_run || few || !body.wages) return c.json(await run(c, prepareRun, body), 200);
      const payload = new TextEncoder().encode(
        JSON.stringify({ wages: body.wages, advances_paid: body.advances_paid }),
      );
      const job = await c.var.deps.jobs.submit(
        c.var.actor,
        'settlement.run',
        { measure: body.measure, period: body.period },
        { payload, total: body.wages.length },
      );
      return c.json(job, 202);
    },
  );
  for (const [verb, command, summary] of [
    ['approve', approveRun, 'Keurt een run goed; wie hem voorbereidde mag dat niet (vier ogen).'],
    ['confirm', confirmRun, 'Bevestigt dat het betaalbestand betaald is.'],
  ] as const) {
    api.openapi(
      createRoute({
        method: 'post',
        path: `/settlement/runs/{id}/${verb}`,
        tags,
        security,
        summary,
        request: { params: runParam },
        responses: {
          200: json(runActionResultSchema, 'De nieuwe status.'),
          ...errorResponses(401, 403, 404, 409),
        },
      }),
      async (c) => {
        requireUser(c);
        return c.json(await run(c, command, { run: c.req.valid('param').id }), 200);
      },
    );
  }
  api.openapi(
    createRoute({
      method: 'post',
      path: '/settlement/runs/{id}/payment-file',
      tags,
      security,
      summary: 'Maakt en downloadt het betaalbestand (SEPA pain.001.001.03 of CSV) van een goedgekeurde run.',
      request: { params: runParam, ...jsonBody(paymentFileRequestSchema) },
      responses: {
        200: {
          description: 'Het bestand; X-Control-Sum is het controletotaal in euro.',
          content: { 'application/xml': { schema: z.string() }, 'text/csv': { schema: z.string() } },
        },
        ...errorResponses(401, 403, 404, 409, 422),
      },
    }),
    async (c) => {
      requireUser(c);
      const file = await run(c, createPaymentFile, { run: c.req.valid('param').id, ...c.req.valid('json') });
      return c.body(file.content, 200, {
        'content-type': file.media_type,
        'content-disposition': `attachment; filename="${file.file_name}"`,
        'x-control-sum': file.control_sum.toFixed(2),
        'x-message-id': file.message_id,
      });
    },
  );
  api.openapi(
    createRoute({
      method: 'get',
      path: '/settlement/calendar/{measure}',
      tags,
      security,
      summary: 'De betaalkalender van een maatregel voor een jaar (Belgische werkdagen).',
      request: {
        params: z.object({ measure: z.string().openapi({ param: { name: 'measure', in: 'path' } }) }),
        query: z.object({ year: z.coerce.number().int().min(2019).max(2100) }),
      },
      responses: {
        200: json(z.array(calendarEntrySchema), 'De kalender.'),
        ...errorResponses(400, 401, 404),
      },
    }),
    async (c) => {
      requireUser(c);
      return c.json(
        paymentCalendar(settlementPlan(c.req.valid('param').measure), c.req.valid('query').year),
        200,
      );
    },
  );
}
