/**
 * Authorisation checks used by commands and queries (never only by routes: the CLI and the web
 * app reach the same commands).
 */
import { ForbiddenError, NotFoundError } from '../domain/index.ts';
import type { Actor } from './actor.ts';
import { PERMISSIONS, type Permission } from './roles.ts';

export function can(actor: Actor, permission: Permission): boolean {
  return rolesCan(actor.roles, permission);
}

/** Whether any of these roles holds the permission: to vet another user (e.g. an assignee). */
export function rolesCan(roles: readonly string[], permission: Permission): boolean {
  const allowed: readonly string[] = PERMISSIONS[permission];
  return roles.some((r) => allowed.includes(r));
}

export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw new ForbiddenError();
}

/** True when the actor acts only for its own organisations (a werkgever without internal role). */
export function isOrganisationBound(actor: Actor): boolean {
  return actor.roles.every((r) => r === 'werkgever');
}

/**
 * The organisations an actor may see: `null` means all of them; otherwise the list a query must
 * filter on.
 */
export function organisationScope(actor: Actor): readonly string[] | null {
  return isOrganisationBound(actor) ? actor.organisationIds : null;
}

/**
 * Refuses access to one organisation's resource. An organisation-bound actor gets "not found"
 * rather than "forbidden", so that it cannot learn which ids exist.
 */
export function assertOrganisationAccess(
  actor: Actor,
  organisationId: string | null,
  entity = 'Organisatie',
  id = organisationId ?? '',
): void {
  const scope = organisationScope(actor);
  if (scope === null) return;
  if (!organisationId || !scope.includes(organisationId)) throw new NotFoundError(entity, id);
}
