export { assertCanReadRegistry, seesIdentity } from './access.ts';
export {
  countPlacementsOfYear,
  type MeasureCounts,
  type PlacementCountsQuery,
  placementNisCodes,
  placementYears,
  registryVersion,
} from './counts.ts';
export { listPlacementFacts, type PlacementFact } from './facts.ts';
export {
  formatFromName,
  formatIssue,
  IMPORT_COLUMNS,
  IMPORT_KINDS,
  type ImportFormat,
  type ImportIssue,
  type ImportKind,
  type ImportRecord,
  ImportRejectedError,
  type ImportReport,
  importRegistry,
  recordsOf,
} from './import.ts';
export { csvDataLines, importJobInput, registryImportJob } from './import-job.ts';
export {
  addIndication,
  type IndicationView,
  listIndications,
  TICKET_TYPES,
  type TicketType,
} from './indications.ts';
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
  organisationNameSql,
  organisationsById,
  presentOrganisation,
  updateOrganisation,
} from './organisations.ts';
export {
  createPerson,
  existingPersonIds,
  getPerson,
  listPersons,
  type PersonView,
  pseudonymFor,
  pseudonymsById,
} from './persons.ts';
export {
  createPlacement,
  endPlacement,
  getPlacement,
  listPlacements,
  listWageQuarters,
  type PlacementView,
  recordWageQuarter,
  type WageQuarterView,
} from './placements.ts';
export {
  addRecognition,
  type ContingentView,
  LINK_KINDS,
  linkOrganisations,
  listContingents,
  listOrganisationLinks,
  listRecognitions,
  type OrganisationLinkView,
  type RecognitionView,
  setContingent,
} from './recognitions.ts';

import { IMPORT_COMMANDS } from './import.ts';
import { INDICATION_COMMANDS } from './indications.ts';
import { ORGANISATION_COMMANDS } from './organisations.ts';
import { setPersonBankAccount as setPersonBank } from './person-bank-account.ts';
import { PERSON_COMMANDS } from './persons.ts';
import { PLACEMENT_COMMANDS } from './placements.ts';
import { RECOGNITION_COMMANDS } from './recognitions.ts';

export const REGISTRY_COMMANDS = [
  ...ORGANISATION_COMMANDS,
  ...RECOGNITION_COMMANDS,
  ...PERSON_COMMANDS,
  ...INDICATION_COMMANDS,
  ...PLACEMENT_COMMANDS,
  ...IMPORT_COMMANDS,
  setPersonBank,
];
export {
  type BankAccount,
  bankAccountsByKbo,
  bicSchema,
  formatIban,
  ibanProblem,
  ibanSchema,
  normaliseBic,
  normaliseIban,
} from './bank-account.ts';
export {
  type PersonBankAccount,
  personBankAccountsByPseudonym,
  setPersonBankAccount,
} from './person-bank-account.ts';
export {
  type ContingentFact,
  listContingentFacts,
  listWorkerMonths,
  type WorkerMonthFact,
} from './settlement-facts.ts';
export {
  contingentViewSchema,
  importReportSchema,
  indicationViewSchema,
  organisationLinkViewSchema,
  organisationViewSchema,
  personViewSchema,
  placementViewSchema,
  recognitionViewSchema,
  wageQuarterViewSchema,
} from './views.ts';
