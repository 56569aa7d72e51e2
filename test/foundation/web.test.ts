import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../support/db.ts';
import { makeOrganisation, makeUser, TEST_PASSWORD } from '../support/factories.ts';
import { startTestServer, type TestServer, testConfig } from '../support/http.ts';

/** A browser-like client over plain HTTP: keeps cookies, follows nothing, reads the CSRF field. */
function browser(base: string) {
  const jar = new Map<string, string>();
  const send = async (method: string, path: string, form?: Record<string, string>) => {
    const res = await fetch(base + path, {
      method,
      redirect: 'manual',
      headers: {
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(form ? { body: new URLSearchParams(form).toString() } : {}),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, v] = pair!.split('=');
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(c)) jar.delete(k!);
      else jar.set(k!, v!);
    }
    return res;
  };
  return {
    get: (path: string) => send('GET', path),
    post: (path: string, form: Record<string, string>) => send('POST', path, form),
    async csrf(path: string) {
      const html = await (await send('GET', path)).text();
      return /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
    },
  };
}

describeEachDb('the web application over HTTP', ({ db }) => {
  let server: TestServer;
  let clock = new Date('2026-11-23T10:00:00Z');
  beforeAll(async () => {
    server = await startTestServer(db(), testConfig(), () => clock);
  });
  afterAll(() => server.close());

  it('ends a session after 30 idle minutes and says so at sign-in', async () => {
    const u = await makeUser(db(), ['analist']);
    const b = browser(server.url);
    const login = await b.post('/aanmelden?terug=%2F', { username: u.username, password: TEST_PASSWORD });
    expect(login.status).toBe(303);
    expect((await b.get('/')).status).toBe(200);
    clock = new Date(clock.getTime() + 29 * 60_000);
    expect((await b.get('/')).status).toBe(200); // activity extends the session
    clock = new Date(clock.getTime() + 31 * 60_000);
    const expired = await b.get('/');
    expect(expired.status).toBe(303);
    expect(expired.headers.get('location')).toBe('/aanmelden?terug=%2F&verlopen=1');
    expect(await (await b.get('/aanmelden?terug=%2F&verlopen=1')).text()).toContain('Uw sessie is verlopen');
  });

  it('refuses a form post without the session CSRF token', async () => {
    const u = await makeUser(db(), ['beheerder']);
    const b = browser(server.url);
    await b.post('/aanmelden', { username: u.username, password: TEST_PASSWORD });
    const res = await b.post('/register/organisaties/nieuw', {
      kbo: '0123.456.749',
      name: 'X',
      type: 'andere',
    });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('CSRF');
  });

  it("shows a werkgever its own organisation and a 404 page for another's", async () => {
    const own = await makeOrganisation(db(), { name: 'Eigen bedrijf' });
    const other = await makeOrganisation(db(), { name: 'Ander bedrijf' });
    const u = await makeUser(db(), ['werkgever'], [own.id]);
    const b = browser(server.url);
    await b.post('/aanmelden', { username: u.username, password: TEST_PASSWORD });
    expect(await (await b.get(`/register/organisaties/${own.id}`)).text()).toContain('Eigen bedrijf');
    const res = await b.get(`/register/organisaties/${other.id}`);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('Ander bedrijf');
    const list = await (await b.get('/register/organisaties')).text();
    expect(list).toContain('Eigen bedrijf');
    expect(list).not.toContain('Ander bedrijf');
    // The start page is "Mijn organisatie" with the own organisation only.
    const home = await (await b.get('/')).text();
    expect(home).toContain('Mijn organisatie');
    expect(home).toContain(`href="/register/organisaties/${own.id}"`);
    expect(home).not.toContain('Ander bedrijf');
  });

  it('sends a user with a one-time password to the password page first', async () => {
    const admin = await makeUser(db(), ['beheerder']);
    const a = browser(server.url);
    await a.post('/aanmelden', { username: admin.username, password: TEST_PASSWORD });
    const token = await a.csrf('/beheer/gebruikers/nieuw');
    const created = await a.post('/beheer/gebruikers/nieuw', {
      _csrf: token,
      username: 'eenmalig',
      displayName: 'Eenmalig',
      roles: 'analist',
      kbos: '',
    });
    expect(created.status).toBe(303);
    const page = await (await a.get(created.headers.get('location')!)).text();
    const oneTime = /Eenmalig wachtwoord: ([A-Za-z0-9-]{23})/.exec(page)?.[1];
    expect(oneTime).toBeDefined();

    const n = browser(server.url);
    const login = await n.post('/aanmelden', { username: 'eenmalig', password: oneTime! });
    expect(login.headers.get('location')).toBe('/wachtwoord');
    expect((await n.get('/register/organisaties')).headers.get('location')).toBe('/wachtwoord');
    const csrf = await n.csrf('/wachtwoord');
    const short = await n.post('/wachtwoord', {
      _csrf: csrf,
      currentPassword: oneTime!,
      newPassword: 'kort',
      repeat: 'kort',
    });
    expect(short.status).toBe(400);
    expect(await short.text()).toContain('minstens 12 tekens');
    const ok = await n.post('/wachtwoord', {
      _csrf: csrf,
      currentPassword: oneTime!,
      newPassword: 'mijn-eigen-wachtwoord',
      repeat: 'mijn-eigen-wachtwoord',
    });
    expect(ok.status).toBe(303);
    expect((await n.get('/register/organisaties')).status).toBe(200);
  });

  it('answers an unknown page with a Dutch 404 page', async () => {
    const res = await browser(server.url).get('/bestaat-niet');
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('Pagina niet gevonden');
  });
});
