/**
 * The Dutch web application: server-rendered pages over the same commands and queries as the API
 * and CLI, with a little progressive-enhancement script. Errors become pages: not signed in →
 * sign-in page (and back afterwards), no access → 403, unknown → 404.
 */
import { readFileSync } from 'node:fs';
import { type Context, Hono } from 'hono';
import { isDomainError } from '../domain/index.ts';
import type { AppEnv } from '../http/index.ts';
import { classifyFailure, isMalformedId, logFailure, RETRY_AFTER_SECONDS } from '../http/index.ts';
import { Layout } from './components/layout.tsx';
import { adminPages } from './pages/admin.tsx';
import { authPages } from './pages/auth.tsx';
import { budgetPages } from './pages/budget.tsx';
import { dossierPages } from './pages/dossiers.tsx';
import { homePages } from './pages/home.tsx';
import { inspectionPages } from './pages/inspection.tsx';
import { monitorPages } from './pages/monitor.tsx';
import { organisationPages } from './pages/organisations.tsx';
import { planPages } from './pages/plans.tsx';
import { registryPages } from './pages/registry.tsx';
import { rulesPages } from './pages/rules.tsx';
import { searchPages } from './pages/search.tsx';
import { settlementPages } from './pages/settlement.tsx';

const STATIC: Record<string, { type: string; body: Buffer }> = Object.fromEntries(
  (
    [
      ['app.css', 'text/css; charset=utf-8'],
      ['app.js', 'text/javascript; charset=utf-8'],
      ['favicon.svg', 'image/svg+xml'],
      ['favicon.ico', 'image/x-icon'],
    ] as const
  ).map(([name, type]) => [name, { type, body: readFileSync(new URL(`./static/${name}`, import.meta.url)) }]),
);

const ALWAYS_ALLOWED = /^\/(wachtwoord|afmelden|static\/)/;

/** The Dutch 404 page; also used by the root app for paths no route matches. */
export function notFoundPage(c: Context<AppEnv>) {
  return c.html(
    <Layout title="Pagina niet gevonden" auth={c.var.auth} path={c.req.path}>
      <p>
        Deze pagina bestaat niet. Ga naar de <a href="/">startpagina</a>.
      </p>
    </Layout>,
    404,
  );
}

export function createWeb(): Hono<AppEnv> {
  const web = new Hono<AppEnv>();

  web.get('/static/:file', (c) => {
    const f = STATIC[c.req.param('file')];
    if (!f) return c.notFound();
    return c.body(new Uint8Array(f.body), 200, {
      'content-type': f.type,
      'cache-control': 'public, max-age=3600',
    });
  });

  // Browsers ask for /favicon.ico by themselves, whatever the page links.
  web.get('/favicon.ico', (c) =>
    c.body(new Uint8Array(STATIC['favicon.ico']!.body), 200, {
      'content-type': 'image/x-icon',
      'cache-control': 'public, max-age=86400',
    }),
  );

  // A one-time password must be replaced before anything else.
  web.use('*', async (c, next) => {
    if (c.var.auth?.user.mustChangePassword && !ALWAYS_ALLOWED.test(c.req.path) && c.req.method === 'GET') {
      return c.redirect('/wachtwoord');
    }
    await next();
  });

  web.route('/', authPages());
  web.route('/', homePages());
  web.route('/regelgeving', rulesPages());
  web.route('/register/organisaties', organisationPages());
  web.route('/dossiers', dossierPages());
  web.route('/register', registryPages());
  web.route('/beheer', adminPages());
  web.route('/monitor', monitorPages());
  web.route('/begroting', budgetPages());
  web.route('/plannen', planPages());
  web.route('/inspectie', inspectionPages());
  web.route('/afrekeningen', settlementPages());
  web.route('/zoeken', searchPages());

  web.notFound(notFoundPage);

  web.onError(webErrorPage);

  return web;
}

/** Errors of web pages as Dutch pages; also used by the root app for web paths (e.g. a database outage). */
export function webErrorPage(err: Error, c: Context<AppEnv>): Response | Promise<Response> {
  if (isDomainError(err)) {
    if (err.kind === 'unauthenticated') {
      const next = c.req.method === 'GET' ? c.req.path + (new URL(c.req.url).search || '') : '/';
      const expired = c.var.sessionExpired ? '&verlopen=1' : '';
      return c.redirect(`/aanmelden?terug=${encodeURIComponent(next)}${expired}`, 303);
    }
    const status =
      err.kind === 'forbidden'
        ? 403
        : err.kind === 'not_found'
          ? 404
          : err.kind === 'rate_limited'
            ? 429
            : 400;
    const title = status === 403 ? 'Geen toegang' : status === 404 ? 'Niet gevonden' : 'Dat lukte niet';
    return c.html(
      <Layout title={title} auth={c.var.auth} path={c.req.path}>
        <p>{err.message}</p>
        <p>
          <a href="/">Naar de startpagina</a>
        </p>
      </Layout>,
      status,
    );
  }
  if (isMalformedId(err)) return notFoundPage(c);
  const failure = classifyFailure(err);
  if (failure.kind === 'unavailable')
    return c.html(
      <Layout title="Even niet beschikbaar" auth={c.var.auth} path={c.req.path}>
        <p>{failure.message}</p>
      </Layout>,
      503,
      { 'retry-after': String(RETRY_AFTER_SECONDS) },
    );
  if (failure.kind === 'bad_input')
    return c.html(
      <Layout title="Dat lukte niet" auth={c.var.auth} path={c.req.path}>
        <p>{failure.message}</p>
      </Layout>,
      400,
    );
  logFailure(c, err);
  return c.html(
    <Layout title="Er ging iets mis" auth={c.var.auth} path={c.req.path}>
      <p>Er ging iets mis bij Trede. De fout is gelogd; probeer het later opnieuw.</p>
    </Layout>,
    500,
  );
}
