export {
  createOrganisation,
  getOrganisation,
  listOrganisations,
  ORGANISATION_COMMANDS,
  ORGANISATION_TYPES,
  type OrganisationFilter,
  type OrganisationType,
  type OrganisationView,
  organisationIdsByKbo,
  organisationsById,
  presentOrganisation,
  updateOrganisation,
} from './organisations.ts';

import { ORGANISATION_COMMANDS } from './organisations.ts';

export const REGISTRY_COMMANDS = [...ORGANISATION_COMMANDS];
