/**
 * The monitor API: the participation ladder, series, the consistency check and KPIs for users with
 * `monitor:read`, and open data (ladder, series) without login.
 */

import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { type AppEnv, requireUser } from '../../http/index.ts';
import {
  getCheck,
  getContext,
  getKpis,
  getLadder,
  getSeries,
  ladderSchema,
  openLadder,
  openSeries,
  STUDY_PERIOD,
  seriesSchema,
  TABEL_40,
} from '../../monitor/index.ts';
import { errorResponses } from '../errors.ts';
import { json, security } from '../util.ts';

const tags = ['Monitor'];
const openTags = ['Open data'];

const ladderQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).openapi({ example: TABEL_40.year }),
  region: z.string().max(40).openapi({ example: 'west-vlaanderen' }),
  source: z.enum(['reference', 'registry']).default('reference'),
});
const seriesQuery = z.object({
  measure: z.string().max(60).openapi({ example: 'trede-5' }),
  region: z.string().max(40).default('west-vlaanderen'),
});

export function registerMonitorRoutes(api: OpenAPIHono<AppEnv>): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/monitor/ladder',
      tags,
      security,
      summary:
        'De participatieladder van een jaar en regio, berekend uit de maatregelen (met bron per waarde).',
      request: { query: ladderQuery },
      responses: { 200: json(ladderSchema, 'De ladder.'), ...errorResponses(400, 401, 403) },
    }),
    async (c) => {
      requireUser(c);
      return c.json(await getLadder(c.var.actor, { ...c.req.valid('query'), db: c.var.deps.db }), 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/monitor/series',
      tags,
      security,
      summary: `De reeks ${STUDY_PERIOD} van een maatregel, subtotaal of trede, tegenover Vlaanderen.`,
      request: { query: seriesQuery },
      responses: { 200: json(seriesSchema, 'De reeks.'), ...errorResponses(400, 401, 403) },
    }),
    async (c) => {
      requireUser(c);
      return c.json(await getSeries(c.var.actor, c.req.valid('query')), 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/monitor/check',
      tags,
      security,
      summary: 'Elk gepubliceerd cijfer dat niet uit zijn delen volgt, met de bronregels.',
      responses: {
        200: json(z.record(z.string(), z.unknown()).openapi('MonitorCheck'), 'De bevindingen.'),
        ...errorResponses(401, 403),
      },
    }),
    async (c) => {
      requireUser(c);
      return c.json((await getCheck(c.var.actor)) as unknown as Record<string, unknown>, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/monitor/kpis',
      tags,
      security,
      summary: 'Kerncijfers met normen en kleuren.',
      responses: {
        200: json(z.record(z.string(), z.unknown()).openapi('MonitorKpis'), 'De kerncijfers.'),
        ...errorResponses(401, 403),
      },
    }),
    async (c) => {
      requireUser(c);
      return c.json((await getKpis(c.var.actor)) as unknown as Record<string, unknown>, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/monitor/context',
      tags,
      security,
      summary: `Niet-werkende werkzoekenden per kansengroep ${STUDY_PERIOD} en contextindicatoren (met bron, leeftijd, datum).`,
      responses: {
        200: json(z.record(z.string(), z.unknown()).openapi('MonitorContext'), 'De context.'),
        ...errorResponses(401, 403),
      },
    }),
    async (c) => {
      requireUser(c);
      return c.json((await getContext(c.var.actor)) as unknown as Record<string, unknown>, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/open/ladder',
      tags: openTags,
      summary:
        'Open data: de participatieladder (zonder aanmelden; registercellen onder 5 personen verborgen).',
      request: { query: ladderQuery },
      responses: { 200: json(ladderSchema, 'De ladder.'), ...errorResponses(400) },
    }),
    // Open data reads the registry as a read-only analist (pseudonymised facts only); cells under 5 persons
    // are suppressed before anything leaves.
    async (c) => {
      return c.json(await openLadder({ ...c.req.valid('query'), db: c.var.deps.db }), 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/open/series',
      tags: openTags,
      summary: `Open data: de reeks ${STUDY_PERIOD} van een maatregel, subtotaal of trede.`,
      request: { query: seriesQuery },
      responses: { 200: json(seriesSchema, 'De reeks.'), ...errorResponses(400) },
    }),
    async (c) => c.json(await openSeries(c.req.valid('query')), 200),
  );
}
