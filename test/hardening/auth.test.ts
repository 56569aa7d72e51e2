/**
 * Issue 16, authentication: throttling, audited failures, password policy, revocation, the
 * forced change after a one-time password, no open redirect, a Secure flash cookie. Over real
 * HTTP on each backend.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { execute } from '../../src/commands/index.ts';
import { resetPassword } from '../../src/users/index.ts';
import { describeEachDb } from '../support/db.ts';
import { admin, makeUser, TEST_PASSWORD } from '../support/factories.ts';
import {
  type ApiClient,
  client,
  loginClient,
  startTestServer,
  type TestServer,
  testConfig,
} from '../support/http.ts';

type Json = Record<string, unknown>;
const errorOf = async (r: Response) =>
  ((await r.json()) as { error: { code: string; message: string } }).error;

describeEachDb('hardening: authentication', ({ db }) => {
  let server: TestServer;
  let beheerder: ApiClient;
  beforeAll(async () => {
    server = await startTestServer(db());
    const u = await makeUser(db(), ['beheerder']);
    beheerder = await loginClient(server.url, u.username);
  });
  afterAll(() => server.close());

  const login = (username: string, password: string) =>
    client(server.url).post('/api/v1/auth/login', { username, password });

  const audit = async (action: string) =>
    (await (await beheerder.get(`/api/v1/audit?action=${encodeURIComponent(action)}`)).json()) as {
      items?: Json[];
    } & Json[] as unknown as { items: Json[] } | Json[];
  const auditItems = async (action: string): Promise<Json[]> => {
    const r = await audit(action);
    return Array.isArray(r) ? r : r.items;
  };

  it('throttles an account after 5 failed sign-ins, with the wait in Dutch, and audits each failure', async () => {
    const u = await makeUser(db(), ['analist']);
    // LOGIN_THROTTLE.account: 5 attempts per 15 minutes, then 15 minutes locked.
    for (let i = 0; i < 5; i++) expect((await login(u.username, 'fout-wachtwoord-123')).status).toBe(401);
    const locked = await login(u.username, TEST_PASSWORD);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBe(15 * 60);
    const e = await errorOf(locked);
    expect(e.code).toBe('too_many_attempts');
    expect(e.message).toBe(
      'Te veel mislukte aanmeldpogingen voor dit account. Wacht 15 minuten en probeer het dan opnieuw.',
    );
    const failed = (await auditItems('auth/login-failed')).filter(
      (a) => (a['data'] as Json)['username'] === u.username,
    );
    expect(failed).toHaveLength(5);
    expect(failed[0]).toMatchObject({ entityType: 'user', entityId: u.id });
    expect((failed[0]!['data'] as Json)['reason']).toBe('invalid_credentials');
    const refused = (await auditItems('auth/login-refused')).filter(
      (a) => (a['data'] as Json)['username'] === u.username,
    );
    expect(refused).toHaveLength(1);
  });

  it('throttles an address after 30 failed sign-ins on any accounts', async () => {
    // LOGIN_THROTTLE.address: 30 attempts per 15 minutes. Distinct unknown usernames, so that no
    // account limit is reached first; the earlier test's 6 attempts count on the address too.
    const before = (await auditItems('auth/login-failed')).length;
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await login(`onbekend${i}`, 'fout-wachtwoord-123')).status);
    const refused = statuses.filter((s) => s === 429).length;
    expect(statuses.filter((s) => s === 401).length + refused).toBe(30);
    expect(refused).toBeGreaterThan(0);
    const last = await login('nog-een-onbekende', 'fout-wachtwoord-123');
    expect(last.status).toBe(429);
    expect((await errorOf(last)).message).toMatch(
      /^Te veel mislukte aanmeldpogingen vanaf uw adres\. Wacht \d+ minuten/,
    );
    expect((await auditItems('auth/login-failed')).length - before).toBe(30 - refused);
  });
});

describeEachDb('hardening: passwords and credentials', ({ db }) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(db());
  });
  afterAll(() => server.close());

  it('refuses a common or username-based new password', async () => {
    const u = await makeUser(db(), ['analist'], [], 'jan.peeters');
    const c = await loginClient(server.url, u.username);
    for (const [newPassword, message] of [
      ['password1234', 'dit wachtwoord staat op de lijsten van veelgebruikte wachtwoorden; kies een ander'],
      ['jan.peeters-2026', 'het wachtwoord mag uw gebruikersnaam niet bevatten'],
      ['qwertyuiop123', 'dit wachtwoord staat op de lijsten van veelgebruikte wachtwoorden; kies een ander'],
    ] as const) {
      const r = await c.post('/api/v1/auth/password', { currentPassword: TEST_PASSWORD, newPassword });
      expect(r.status, newPassword).toBe(400);
      expect(await r.text()).toContain(message);
    }
    expect(
      (
        await c.post('/api/v1/auth/password', {
          currentPassword: TEST_PASSWORD,
          newPassword: 'paars-fietsrek-onder-de-brug',
        })
      ).status,
    ).toBe(204);
  });

  it('a password change ends the other sessions and revokes API tokens; bearer logout revokes its token', async () => {
    const u = await makeUser(db(), ['analist']);
    const here = await loginClient(server.url, u.username);
    const elsewhere = await loginClient(server.url, u.username);
    const { token } = (await (await here.post('/api/v1/auth/tokens', { name: 'script' })).json()) as {
      token: string;
    };
    const bearer = client(server.url, { bearer: token });
    expect((await bearer.get('/api/v1/auth/me')).status).toBe(200);
    const changed = await here.post('/api/v1/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'groene-kast-vol-boeken',
    });
    expect(changed.status).toBe(204);
    expect((await here.get('/api/v1/auth/me')).status).toBe(200);
    expect((await elsewhere.get('/api/v1/auth/me')).status).toBe(401);
    expect((await bearer.get('/api/v1/auth/me')).status).toBe(401);

    const { token: second } = (await (await here.post('/api/v1/auth/tokens', { name: 'tweede' })).json()) as {
      token: string;
    };
    const b2 = client(server.url, { bearer: second });
    expect((await b2.post('/api/v1/auth/logout')).status).toBe(204);
    expect((await b2.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('a reset revokes every session and API token of the user', async () => {
    const u = await makeUser(db(), ['analist']);
    const s = await loginClient(server.url, u.username);
    const { token } = (await (await s.post('/api/v1/auth/tokens', { name: 'script' })).json()) as {
      token: string;
    };
    await execute(db(), resetPassword, admin, { id: u.id });
    expect((await s.get('/api/v1/auth/me')).status).toBe(401);
    expect((await client(server.url, { bearer: token }).get('/api/v1/auth/me')).status).toBe(401);
  });

  it('after a one-time password only the change is possible, on the API and the web', async () => {
    const u = await makeUser(db(), ['beheerder']);
    const { oneTimePassword } = await execute(db(), resetPassword, admin, { id: u.id });
    const c = await loginClient(server.url, u.username, oneTimePassword);
    const api = await c.get('/api/v1/organisations');
    expect(api.status).toBe(403);
    expect((await errorOf(api)).code).toBe('password_change_required');
    expect((await c.post('/api/v1/auth/tokens', { name: 'omweg' })).status).toBe(403);
    expect((await c.get('/api/v1/auth/me')).status).toBe(200);
    // Web: every page and every form post lead to the password page.
    const page = await c.get('/dossiers');
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/wachtwoord');
    const post = await c.request('POST', '/profiel/tokens', 'name=omweg', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(post.status).toBe(303);
    expect(post.headers.get('location')).toBe('/wachtwoord');
    expect(
      (
        await c.post('/api/v1/auth/password', {
          currentPassword: oneTimePassword!,
          newPassword: 'zeven-rode-appels-op-tafel',
        })
      ).status,
    ).toBe(204);
    expect((await c.get('/api/v1/organisations')).status).toBe(200);
  });

  it('follows only a local path after sign-in (no open redirect)', async () => {
    const u = await makeUser(db(), ['analist']);
    const signIn = (terug: string) =>
      fetch(`${server.url}/aanmelden?terug=${encodeURIComponent(terug)}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ username: u.username, password: TEST_PASSWORD }).toString(),
      });
    for (const evil of ['/\\evil.example', '//evil.example', 'https://evil.example', '/\t/evil.example']) {
      const r = await signIn(evil);
      expect(r.status, evil).toBe(303);
      expect(r.headers.get('location'), evil).toBe('/');
    }
    expect((await signIn('/dossiers?pagina=2')).headers.get('location')).toBe('/dossiers?pagina=2');
  });
});

describeEachDb('hardening: Secure cookies', ({ db }) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(db(), testConfig({ cookieSecure: true }));
  });
  afterAll(() => server.close());

  it('sets the token flash cookie Secure when the session cookie is', async () => {
    const u = await makeUser(db(), ['analist']);
    const res = await loginAndCreateToken(server.url, u.username);
    const flash = res.find((h) => h.startsWith('trede_melding='));
    expect(flash).toBeDefined();
    expect(flash).toMatch(/;\s*Secure/i);
  });
});

async function loginAndCreateToken(base: string, username: string): Promise<string[]> {
  const r = await client(base).post('/api/v1/auth/login', { username, password: TEST_PASSWORD });
  const cookie = r.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await r.json()) as { csrfToken: string };
  const res = await fetch(`${base}/profiel/tokens`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ name: 'script', _csrf: csrfToken }).toString(),
  });
  expect(res.status).toBe(303);
  return res.headers.getSetCookie();
}
