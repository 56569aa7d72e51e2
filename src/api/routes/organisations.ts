import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { type AppEnv, requireUser, runValidated } from '../../http/index.ts';
import {
  createOrganisation,
  getOrganisation,
  listOrganisations,
  ORGANISATION_TYPES,
  type OrganisationType,
  organisationViewSchema,
  updateOrganisation,
} from '../../registry/index.ts';
import { errorResponses } from '../errors.ts';
import { getByIdRoute, idParam, json, jsonBody, pageQuery, pageSchema, security } from '../util.ts';

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
        200: json(pageSchema(organisationViewSchema), 'Organisaties.'),
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
      responses: {
        201: json(organisationViewSchema, 'Geregistreerd.'),
        ...errorResponses(400, 401, 403, 409),
      },
    }),
    async (c) => {
      requireUser(c);
      return c.json(await runValidated(c, createOrganisation, c.req.valid('json')), 201);
    },
  );

  getByIdRoute(
    api,
    {
      path: '/organisations/{id}',
      tags,
      summary: 'Eén organisatie.',
      schema: organisationViewSchema,
      description: 'De organisatie.',
    },
    async (c, id) => getOrganisation(c.var.deps.db, c.var.actor, id),
  );

  api.openapi(
    createRoute({
      method: 'patch',
      path: '/organisations/{id}',
      tags,
      security,
      summary: 'Gegevens van een organisatie wijzigen.',
      request: { params: idParam, ...jsonBody(updateOrganisation.input.omit({ id: true })) },
      responses: { 200: json(organisationViewSchema, 'Gewijzigd.'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      requireUser(c);
      return c.json(
        await runValidated(c, updateOrganisation, { ...c.req.valid('json'), id: c.req.valid('param').id }),
        200,
      );
    },
  );
}
