import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { type AppEnv, requireUser, run } from '../../http/index.ts';
import {
  createOrganisation,
  getOrganisation,
  listOrganisations,
  ORGANISATION_TYPES,
  type OrganisationType,
  updateOrganisation,
} from '../../registry/index.ts';
import { errorResponses } from '../errors.ts';
import { OrganisationSchema } from '../schemas.ts';
import { idParam, json, jsonBody, pageQuery, pageSchema, security } from '../util.ts';

const tags = ['Register: organisaties'];

export function registerOrganisationRoutes(api: OpenAPIHono<AppEnv>): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/organisations',
      tags,
      security,
      summary: 'Organisaties, gepagineerd; een werkgever ziet enkel de zijne.',
      request: {
        query: z.object({
          ...pageQuery,
          q: z.string().max(200).optional().openapi({ description: 'Zoekt in naam en KBO-nummer.' }),
          type: z
            .enum(Object.keys(ORGANISATION_TYPES) as [OrganisationType, ...OrganisationType[]])
            .optional(),
        }),
      },
      responses: {
        200: json(pageSchema(OrganisationSchema), 'Organisaties.'),
        ...errorResponses(400, 401, 403),
      },
    }),
    async (c) => {
      requireUser(c);
      return c.json(await listOrganisations(c.var.deps.db, c.var.actor, c.req.valid('query')), 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/organisations',
      tags,
      security,
      summary: 'Een organisatie registreren (KBO-nummer met controlegetal).',
      request: jsonBody(createOrganisation.input),
      responses: { 201: json(OrganisationSchema, 'Geregistreerd.'), ...errorResponses(400, 401, 403, 409) },
    }),
    async (c) => {
      requireUser(c);
      return c.json(await run(c, createOrganisation, await c.req.json()), 201);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/organisations/{id}',
      tags,
      security,
      summary: 'Eén organisatie.',
      request: { params: idParam },
      responses: { 200: json(OrganisationSchema, 'De organisatie.'), ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      requireUser(c);
      return c.json(await getOrganisation(c.var.deps.db, c.var.actor, c.req.valid('param').id), 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'patch',
      path: '/organisations/{id}',
      tags,
      security,
      summary: 'Gegevens van een organisatie wijzigen.',
      request: { params: idParam, ...jsonBody(updateOrganisation.input.omit({ id: true })) },
      responses: { 200: json(OrganisationSchema, 'Gewijzigd.'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      requireUser(c);
      return c.json(
        await run(c, updateOrganisation, { ...(await c.req.json()), id: c.req.valid('param').id }),
        200,
      );
    },
  );
}
