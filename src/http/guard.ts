/**
 * Checks at the HTTP edge, before any route reads the request (issue 16 "Bad input gets a clear
 * 400"; "authenticate before reading the body"), so that each route's schema need not repeat them:
 *
 * - an anonymous upload (import, Arrow population) is refused with 401 before its body is read;
 * - a NUL character (U+0000) in the path, a query parameter, a form field or a JSON string is a
 *   400 naming where it is: PostgreSQL text cannot hold it, and no Trede field needs it;
 * - a JSON body nested deeper than MAX_JSON_DEPTH is a 400: no request shape of Trede nests
 *   deeper than a handful of levels, and deep nesting overflows recursive validators.
 */
import type { MiddlewareHandler } from 'hono';
import { UnauthenticatedError, ValidationError } from '../domain/index.ts';
import type { AppEnv } from './env.ts';

/** No request schema nests deeper than ~6; 64 leaves room for free-form `facts` objects. */
export const MAX_JSON_DEPTH = 64;

const NUL_MESSAGE = 'bevat een NUL-teken (\\u0000); dat wordt niet aanvaard';

/** The deepest nesting of objects and arrays in a JSON text, strings skipped; stops past `limit`. */
export function jsonDepth(text: string, limit = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92 /* \ */) i++;
      else if (ch === 34 /* " */) inString = false;
      continue;
    }
    if (ch === 34) inString = true;
    else if (ch === 123 /* { */ || ch === 91 /* [ */) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > limit) return max;
      }
    } else if (ch === 125 || ch === 93) depth--;
  }
  return max;
}

/** The path (dotted) of the first string value or key holding a NUL character, or null. */
export function findNul(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path || '(body)' : null;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const p = findNul(v, path ? `${path}.${i}` : String(i));
      if (p) return p;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const p = path ? `${path}.${k}` : k;
      if (k.includes('\u0000')) return p;
      const found = findNul(v, p);
      if (found) return found;
    }
  }
  return null;
}

const isJson = (type: string | undefined) => !!type && /^application\/([\w.+-]*\+)?json\b/i.test(type);
const isForm = (type: string | undefined) => !!type && /^application\/x-www-form-urlencoded\b/i.test(type);

export function guardInput(options: { uploadPath: RegExp }): MiddlewareHandler<AppEnv> {
  return async function guardInput(c, next) {
    const path = c.req.path;
    const type = c.req.header('content-type');
    const hasBody = !['GET', 'HEAD', 'OPTIONS'].includes(c.req.method);
    // Uploads are the only large bodies; nobody anonymous may send one, so refuse before reading it.
    if (hasBody && !c.var.auth && options.uploadPath.test(path)) {
      // The unread body makes the connection unusable: tell the client to close it.
      c.header('connection', 'close');
      if (!path.startsWith('/api/')) return c.redirect('/aanmelden', 303);
      throw new UnauthenticatedError('Aanmelden is vereist om een bestand op te laden.');
    }
    if (path.includes('\u0000')) throw ValidationError.field('path', `het pad ${NUL_MESSAGE}`);
    const url = new URL(c.req.url);
    for (const [k, v] of url.searchParams) {
      if (k.includes('\u0000') || v.includes('\u0000'))
        throw ValidationError.field(`query.${k.replaceAll('\u0000', '')}`, `de parameter ${NUL_MESSAGE}`);
    }
    if (hasBody && isJson(type)) {
      const text = await c.req.text();
      if (jsonDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH)
        throw ValidationError.field(
          '',
          `de JSON-body is te diep genest (meer dan ${MAX_JSON_DEPTH} niveaus)`,
          'too_deep',
        );
      if (text.includes('\\u0000') || text.includes('\u0000')) {
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          parsed = undefined; // malformed JSON: the route's parser answers 400 malformed_json
        }
        const where = parsed === undefined ? null : findNul(parsed);
        if (where) throw ValidationError.field(where, `het veld ${NUL_MESSAGE}`);
      }
    } else if (hasBody && isForm(type)) {
      const text = await c.req.text();
      if (/%00/i.test(text) || text.includes('\u0000')) {
        for (const [k, v] of new URLSearchParams(text)) {
          if (k.includes('\u0000') || v.includes('\u0000'))
            throw ValidationError.field(k.replaceAll('\u0000', ''), `het veld ${NUL_MESSAGE}`);
        }
      }
    }
    await next();
  };
}
