/** Authorisation kernel: roles, permissions, actors and the policy checks commands and queries use. */
export { type Actor, anonymousActor, type Channel, openDataActor, systemActor } from './actor.ts';
export {
  assertCan,
  assertOrganisationAccess,
  can,
  isOrganisationBound,
  organisationScope,
  rolesCan,
} from './policies.ts';
export { isRole, PERMISSIONS, type Permission, ROLE_LABELS, ROLES, type Role } from './roles.ts';
