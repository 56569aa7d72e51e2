/** Sign in, sign out, change password, own profile with API tokens. */
import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { ROLE_LABELS } from '../../access/index.ts';
import { TooManyAttemptsError, UnauthenticatedError } from '../../domain/index.ts';
import {
  type AppEnv,
  clearSessionCookie,
  clientAddress,
  run,
  SESSION_COOKIE,
  safeLocalPath,
  setSessionCookie,
} from '../../http/index.ts';
import {
  changeOwnPassword,
  createApiToken,
  listApiTokens,
  logout,
  PASSWORD_MIN_LENGTH,
  requestPasswordReset,
  revokeApiToken,
  signIn,
} from '../../users/index.ts';
import { Actions, Csrf, ErrorSummary, Field } from '../components/forms.tsx';
import { Layout } from '../components/layout.tsx';
import { DataTable, Details } from '../components/table.tsx';
import { type FormErrors, flash, formErrors, readForm, requireWebUser, takeFlash, text } from '../context.ts';
import { formatDateTime } from '../format.ts';

/** Only same-site paths are followed after sign-in (no open redirect). */
const safeNext = safeLocalPath;

function LoginPage(p: { username?: string; errors?: FormErrors; next: string; flash?: string | null }) {
  return (
    <Layout title="Aanmelden" auth={null} path="/aanmelden" flash={p.flash ?? null}>
      <form method="post" action={`/aanmelden?terug=${encodeURIComponent(p.next)}`} class="narrow" novalidate>
        <ErrorSummary errors={p.errors} labels={{ username: 'Gebruikersnaam', password: 'Wachtwoord' }} />
        <Field
          name="username"
          label="Gebruikersnaam"
          required
          autocomplete="username"
          value={p.username}
          error={p.errors?.fields['username']}
          width="medium"
        />
        <Field
          name="password"
          label="Wachtwoord"
          type="password"
          required
          autocomplete="current-password"
          error={p.errors?.fields['password']}
          width="medium"
        />
        <Actions>
          <button type="submit">Aanmelden</button>
        </Actions>
      </form>
      <p class="more">
        <a href="/wachtwoord-vergeten">Wachtwoord vergeten?</a>
      </p>
    </Layout>
  );
}

const RESET_EXPLAINED =
  'Trede stuurt geen e-mail. Een beheerder ziet uw aanvraag en bezorgt u een nieuw eenmalig wachtwoord; bij de eerste aanmelding kiest u een eigen wachtwoord.';

function ForgotPage(p: { username?: string; errors?: FormErrors }) {
  return (
    <Layout title="Wachtwoord vergeten" auth={null} path="/wachtwoord-vergeten">
      <p>{RESET_EXPLAINED}</p>
      <form method="post" action="/wachtwoord-vergeten" class="narrow" novalidate>
        <ErrorSummary errors={p.errors} labels={{ username: 'Gebruikersnaam' }} />
        <Field
          name="username"
          label="Gebruikersnaam"
          required
          autocomplete="username"
          value={p.username}
          error={p.errors?.fields['username']}
          width="medium"
        />
        <Actions>
          <button type="submit">Nieuw wachtwoord aanvragen</button>
          <a href="/aanmelden" class="button-secondary">
            Terug naar aanmelden
          </a>
        </Actions>
      </form>
    </Layout>
  );
}

