/**
 * Log lines without personal data (issue 16): never the error object itself. PGlite's errors carry
 * the query and its parameters (INSZ, names), and PostgreSQL's `detail` repeats values
 * ("Key (insz)=(…)"); a log line keeps the name, the SQLSTATE, the message with quoted values and
 * long numbers taken out, and the first stack frames.
 */

interface CodedError {
  code?: unknown;
}

/** An INSZ (11 digits, with or without the usual dots and dash) or a KBO-like run of digits. */
const IDENTIFIER = /\b\d{2}[.\s]?\d{2}[.\s]?\d{2}[-\s]?\d{3}[.\s]?\d{2}\b|\b\d{9,}\b/g;

/** The message of an error with every quoted value, parenthesised detail and long number taken out. */
export function scrub(text: string): string {
  return text
    .replace(/"(?:[^"\\]|\\.)*"/g, '"…"')
    .replace(/'(?:[^'\\]|\\.)*'/g, "'…'")
    .replace(/\((?:[^()]*)\)=\((?:[^()]*)\)/g, '(…)=(…)')
    .replace(IDENTIFIER, '…');
}

/** One log line for an unexpected error: no parameters, no detail, no values. */
export function describeForLog(err: unknown): string {
  if (!(err instanceof Error)) return `non-error thrown: ${typeof err}`;
  const code = (err as CodedError).code;
  const frames = (err.stack ?? '')
    .split('\n')
    .slice(1, 6)
    .map((l) => l.trim())
    .join(' | ');
  return `${err.name}${typeof code === 'string' ? ` [${code}]` : ''}: ${scrub(err.message)}${frames ? ` — ${scrub(frames)}` : ''}`;
}
