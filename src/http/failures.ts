/**
 * What the HTTP edge does with an error that is not a domain error, shared by the API and the web
 * app (issue 16):
 *
 * - the database is unreachable or closed → 503 with `Retry-After`, as `/health` does;
 * - the database refused a value the user sent (SQLSTATE class 22 "data exception": a NUL
 *   character, a number out of range, text for a number, a malformed id) → 400;
 * - a stack overflow (input nested too deep) → 400;
 * - anything else → 500, logged.
 *
 * And how it is logged: never the error object itself. PGlite's errors carry the query and its
 * parameters (INSZ, names), and PostgreSQL's `detail` repeats values ("Key (insz)=(…)"); the log
 * line keeps the SQLSTATE, the message with quoted values and identifiers taken out, and the
 * first stack frames.
 */
import type { Context } from 'hono';
import { describeForLog } from '../domain/index.ts';
import { ServiceBusyError } from './limit.ts';

export { describeForLog, scrub } from '../domain/index.ts';

/** Seconds a client should wait before retrying while the database is unavailable. */
export const RETRY_AFTER_SECONDS = 5;

export type Failure =
  | { kind: 'unavailable'; message: string }
  | { kind: 'bad_input'; code: string; message: string }
  | { kind: 'internal' };

interface DbLikeError {
  code?: unknown;
  message?: unknown;
  errno?: unknown;
}

const UNAVAILABLE_MESSAGES =
  /PGlite is closed|Cannot use a pool after calling end|Connection terminated|connect ECONNREFUSED|Client has encountered a connection error|timeout exceeded when trying to connect|the database system is (starting up|shutting down)/i;
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND']);

/** SQLSTATE classes: 08 connection exception, 57P0x operator intervention, 53 insufficient resources. */
function isUnavailableCode(code: string): boolean {
  return code.startsWith('08') || /^57P0[1-4]$/.test(code) || code === '53300' || UNAVAILABLE_CODES.has(code);
}

const BAD_INPUT_MESSAGES: Record<string, string> = {
  '22021': 'Een tekstveld bevat een ongeldig teken (bv. een NUL-teken \\u0000); dat wordt niet aanvaard.',
  '22P05': 'Een tekstveld bevat een NUL-teken (\\u0000); dat wordt niet aanvaard.',
  '22003': 'Een getal is te groot of te klein voor het register.',
  '22P02':
    'Een waarde heeft niet de verwachte vorm (bv. een id die geen UUID is, of tekst waar een getal hoort).',
  '22007': 'Een datum of tijdstip heeft niet de vorm JJJJ-MM-DD.',
  '22008': 'Een datum of tijdstip bestaat niet of valt buiten het bereik.',
  '22001': 'Een tekst is te lang.',
};

export function classifyFailure(err: unknown): Failure {
  if (err instanceof RangeError && /call stack/i.test(err.message))
    return {
      kind: 'bad_input',
      code: 'too_deep',
      message: 'De invoer is te diep genest om te verwerken.',
    };
  if (err instanceof ServiceBusyError) return { kind: 'unavailable', message: err.message };
  if (err && typeof err === 'object') {
    const e = err as DbLikeError;
    const code = typeof e.code === 'string' ? e.code : '';
    const message = typeof e.message === 'string' ? e.message : '';
    if ((code && isUnavailableCode(code)) || UNAVAILABLE_MESSAGES.test(message))
      return {
        kind: 'unavailable',
        message: 'De database is tijdelijk niet bereikbaar; probeer het zo opnieuw.',
      };
    if (/^22[0-9A-Z]{3}$/.test(code))
      return {
        kind: 'bad_input',
        code: 'invalid_value',
        message: BAD_INPUT_MESSAGES[code] ?? 'Een waarde wordt door het register niet aanvaard.',
      };
  }
  return { kind: 'internal' };
}

/** Is this a malformed id (not a UUID) refused by the database? The web app answers 404 then. */
export function isMalformedId(err: unknown): boolean {
  const e = err as DbLikeError | null;
  return !!e && e.code === '22P02' && typeof e.message === 'string' && /uuid/i.test(e.message);
}

/** Logs an unexpected error of a request, scrubbed. */
export function logFailure(c: Context, err: unknown): void {
  console.error(`[${new Date().toISOString()}] ${c.req.method} ${c.req.path}: ${describeForLog(err)}`);
}