function PasswordPage(p: { c: Parameters<typeof requireWebUser>[0]; errors?: FormErrors; forced: boolean }) {
  const auth = requireWebUser(p.c);
  return (
    <Layout title="Wachtwoord wijzigen" auth={auth} path="/wachtwoord">
      {p.forced && (
        <p class="notice">
          U bent aangemeld met een eenmalig wachtwoord. Kies nu een eigen wachtwoord om verder te gaan.
        </p>
      )}
      <form method="post" action="/wachtwoord" class="narrow" novalidate>
        <Csrf token={auth.csrfToken} />
        <ErrorSummary
          errors={p.errors}
          labels={{
            currentPassword: 'Huidig wachtwoord',
            newPassword: 'Nieuw wachtwoord',
            repeat: 'Herhaling',
          }}
        />
        <Field
          name="currentPassword"
          label="Huidig wachtwoord"
          type="password"
          required
          autocomplete="current-password"
          error={p.errors?.fields['currentPassword']}
          width="medium"
        />
        <Field
          name="newPassword"
          label="Nieuw wachtwoord"
          type="password"
          required
          autocomplete="new-password"
          hint={`Minstens ${PASSWORD_MIN_LENGTH} tekens, niet uw gebruikersnaam en geen veelgebruikt wachtwoord; bv. vier losse woorden.`}
          error={p.errors?.fields['newPassword']}
          width="medium"
        />
        <Field
          name="repeat"
          label="Herhaal het nieuwe wachtwoord"
          type="password"
          required
          autocomplete="new-password"
          error={p.errors?.fields['repeat']}
          width="medium"
        />
        <Actions>
          <button type="submit">Wachtwoord opslaan</button>
        </Actions>
      </form>
    </Layout>
  );
}

