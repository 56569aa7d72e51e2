/** Dossiers: applications for measures, their states and timeline, and lead times against the norms. */
export {
  applyForMeasure,
  DOSSIER_COMMANDS,
  type DossierDetail,
  type DossierEventView,
  type DossierFilter,
  type DossierView,
  type Eligibility,
  getDossier,
  listDossiers,
  measureOptions,
  type NextAction,
  nextActionsFor,
  OPEN_STATES,
  TRANSITION_COMMANDS,
  transitionCommandFor,
  transitionInput,
  workQueue,
} from './dossiers.ts';
export { type GrantedDossier, listGrantedDossiers } from './granted.ts';
export {
  brusselsDate,
  COLOUR_LABELS,
  type Colour,
  colourFor,
  easterSunday,
  isWorkingDay,
  type LeadTimeReport,
  leadTimeReport,
  type NormConflict,
  type NormResult,
  norms,
  nthWorkingDayOfMonth,
  publicHolidays,
  withinLimit,
  workingDaysBetween,
} from './leadtimes.ts';
export { noteRecoveryProposal, type RecoveryNotice } from './recovery-notice.ts';
export {
  ACTION_NAMES,
  ACTIONS,
  type DossierAction,
  type DossierState,
  PAYMENT_KINDS,
  STATE_LABELS,
  STATES,
} from './states.ts';
export {
  dossierDetailSchema,
  dossierViewSchema,
  eligibilitySchema,
  leadTimeReportSchema,
  nextActionSchema,
} from './views.ts';
