import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { auditEventViewSchema, listAuditEvents } from '../../audit/index.ts';
import type { AppEnv } from '../../http/index.ts';
import { requireUser } from '../../http/index.ts';
import { errorResponses } from '../errors.ts';
import { json, security } from '../util.ts';

export function registerAuditRoutes(api: OpenAPIHono<AppEnv>): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/audit',
      tags: ['Audit'],
      security,
      summary: 'Het auditlogboek, nieuwste eerst (beheerder).',
      request: {
        query: z.object({
          entityType: z.string().max(64).optional(),
          entityId: z.string().max(128).optional(),
          action: z.string().max(128).optional(),
          actor: z.string().max(64).optional(),
          before: z.coerce
            .number()
            .int()
            .positive()
            .optional()
            .openapi({ description: 'Enkel gebeurtenissen met een kleiner id (volgende pagina).' }),
          limit: z.coerce.number().int().min(1).max(500).default(50),
        }),
      },
      responses: {
        200: json(z.array(auditEventViewSchema), 'Gebeurtenissen.'),
        ...errorResponses(400, 401, 403),
      },
    }),
    async (c) => {
      requireUser(c);
      return c.json(await listAuditEvents(c.var.deps.db, c.var.actor, c.req.valid('query')), 200);
    },
  );
}