export function authPages(): Hono<AppEnv> {
  const web = new Hono<AppEnv>();

  web.get('/aanmelden', (c) => {
    if (c.var.auth) return c.redirect(safeNext(c.req.query('terug')));
    const expired = c.req.query('verlopen')
      ? 'Uw sessie is verlopen na een tijd zonder activiteit. Meld opnieuw aan.'
      : null;
    return c.html(<LoginPage next={safeNext(c.req.query('terug'))} flash={takeFlash(c) ?? expired} />);
  });

  web.post('/aanmelden', async (c) => {
    const next = safeNext(c.req.query('terug'));
    const form = await readForm(c);
    const { db, config, now } = c.var.deps;
    try {
      const r = await signIn(
        db,
        {
          username: text(form, 'username'),
          password: typeof form['password'] === 'string' ? form['password'] : '',
          idleMinutes: config.session.idleMinutes,
        },
        { address: clientAddress(c), channel: 'web', now: now?.() },
      );
      setSessionCookie(c, r.token);
      return c.redirect(r.user.mustChangePassword ? '/wachtwoord' : next, 303);
    } catch (e) {
      const errors: FormErrors =
        e instanceof UnauthenticatedError || e instanceof TooManyAttemptsError
          ? { fields: {}, general: e.message }
          : formErrors(e);
      if (e instanceof TooManyAttemptsError) c.header('retry-after', String(e.retryAfterSeconds));
      return c.html(
        <LoginPage username={text(form, 'username')} errors={errors} next={next} />,
        e instanceof TooManyAttemptsError ? 429 : 400,
      );
    }
  });

  web.get('/wachtwoord-vergeten', (c) => c.html(<ForgotPage />));

  web.post('/wachtwoord-vergeten', async (c) => {
    const form = await readForm(c);
    try {
      await run(c, requestPasswordReset, { username: text(form, 'username') });
    } catch (e) {
      return c.html(<ForgotPage username={text(form, 'username')} errors={formErrors(e)} />, 400);
    }
    // The same answer for a known and an unknown username: the form reveals no accounts.
    flash(c, `Uw aanvraag is genoteerd als de gebruikersnaam bestaat. ${RESET_EXPLAINED}`);
    return c.redirect('/aanmelden', 303);
  });

  web.post('/afmelden', async (c) => {
    await readForm(c);
    const token = getCookie(c, SESSION_COOKIE);
    if (c.var.auth && token) await run(c, logout, { token });
    clearSessionCookie(c);
    flash(c, 'U bent afgemeld.');
    return c.redirect('/aanmelden', 303);
  });

  web.get('/wachtwoord', (c) =>
    c.html(<PasswordPage c={c} forced={requireWebUser(c).user.mustChangePassword} />),
  );

  web.post('/wachtwoord', async (c) => {
    const auth = requireWebUser(c);
    const form = await readForm(c);
    const input = { currentPassword: text(form, 'currentPassword'), newPassword: text(form, 'newPassword') };
    if (input.newPassword !== text(form, 'repeat')) {
      return c.html(
        <PasswordPage
          c={c}
          forced={auth.user.mustChangePassword}
          errors={{ fields: { repeat: 'de twee nieuwe wachtwoorden verschillen' } }}
        />,
        400,
      );
    }
    try {
      await run(c, changeOwnPassword, input);
    } catch (e) {
      return c.html(<PasswordPage c={c} forced={auth.user.mustChangePassword} errors={formErrors(e)} />, 400);
    }
    flash(c, 'Uw wachtwoord is gewijzigd.');
    return c.redirect('/', 303);
  });

  web.get('/profiel', async (c) => {
    const auth = requireWebUser(c);
    const tokens = await listApiTokens(c.var.deps.db, c.var.actor);
    const created = takeFlash(c);
    return c.html(
      <Layout title="Mijn profiel" auth={auth} path="/profiel">
        <Details
          items={[
            ['Naam', auth.user.displayName],
            ['Gebruikersnaam', auth.user.username],
            ['Rollen', auth.user.roles.map((r) => ROLE_LABELS[r]).join(', ')],
          ]}
        />
        <p>
          <a href="/wachtwoord">Wachtwoord wijzigen</a>
        </p>
        <h2>API-tokens</h2>
        {created && (
          <div class="flash" role="status">
            {created}
          </div>
        )}
        <DataTable
          c={c}
          caption="Mijn API-tokens"
          empty="U hebt nog geen API-tokens."
          rows={tokens}
          columns={[
            { key: 'name', label: 'Naam', render: (t) => t.name },
            { key: 'created', label: 'Aangemaakt', render: (t) => formatDateTime(t.createdAt) },
            { key: 'used', label: 'Laatst gebruikt', render: (t) => formatDateTime(t.lastUsedAt) },
            { key: 'expires', label: 'Vervalt', render: (t) => formatDateTime(t.expiresAt) },
            {
              key: 'actions',
              label: 'Status',
              render: (t) =>
                t.revoked ? (
                  'ingetrokken'
                ) : (
                  <form
                    method="post"
                    action={`/profiel/tokens/${t.id}/intrekken`}
                    data-confirm={`Token '${t.name}' intrekken? Scripts die het gebruiken werken dan niet meer.`}
                  >
                    <Csrf token={auth.csrfToken} />
                    <button type="submit" class="button-secondary button-small">
                      Intrekken
                    </button>
                  </form>
                ),
            },
          ]}
        />
        <form method="post" action="/profiel/tokens" class="inline-form">
          <Csrf token={auth.csrfToken} />
          <Field name="name" label="Naam van een nieuw token" required width="medium" />
          <button type="submit">Token maken</button>
        </form>
      </Layout>,
    );
  });

  web.post('/profiel/tokens', async (c) => {
    requireWebUser(c);
    const form = await readForm(c);
    try {
      const t = await run(c, createApiToken, { name: text(form, 'name') });
      flash(c, `Nieuw token '${t.name}': ${t.token} — kopieer het nu, het wordt niet opnieuw getoond.`);
    } catch (e) {
      const errors = formErrors(e);
      flash(c, `Geen token gemaakt: ${errors.general ?? Object.values(errors.fields).join(', ')}`);
    }
    return c.redirect('/profiel', 303);
  });

  web.post('/profiel/tokens/:id/intrekken', async (c) => {
    requireWebUser(c);
    await readForm(c);
    await run(c, revokeApiToken, { id: c.req.param('id') });
    flash(c, 'Het token is ingetrokken.');
    return c.redirect('/profiel', 303);
  });

  return web;
}
