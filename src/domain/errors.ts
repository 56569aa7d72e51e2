/**
 * Domain errors: one class hierarchy, a stable snake_case `code` per error and a message a user
 * can act on (Dutch, because it reaches the user). The kind of error (its class) decides the HTTP
 * status, and only the API edge knows that mapping (src/api/errors.ts).
 */

export type ErrorKind =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'unprocessable'
  | 'rate_limited';

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. `facts.leeftijd` or `rows.12.kbo`. */
  path: string;
  message: string;
}

export abstract class DomainError extends Error {
  abstract readonly kind: ErrorKind;
  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Input does not have the required shape; `details` lists every offending field. */
export class ValidationError extends DomainError {
  readonly kind = 'validation';
  constructor(
    readonly issues: FieldIssue[],
    message = ValidationError.summarise(issues),
    code = 'validation_failed',
  ) {
    super(code, message, issues);
  }

  static summarise(issues: FieldIssue[]): string {
    const first = issues[0];
    if (!first) return 'Ongeldige invoer.';
    const head = first.path ? `${first.path}: ${first.message}` : first.message;
    return issues.length === 1 ? head : `${head} (en ${issues.length - 1} andere fout(en))`;
  }

  static field(path: string, message: string, code?: string): ValidationError {
    return new ValidationError([{ path, message }], undefined, code);
  }
}

export class UnauthenticatedError extends DomainError {
  readonly kind = 'unauthenticated';
  constructor(message = 'Aanmelden is vereist.', code = 'unauthenticated') {
    super(code, message);
  }
}

export class ForbiddenError extends DomainError {
  readonly kind = 'forbidden';
  constructor(message = 'U hebt geen toegang tot deze handeling.', code = 'forbidden') {
    super(code, message);
  }
}

export class NotFoundError extends DomainError {
  readonly kind = 'not_found';
  constructor(entity: string, id: string, code = 'not_found') {
    super(code, `${entity} '${id}' bestaat niet of is niet zichtbaar voor u.`, { entity, id });
  }
}

/** The request conflicts with the current state: a duplicate, or a transition from the wrong state. */
export class ConflictError extends DomainError {
  readonly kind = 'conflict';
}

/** Well-formed input that a domain rule refuses (FTE above 1, overlapping placements, …). */
export class RuleViolationError extends DomainError {
  readonly kind = 'unprocessable';
}

/** Too many attempts (sign-in throttling): wait `retryAfterSeconds` before trying again. */
export class TooManyAttemptsError extends DomainError {
  readonly kind = 'rate_limited';
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
    code = 'too_many_attempts',
  ) {
    super(code, message, { retryAfterSeconds });
  }
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}
