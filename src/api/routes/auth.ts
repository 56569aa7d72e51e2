import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { getCookie } from 'hono/cookie';
import {
  type AppEnv,
  clearSessionCookie,
  clientAddress,
  requireUser,
  run,
  SESSION_COOKIE,
  setSessionCookie,
} from '../../http/index.ts';
import {
  changeOwnPassword,
  createApiToken,
  listApiTokens,
  logout,
  revokeApiToken,
  signIn,
  TOKEN_PREFIX,
  userViewSchema,
} from '../../users/index.ts';
import { errorResponses } from '../errors.ts';
import { idParam, json, jsonBody, security } from '../util.ts';

const SessionSchema = z
  .object({ user: userViewSchema, csrfToken: z.string(), expiresAt: z.string() })
  .openapi('Session');
const TokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    expiresAt: z.string().nullable(),
    revoked: z.boolean(),
  })
  .openapi('ApiToken');

export function registerAuthRoutes(api: OpenAPIHono<AppEnv>): void {
  api.openapi(
    createRoute({
      method: 'post',
      path: '/auth/login',
      tags: ['Aanmelden'],
      summary: 'Aanmelden met gebruikersnaam en wachtwoord (zet een sessiecookie).',
      request: jsonBody(z.object({ username: z.string(), password: z.string() })),
      responses: { 200: json(SessionSchema, 'Aangemeld.'), ...errorResponses(400, 401, 429) },
    }),
    async (c) => {
      const { db, config, now } = c.var.deps;
      const r = await signIn(
        db,
        { ...(await c.req.json()), idleMinutes: config.session.idleMinutes },
        { address: clientAddress(c), channel: 'api', now: now?.() },
      );
      setSessionCookie(c, r.token);
      return c.json({ user: r.user, csrfToken: r.csrfToken, expiresAt: r.expiresAt }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/auth/logout',
      tags: ['Aanmelden'],
      summary: 'Afmelden: beëindigt de sessie, of trekt het gebruikte API-token (bearer) in.',
      security,
      responses: { 204: { description: 'Afgemeld.' }, ...errorResponses(401) },
    }),
    async (c) => {
      requireUser(c);
      const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
      const token =
        c.var.authMethod === 'bearer' && bearer?.startsWith(TOKEN_PREFIX)
          ? bearer
          : getCookie(c, SESSION_COOKIE);
      if (token) await run(c, logout, { token });
      clearSessionCookie(c);
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/auth/me',
      tags: ['Aanmelden'],
      summary: 'De aangemelde gebruiker.',
      security,
      responses: { 200: json(userViewSchema, 'De gebruiker.'), ...errorResponses(401) },
    }),
    (c) => c.json(requireUser(c).user, 200),
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/auth/password',
      tags: ['Aanmelden'],
      summary: 'Het eigen wachtwoord wijzigen.',
      security,
      request: jsonBody(changeOwnPassword.input),
      responses: { 204: { description: 'Gewijzigd.' }, ...errorResponses(400, 401) },
    }),
    async (c) => {
      requireUser(c);
      await run(c, changeOwnPassword, await c.req.json());
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/auth/tokens',
      tags: ['Aanmelden'],
      summary: 'Mijn API-tokens (zonder de tokens zelf).',
      security,
      responses: { 200: json(z.array(TokenSchema), 'De tokens.'), ...errorResponses(401) },
    }),
    async (c) => {
      requireUser(c);
      return c.json(await listApiTokens(c.var.deps.db, c.var.actor), 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/auth/tokens',
      tags: ['Aanmelden'],
      summary: 'Een API-token maken; het token staat enkel in dit antwoord.',
      security,
      request: jsonBody(createApiToken.input),
      responses: {
        201: json(
          z.object({ id: z.string(), name: z.string(), token: z.string(), expiresAt: z.string().nullable() }),
          'Aangemaakt.',
        ),
        ...errorResponses(400, 401),
      },
    }),
    async (c) => {
      requireUser(c);
      return c.json(await run(c, createApiToken, await c.req.json()), 201);
    },
  );

  api.openapi(
    createRoute({
      method: 'delete',
      path: '/auth/tokens/{id}',
      tags: ['Aanmelden'],
      summary: 'Een API-token intrekken.',
      security,
      request: { params: idParam },
      responses: { 204: { description: 'Ingetrokken.' }, ...errorResponses(401, 404) },
    }),
    async (c) => {
      requireUser(c);
      await run(c, revokeApiToken, { id: c.req.valid('param').id });
      return c.body(null, 204);
    },
  );
}
