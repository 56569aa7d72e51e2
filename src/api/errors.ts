/**
 * The only place where domain errors become HTTP: `{ "error": { "code", "message", "details" } }`
 * with the status of the error's kind. Unknown errors are logged and answered with a bare 500, so
 * internals never leak.
 */
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { type ErrorKind, isDomainError, TooManyAttemptsError } from '../domain/index.ts';
import { classifyFailure, logFailure, RETRY_AFTER_SECONDS } from '../http/index.ts';

export const STATUS_BY_KIND: Record<ErrorKind, ContentfulStatusCode> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
  rate_limited: 429,
};

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

export function errorBody(code: string, message: string, details?: unknown): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

export function toErrorResponse(err: unknown, c: Context): Response {
  if (isDomainError(err)) {
    if (err instanceof TooManyAttemptsError) c.header('retry-after', String(err.retryAfterSeconds));
    return c.json(errorBody(err.code, err.message, err.details), STATUS_BY_KIND[err.kind]);
  }
  if (err instanceof HTTPException) {
    if (err.status === 400 && /json/i.test(err.message)) {
      return c.json(errorBody('malformed_json', 'De body is geen geldige JSON.'), 400);
    }
    return c.json(
      errorBody(`http_${err.status}`, err.message || 'Ongeldige aanvraag.'),
      err.status as ContentfulStatusCode,
    );
  }
  const failure = classifyFailure(err);
  if (failure.kind === 'unavailable')
    return c.json(errorBody('unavailable', failure.message), 503, {
      'retry-after': String(RETRY_AFTER_SECONDS),
    });
  if (failure.kind === 'bad_input') return c.json(errorBody(failure.code, failure.message), 400);
  logFailure(c, err);
  return c.json(errorBody('internal_error', 'Er ging iets mis bij Trede. De fout is gelogd.'), 500);
}

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'validation_failed' }),
      message: z.string().openapi({ example: 'facts.leeftijd: verwacht een getal' }),
      details: z.unknown().optional(),
    }),
  })
  .openapi('Error');

const DESCRIPTIONS: Record<number, string> = {
  400: 'Ongeldige invoer; `details` noemt elk veld (`path`) met de reden.',
  401: 'Niet aangemeld.',
  403: 'Geen toegang voor uw rol.',
  404: 'Bestaat niet of is niet zichtbaar voor u.',
  409: 'Conflict met de huidige toestand (dubbel, verkeerde status).',
  413: 'De body is te groot.',
  503: 'De database is tijdelijk niet bereikbaar; `Retry-After` zegt na hoeveel seconden opnieuw te proberen.',
  422: 'Geldige invoer die een domeinregel schendt.',
  429: 'Te veel pogingen; `Retry-After` zegt na hoeveel seconden het weer kan.',
};

/** The error responses of a route, for the OpenAPI document. */
export function errorResponses(...statuses: number[]) {
  return Object.fromEntries(
    statuses.map((s) => [
      s,
      { description: DESCRIPTIONS[s] ?? 'Fout', content: { 'application/json': { schema: ErrorSchema } } },
    ]),
  );
}
