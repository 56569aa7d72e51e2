/**
 * Resolves who is asking: a bearer token (scripts) or the session cookie (browser). Anonymous
 * requests get the anonymous actor; routes that need a user call `requireUser`. Unsafe requests
 * authenticated by cookie must carry the session's CSRF token (header or form field).
 */
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { anonymousActor } from '../access/index.ts';
import { ForbiddenError, UnauthenticatedError } from '../domain/index.ts';
import { type Authenticated, authenticateBearer, authenticateSession } from '../users/index.ts';
import type { AppEnv } from './env.ts';

export const SESSION_COOKIE = 'trede_sessie';
export const CSRF_HEADER = 'x-csrf-token';

export function authenticate(): MiddlewareHandler<AppEnv> {
  return async function authenticate(c, next) {
    const { db, config, now } = c.var.deps;
    const at = now?.() ?? new Date();
    let auth: Authenticated | null = null;
    let method: 'session' | 'bearer' | null = null;
    let expired = false;
    const header = c.req.header('authorization');
    if (header) {
      const m = /^Bearer\s+(\S+)$/i.exec(header);
      auth = m ? await authenticateBearer(db, m[1]!, at) : null;
      if (!auth)
        throw new UnauthenticatedError(
          'Het API-token is ongeldig, verlopen of ingetrokken.',
          'invalid_token',
        );
      method = 'bearer';
    } else {
      const token = getCookie(c, SESSION_COOKIE);
      if (token) {
        auth = await authenticateSession(db, token, at, config.session);
        if (auth) method = 'session';
        else {
          expired = true;
          deleteCookie(c, SESSION_COOKIE, { path: '/' });
        }
      }
    }
    const channel = c.req.path.startsWith('/api/') ? 'api' : 'web';
    c.set('auth', auth);
    c.set('authMethod', method);
    c.set('sessionExpired', expired);
    c.set('actor', auth ? { ...auth.actor, channel } : anonymousActor(channel));
    await next();
  };
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Cookie-authenticated writes must prove they come from Trede's own pages. */
export async function checkCsrf(c: Context<AppEnv>, formToken?: string): Promise<void> {
  if (SAFE.has(c.req.method) || c.var.authMethod !== 'session') return;
  const expected = c.var.auth?.csrfToken;
  const given = c.req.header(CSRF_HEADER) ?? formToken;
  if (!expected || given !== expected) {
    throw new ForbiddenError(
      'De aanvraag mist een geldig CSRF-token; laad de pagina opnieuw.',
      'csrf_failed',
    );
  }
}

export function requireUser(c: Context<AppEnv>): Authenticated {
  const auth = c.var.auth;
  if (!auth) throw new UnauthenticatedError();
  return auth;
}

export function setSessionCookie(c: Context<AppEnv>, token: string): void {
  setCookie(c, SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: c.var.deps.config.cookieSecure,
    // The server extends the session on each request; the cookie lives as long as the absolute limit.
    maxAge: c.var.deps.config.session.absoluteHours * 3600,
  });
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}
