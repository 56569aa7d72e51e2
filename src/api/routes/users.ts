import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { type AppEnv, requireUser, run, runValidated } from '../../http/index.ts';
import {
  createUser,
  getUser,
  listUsers,
  resetPassword,
  updateUser,
  userViewSchema,
} from '../../users/index.ts';
import { errorResponses } from '../errors.ts';
import { getByIdRoute, idParam, json, jsonBody, security } from '../util.ts';

const tags = ['Gebruikers'];

export function registerUserRoutes(api: OpenAPIHono<AppEnv>): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/users',
      tags,
      security,
      summary: 'Alle gebruikers (beheerder).',
      responses: { 200: json(z.array(userViewSchema), 'Gebruikers.'), ...errorResponses(401, 403) },
    }),
    async (c) => {
      requireUser(c);
      return c.json(await listUsers(c.var.deps.db, c.var.actor), 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/users',
      tags,
      security,
      summary: 'Een gebruiker aanmaken; zonder wachtwoord krijgt hij een eenmalig wachtwoord.',
      request: jsonBody(createUser.input),
      responses: {
        201: json(z.object({ user: userViewSchema, oneTimePassword: z.string().nullable() }), 'Aangemaakt.'),
        ...errorResponses(400, 401, 403, 409),
      },
    }),
    async (c) => {
      requireUser(c);
      return c.json(await runValidated(c, createUser, c.req.valid('json')), 201);
    },
  );

  getByIdRoute(
    api,
    {
      path: '/users/{id}',
      tags,
      summary: 'Eén gebruiker.',
      schema: userViewSchema,
      description: 'De gebruiker.',
    },
    async (c, id) => getUser(c.var.deps.db, c.var.actor, id),
  );

  api.openapi(
    createRoute({
      method: 'patch',
      path: '/users/{id}',
      tags,
      security,
      summary: 'Naam, rollen, organisaties of actief-status wijzigen.',
      request: { params: idParam, ...jsonBody(updateUser.input.omit({ id: true })) },
      responses: { 200: json(userViewSchema, 'Gewijzigd.'), ...errorResponses(400, 401, 403, 404, 422) },
    }),
    async (c) => {
      requireUser(c);
      return c.json(
        await runValidated(c, updateUser, { ...c.req.valid('json'), id: c.req.valid('param').id }),
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/users/{id}/reset-password',
      tags,
      security,
      summary: 'Een nieuw eenmalig wachtwoord instellen.',
      request: { params: idParam },
      responses: {
        200: json(z.object({ oneTimePassword: z.string() }), 'Nieuw eenmalig wachtwoord.'),
        ...errorResponses(401, 403, 404),
      },
    }),
    async (c) => {
      requireUser(c);
      return c.json(await run(c, resetPassword, { id: c.req.valid('param').id }), 200);
    },
  );
}
