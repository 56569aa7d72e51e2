/**
 * Real HTTP for API tests: the app served in-process on a free port, and a small client that keeps
 * the session cookie and sends the CSRF token like the web app does.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll } from 'vitest';
import { createHttpApp, jobService } from '../../src/app/index.ts';
import { type Config, loadConfig } from '../../src/config.ts';
import type { Db } from '../../src/db/client.ts';
import { createTestDb, type TestDb } from './db.ts';
import { TEST_PASSWORD } from './factories.ts';

export interface TestServer {
  url: string;
  close(): Promise<void>;
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({}), port: 0, ...overrides };
}

export async function startTestServer(
  db: Db,
  config: Config = testConfig(),
  now?: () => Date,
): Promise<TestServer> {
  // The server's job worker, polling fast so that tests do not wait for background work.
  const jobs = await jobService(db).start({ pollMs: 50 });
  const app = createHttpApp({ db, config, jobs, ...(now ? { now } : {}) });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await jobs.stop();
    },
  };
}

export interface ApiClient {
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  get(path: string): Promise<Response>;
  post(path: string, body?: unknown): Promise<Response>;
  patch(path: string, body?: unknown): Promise<Response>;
  delete(path: string): Promise<Response>;
}

export function client(
  base: string,
  auth: { cookie?: string; csrf?: string; bearer?: string } = {},
): ApiClient {
  const request = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const h: Record<string, string> = {};
    if (body !== undefined && typeof body !== 'string') h['content-type'] = 'application/json';
    if (auth.cookie) h['cookie'] = auth.cookie;
    if (auth.csrf) h['x-csrf-token'] = auth.csrf;
    if (auth.bearer) h['authorization'] = `Bearer ${auth.bearer}`;
    Object.assign(h, headers);
    return fetch(base + path, {
      method,
      headers: h,
      redirect: 'manual',
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
  };
  return {
    request,
    get: (p) => request('GET', p),
    post: (p, b) => request('POST', p, b),
    patch: (p, b) => request('PATCH', p, b),
    delete: (p) => request('DELETE', p),
  };
}

/** Signs in through the API and returns a client carrying the session cookie and CSRF token. */
export async function loginClient(
  base: string,
  username: string,
  password = TEST_PASSWORD,
): Promise<ApiClient> {
  const res = await client(base).post('/api/v1/auth/login', { username, password });
  if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return client(base, { cookie, csrf: csrfToken });
}

/**
 * A suite-wide server on a fresh PGlite database: started before the suite, closed after it.
 * Returns a getter for the server's base URL.
 */
export function useTestServer(): () => string {
  let t: TestDb;
  let server: TestServer;
  beforeAll(async () => {
    t = await createTestDb('pglite');
    server = await startTestServer(t.db);
  });
  afterAll(async () => {
    await server?.close();
    await t?.drop();
  });
  return () => server.url;
}
