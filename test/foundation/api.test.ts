import { validate } from '@readme/openapi-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDb } from '../support/db.ts';
import { kboFor, makeOrganisation, makeUser } from '../support/factories.ts';
import { client, loginClient, startTestServer, type TestServer, testConfig } from '../support/http.ts';

describeEachDb('the HTTP API', ({ db }) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(db(), testConfig({ bodyLimitBytes: 64 * 1024 }));
  });
  afterAll(() => server.close());

  describe('health and documentation', () => {
    it('answers GET /health with 200 while the database is reachable', async () => {
      const res = await client(server.url).get('/health');
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ status: 'ok' });
    });

    it('serves a valid OpenAPI 3.1 document describing its routes', async () => {
      const res = await client(server.url).get('/api/v1/openapi.json');
      expect(res.status).toBe(200);
      const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
      expect(doc.openapi).toBe('3.1.0');
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining(['/organisations', '/organisations/{id}', '/auth/login', '/audit']),
      );
      const result = await validate(structuredClone(doc) as never);
      expect(result).toMatchObject({ valid: true });
    });

    it('renders the API documentation page', async () => {
      const res = await client(server.url).get('/api/docs');
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('swagger-ui');
      expect((await client(server.url).get('/api/docs/swagger-ui-bundle.js')).status).toBe(200);
    });
  });

  describe('authentication', () => {
    it('answers 401 with a JSON error body without credentials', async () => {
      const res = await client(server.url).get('/api/v1/organisations');
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({
        error: { code: 'unauthenticated', message: 'Aanmelden is vereist.' },
      });
    });

    it('refuses a wrong password without saying whether the user exists', async () => {
      const u = await makeUser(db(), ['analist']);
      const wrong = await client(server.url).post('/api/v1/auth/login', {
        username: u.username,
        password: 'x'.repeat(12),
      });
      const unknown = await client(server.url).post('/api/v1/auth/login', {
        username: 'niemand',
        password: 'x'.repeat(12),
      });
      expect(wrong.status).toBe(401);
      expect(await wrong.json()).toEqual(await unknown.json());
    });

    it('accepts a bearer token and refuses it once revoked', async () => {
      const u = await makeUser(db(), ['beheerder']);
      const session = await loginClient(server.url, u.username);
      const created = (await (await session.post('/api/v1/auth/tokens', { name: 'script' })).json()) as {
        id: string;
        token: string;
      };
      expect(created.token).toMatch(/^trd_/);
      const bearer = client(server.url, { bearer: created.token });
      expect((await bearer.get('/api/v1/organisations')).status).toBe(200);
      expect((await session.delete(`/api/v1/auth/tokens/${created.id}`)).status).toBe(204);
      const after = await bearer.get('/api/v1/organisations');
      expect(after.status).toBe(401);
      expect(((await after.json()) as { error: { code: string } }).error.code).toBe('invalid_token');
    });

    it('requires the CSRF token on writes authenticated by the session cookie', async () => {
      const u = await makeUser(db(), ['beheerder']);
      const session = await loginClient(server.url, u.username);
      const res = await session.request(
        'POST',
        '/api/v1/organisations',
        { kbo: kboFor(301), name: 'X', type: 'andere' },
        { 'x-csrf-token': 'wrong' },
      );
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('csrf_failed');
    });

    it('allows only a password change while signed in with a one-time password', async () => {
      const a = await makeUser(db(), ['beheerder']);
      const adminClient = await loginClient(server.url, a.username);
      const created = (await (
        await adminClient.post('/api/v1/users', {
          username: 'nieuweling',
          displayName: 'Nieuw',
          roles: ['analist'],
        })
      ).json()) as {
        oneTimePassword: string;
      };
      const fresh = await loginClient(server.url, 'nieuweling', created.oneTimePassword);
      const blocked = await fresh.get('/api/v1/organisations');
      expect(blocked.status).toBe(403);
      expect(((await blocked.json()) as { error: { code: string } }).error.code).toBe(
        'password_change_required',
      );
      expect(
        (
          await fresh.post('/api/v1/auth/password', {
            currentPassword: created.oneTimePassword,
            newPassword: 'een-eigen-wachtwoord',
          })
        ).status,
      ).toBe(204);
      expect((await fresh.get('/api/v1/organisations')).status).toBe(200);
    });
  });

  describe('validation at the edge', () => {
    it('answers a malformed body with 400 naming each field', async () => {
      const u = await makeUser(db(), ['beheerder']);
      const api = await loginClient(server.url, u.username);
      const res = await api.post('/api/v1/organisations', {
        kbo: '0123.456.748',
        name: '',
        type: 'bakkerij',
      });
      expect(res.status).toBe(400);
      const body = (await res.json()) as {
        error: { code: string; details: { path: string; message: string }[] };
      };
      expect(body.error.code).toBe('validation_failed');
      expect(body.error.details.map((d) => d.path)).toEqual(['kbo', 'name', 'type']);
      expect(body.error.details[0]!.message).toContain('controlegetal');
    });

    it('answers invalid JSON with 400 and an oversized body with 413', async () => {
      const u = await makeUser(db(), ['beheerder']);
      const api = await loginClient(server.url, u.username);
      const bad = await api.request('POST', '/api/v1/organisations', '{"kbo":', {
        'content-type': 'application/json',
      });
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('malformed_json');
      const big = await api.request(
        'POST',
        '/api/v1/organisations',
        JSON.stringify({ name: 'x'.repeat(100_000) }),
        { 'content-type': 'application/json' },
      );
      expect(big.status).toBe(413);
    });

    it('answers a duplicate KBO number with 409', async () => {
      const u = await makeUser(db(), ['dossierbehandelaar']);
      const api = await loginClient(server.url, u.username);
      const body = { kbo: kboFor(4242), name: 'Eerste', type: 'maatwerkbedrijf' };
      expect((await api.post('/api/v1/organisations', body)).status).toBe(201);
      const dup = await api.post('/api/v1/organisations', { ...body, name: 'Tweede' });
      expect(dup.status).toBe(409);
      expect(((await dup.json()) as { error: { code: string } }).error.code).toBe('kbo_exists');
    });
  });

  describe('roles and per-organisation isolation', () => {
    it('lets a werkgever see only its own organisation: 404 on another, filtered listings, 403 on writes', async () => {
      const a = await makeOrganisation(db(), { name: 'Werkgever A' });
      const b = await makeOrganisation(db(), { name: 'Werkgever B' });
      const employer = await makeUser(db(), ['werkgever'], [a.id]);
      const api = await loginClient(server.url, employer.username);

      expect((await api.get(`/api/v1/organisations/${a.id}`)).status).toBe(200);
      const other = await api.get(`/api/v1/organisations/${b.id}`);
      expect(other.status).toBe(404);
      expect(await other.text()).not.toContain('Werkgever B');

      const list = (await (await api.get('/api/v1/organisations?pageSize=500')).json()) as {
        items: { id: string }[];
        total: number;
      };
      expect(list.items.map((o) => o.id)).toEqual([a.id]);
      expect(list.total).toBe(1);

      expect((await api.patch(`/api/v1/organisations/${b.id}`, { name: 'Overgenomen' })).status).toBe(403);
      expect((await api.patch(`/api/v1/organisations/${a.id}`, { name: 'Zelf gewijzigd' })).status).toBe(403);
      expect((await api.get('/api/v1/audit')).status).toBe(403);
      expect((await api.get('/api/v1/users')).status).toBe(403);
    });

    it('lets an analist read but not write, and only a beheerder manage users', async () => {
      const analist = await loginClient(server.url, (await makeUser(db(), ['analist'])).username);
      expect((await analist.get('/api/v1/organisations')).status).toBe(200);
      expect(
        (await analist.post('/api/v1/organisations', { kbo: kboFor(555), name: 'X', type: 'andere' })).status,
      ).toBe(403);
      expect(
        (await analist.post('/api/v1/users', { username: 'x1', displayName: 'X', roles: ['beheerder'] }))
          .status,
      ).toBe(403);
    });

    it('records who changed what in the audit log, readable by a beheerder', async () => {
      const handler = await makeUser(db(), ['dossierbehandelaar']);
      const api = await loginClient(server.url, handler.username);
      const created = (await (
        await api.post('/api/v1/organisations', { kbo: kboFor(777), name: 'Geaudit', type: 'ocmw' })
      ).json()) as { id: string };
      const beheerder = await loginClient(server.url, (await makeUser(db(), ['beheerder'])).username);
      const events = (await (
        await beheerder.get(`/api/v1/audit?entityType=organisation&entityId=${created.id}`)
      ).json()) as {
        actor: string;
        action: string;
        channel: string;
      }[];
      expect(events).toEqual([
        expect.objectContaining({
          actor: handler.username,
          action: 'registry/create-organisation',
          channel: 'api',
        }),
      ]);
    });
  });
});
