/**
 * Helpers for web route handlers: who is signed in, forms with CSRF protection, field errors,
 * flash messages after a redirect.
 */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { isDomainError, UnauthenticatedError, ValidationError } from '../domain/index.ts';
import type { AppEnv } from '../http/index.ts';
import { checkCsrf } from '../http/index.ts';
import type { Authenticated } from '../users/index.ts';

export type WebContext = Context<AppEnv>;

export function requireWebUser(c: WebContext): Authenticated {
  const auth = c.var.auth;
  if (!auth) throw new UnauthenticatedError();
  return auth;
}

export type FormValues = Record<string, string | string[]>;

/** Reads a submitted form and checks its CSRF token. Repeated fields become arrays. */
export async function readForm(c: WebContext): Promise<FormValues> {
  const body = await c.req.parseBody({ all: true });
  const values: FormValues = {};
  for (const [k, v] of Object.entries(body)) {
    if (Array.isArray(v)) values[k] = v.filter((x): x is string => typeof x === 'string');
    else if (typeof v === 'string') values[k] = v;
  }
  await checkCsrf(c, typeof values['_csrf'] === 'string' ? values['_csrf'] : undefined);
  return values;
}

export function text(values: FormValues, key: string): string {
  const v = values[key];
  return (Array.isArray(v) ? v[0] : v)?.trim() ?? '';
}

export function list(values: FormValues, key: string): string[] {
  const v = values[key];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/** An empty form field means "not given". */
export function optional(values: FormValues, key: string): string | undefined {
  const v = text(values, key);
  return v === '' ? undefined : v;
}

export interface FormErrors {
  /** Messages per field name (the last path segment of the command input). */
  fields: Record<string, string>;
  /** A message not tied to one field (conflict, rule violation). */
  general?: string;
}

/** Turns a command's error into messages next to the form fields; other errors are rethrown. */
export function formErrors(e: unknown): FormErrors {
  if (e instanceof ValidationError) {
    const fields: Record<string, string> = {};
    for (const i of e.issues) fields[i.path || '_'] ??= i.message;
    const general = fields['_'];
    return general ? { fields, general } : { fields };
  }
  if (isDomainError(e) && (e.kind === 'conflict' || e.kind === 'unprocessable'))
    return { fields: {}, general: e.message };
  throw e;
}

const FLASH = 'trede_melding';

export function flash(c: WebContext, message: string): void {
  setCookie(c, FLASH, encodeURIComponent(message), {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    // The flash can carry a new API token: never over plain HTTP when the session cookie is not.
    secure: c.var.deps.config.cookieSecure,
    maxAge: 60,
  });
}

export function takeFlash(c: WebContext): string | null {
  const v = getCookie(c, FLASH);
  if (!v) return null;
  deleteCookie(c, FLASH, { path: '/' });
  return decodeURIComponent(v);
}

/** Builds a URL from the current one with some query parameters changed (paging, sorting, filters). */
export function withQuery(
  c: WebContext,
  changes: Record<string, string | number | undefined | null>,
): string {
  const url = new URL(c.req.url);
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined || v === null || v === '') url.searchParams.delete(k);
    else url.searchParams.set(k, String(v));
  }
  return `${url.pathname}${url.search}`;
}
