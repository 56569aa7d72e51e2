import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/index.ts';
import { requireUser } from '../../http/index.ts';
import { vsiReport } from '../../inspection/index.ts';
import { errorResponses } from '../errors.ts';
import { json, security } from '../util.ts';

export function registerInspectionRoutes(api: OpenAPIHono<AppEnv>): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/inspection/report',
      tags: ['Inspectie'],
      security,
      summary: 'De VSI-jaartabel per domein (dossiers, PJ, voorgestelde terugvorderingen) met controle.',
      request: { query: z.object({ year: z.coerce.number().int().min(2000).max(2100) }) },
      responses: {
        200: json(z.record(z.string(), z.unknown()).openapi('InspectionReport'), 'Het rapport.'),
        ...errorResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      requireUser(c);
      const report = vsiReport(c.var.actor, c.req.valid('query').year);
      return c.json(report as unknown as Record<string, unknown>, 200);
    },
  );
}
