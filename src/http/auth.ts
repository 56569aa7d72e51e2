/**
 * Resolves who is asking: a bearer token (scripts) or the session cookie (browser). Anonymous
 * requests get the anonymous actor; routes that need a user call `requireUser`. Unsafe requests
 * authenticated by cookie must carry the session's CSRF token (header or form field).
 */
import { getConnInfo } from '@hono/node-server/conninfo';
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
    if (auth?.user.mustChangePassword && !FORCED_CHANGE_ALLOWED.test(c.req.path)) {
      // After a one-time password nothing else is possible until the user chose a password.
      if (channel === 'web') return c.redirect('/wachtwoord', 303);
      throw new ForbiddenError(
        'U bent aangemeld met een eenmalig wachtwoord. Kies eerst een eigen wachtwoord (POST /api/v1/auth/password).',
        'password_change_required',
      );
    }
    await next();
  };
}

/** What a user with a one-time password may still do: change it, see who they are, sign out. */
const FORCED_CHANGE_ALLOWED =
  /^(\/wachtwoord|\/afmelden|\/static\/.*|\/api\/v1\/auth\/(password|logout|me))$/;

/** The client's address as the socket sees it (no proxy header is trusted); null in-process. */
export function clientAddress(c: Context<AppEnv>): string | null {
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null;
  }
}

/**
 * Only a local path is followed after sign-in: one `/` and then not `/` or `\` (browsers read
 * `/\evil.example` as `//evil.example`), and no control characters or spaces that browsers drop.
 */
export function safeLocalPath(next: string | undefined | null): string {
  if (!next || !/^\/(?![/\\])/.test(next)) return '/';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it refuses
  if (/[\\\u0000-\u0020\u007f]/.test(next)) return '/';
  return next;
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
