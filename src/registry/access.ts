/** Who may read which registry data, and the SQL scope of an organisation-bound actor. */
import { type Actor, assertCan, can, organisationScope } from '../access/index.ts';
import { ForbiddenError } from '../domain/index.ts';

/** Persons, placements, indications and wages: identity roles, or analysts (pseudonymised). */
export function assertCanReadRegistry(actor: Actor): void {
  if (!can(actor, 'persons:read-identity') && !can(actor, 'registry:read-pseudonymised'))
    throw new ForbiddenError();
}

/** True when the actor may see INSZ and names; otherwise only the pseudonym. */
export function seesIdentity(actor: Actor): boolean {
  return can(actor, 'persons:read-identity');
}

export { assertCan, organisationScope };

/** Escapes a free-text filter for ILIKE. */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, '\\$&')}%`;
}
