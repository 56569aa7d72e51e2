/**
 * Shared by the hardening suites: a server on each backend with a beheerder (session and API
 * token), and small helpers to send raw requests.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Config } from '../../src/config.ts';
import { type Backend, backends, createTestDb, type TestDb } from '../support/db.ts';
import { makeUser } from '../support/factories.ts';
import {
  type ApiClient,
  client,
  loginClient,
  startTestServer,
  type TestServer,
  testConfig,
} from '../support/http.ts';

export interface Hardened {
  url: string;
  backend: Backend;
  t: TestDb;
  /** Beheerder signed in with a session cookie (and CSRF token). */
  session: ApiClient;
  /** Beheerder with an API token. */
  api: ApiClient;
  token: string;
  anonymous: ApiClient;
}

export { backends };

/** Starts a server on a fresh database of `backend` before the suite; closes both after it. */
export function useHardenedServer(backend: Backend, config: Partial<Config> = {}): () => Hardened {
  let h: Hardened | undefined;
  let server: TestServer | undefined;
  let t: TestDb | undefined;
  beforeAll(async () => {
    t = await createTestDb(backend);
    server = await startTestServer(t.db, testConfig(config));
    const user = await makeUser(t.db, ['beheerder']);
    const session = await loginClient(server.url, user.username);
    const { token } = (await (await session.post('/api/v1/auth/tokens', { name: 'hardening' })).json()) as {
      token: string;
    };
    h = {
      url: server.url,
      backend,
      t,
      session,
      api: client(server.url, { bearer: token }),
      token,
      anonymous: client(server.url),
    };
  });
  afterAll(async () => {
    await server?.close();
    await t?.drop();
  });
  return () => {
    if (!h) throw new Error('server not ready');
    return h;
  };
}

/** Uploads a file as multipart with a bearer token (or anonymously when token is undefined). */
export function upload(
  url: string,
  token: string | undefined,
  path: string,
  fileName: string,
  content: string | Uint8Array,
  type = 'text/csv',
): Promise<Response> {
  const form = new FormData();
  form.append('file', new Blob([content as Uint8Array<ArrayBuffer>], { type }), fileName);
  return fetch(url + path, {
    method: 'POST',
    headers: token ? { authorization: `Bearer ${token}` } : {},
    body: form,
  });
}
