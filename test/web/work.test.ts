/**
 * Issue 17, the work of the people who use Trede daily, over real HTTP: a password reset asked on
 * the sign-in page and answered by a beheerder, what changed since the last visit on the start page,
 * search across Trede from the top bar, a readable audit log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../src/audit/index.ts';
import { describeEachDb } from '../support/db.ts';
import { admin, makeUser } from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/http.ts';
import { visibleText, webSession } from '../support/web-session.ts';

describeEachDb('the daily work in the web app', ({ db }) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(db());
  });
  afterAll(() => server.close());

  describe('password reset', () => {
    it('records a request from the sign-in page, shows it to a beheerder and closes it with a one-time password', async () => {
      const forgetful = await makeUser(db(), ['dossierbehandelaar']);
      const login = visibleText(await (await fetch(`${server.url}/aanmelden`)).text());
      expect(login).toContain('Wachtwoord vergeten?');
      const form = visibleText(await (await fetch(`${server.url}/wachtwoord-vergeten`)).text());
      expect(form).toContain('Trede stuurt geen e-mail');

      const ask = (username: string) =>
        fetch(`${server.url}/wachtwoord-vergeten`, {
          method: 'POST',
          redirect: 'manual',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ username }).toString(),
        });
      const known = await ask(forgetful.username);
      const unknown = await ask('bestaat-niet');
      // The same answer either way: the form reveals no accounts.
      expect(known.status).toBe(303);
      expect(unknown.status).toBe(303);
      expect(known.headers.get('location')).toBe('/aanmelden');
      expect(decodeURIComponent(decodeURIComponent(known.headers.get('set-cookie') ?? ''))).toContain(
        'Trede stuurt geen e-mail',
      );
      expect(known.headers.get('set-cookie')?.split(';')[0]).toBe(
        unknown.headers.get('set-cookie')?.split(';')[0],
      );
      // Asking twice keeps one open request.
      await ask(forgetful.username);

      const boss = await makeUser(db(), ['beheerder']);
      const s = await webSession(server.url, boss.username);
      const users = visibleText(await (await s.get('/beheer/gebruikers')).text());
      expect(users).toContain('Aanvragen om een nieuw wachtwoord');
      expect(users.split(`${forgetful.displayName} (${forgetful.username})`).length - 1).toBe(1);

      const reset = await s.post(
        `/beheer/gebruikers/${forgetful.id}`,
        `/beheer/gebruikers/${forgetful.id}/wachtwoord`,
        {},
      );
      expect(reset.status).toBe(303);
      const after = visibleText(await (await s.get('/beheer/gebruikers')).text());
      expect(after).not.toContain(`${forgetful.displayName} (${forgetful.username})`);

      const events = await listAuditEvents(db(), admin, { entityType: 'user', entityId: forgetful.id });
      expect(events.map((e) => e.action)).toEqual([
        'users/reset-password',
        'users/request-password-reset',
        'users/request-password-reset',
        'users/create',
      ]);
      expect(events[0]?.data).toMatchObject({ requestsClosed: 1 });
      expect(events.slice(1, 3).map((e) => e.data['recorded'])).toEqual([false, true]);
    });
  });
});
