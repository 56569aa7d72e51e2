/**
 * Settlement: advances, quarterly and annual settlements, the contingent, corrections and payment
 * files. The core (cmw.ts, contingent.ts, calendar.ts) is pure; plans are data beside each
 * measure's rules (settlement.yaml) and what the seeds leave open is a named assumption.
 */

export { setAssumption, setAssumptionInput } from './assumption-command.ts';
export { assumptionTableOf } from './assumption-store.ts';
export {
  AssumptionSet,
  type AssumptionTable,
  defaultAssumptions,
  MissingAssumptionError,
  type UsedAssumption,
} from './assumptions.ts';
export { type CalendarEntry, type CalendarKind, paymentCalendar } from './calendar.ts';
export {
  advanceLines,
  begeleidingspremie,
  type CmwParams,
  type Delta,
  deltas,
  loonpremie,
  offsetLines,
  PACKAGES,
  premiumLines,
  type SettlementLine,
  type SupportPackage,
  type WorkerMonth,
} from './cmw.ts';
export { type ContingentResult, contingentYear } from './contingent.ts';
export {
  type AmaParams,
  type AmaParticipantMonth,
  amaAdvanceLines,
  amaYearLines,
  type LdeQuarter,
  ldeQuarterLines,
} from './lde-ama.ts';
export {
  advancesWithoutSettlement,
  type PaidPremiumLine,
  premiumLinesPaid,
  type UnsettledAdvance,
} from './lines.ts';
export { cmwParams, contingentParams, rulesetInfo } from './params.ts';
export {
  createPaymentFile,
  PAYMENT_FORMATS,
  type PaymentFileResult,
  paymentFileInput,
} from './payment-file.ts';
export { type Period, parsePeriod, previousQuarter, type RunKind } from './period.ts';
export { SETTLED_MEASURES, type SettlementPlan, settlementPlan, settlementPlanSchema } from './plan.ts';
export { NO_ARTICLE, PREMIUM_MEASURE, type PremiumRunView, preparePremiumRun } from './premium-runs.ts';
export { dueInstalments, type Instalment, premiumSchedule, SCHEDULED_MEASURES } from './premiums.ts';
export { countRunsAwaitingApproval, getRun, listRuns, type RunSummary } from './queries.ts';
export {
  claimRecovery,
  listRecoveries,
  markRecoveriesSettled,
  RECOVERY_COMMANDS,
  RECOVERY_COMPONENT,
  type RecoveryView,
  type RegisterRecoveryInput,
  recordRecovery,
  recoveryLines,
  registerRecovery,
  registerRecoveryInput,
} from './recoveries.ts';
export { contingentReport, registryWorkerMonths } from './registry-input.ts';
export { settlementRunJob, settlementRunJobInput } from './run-job.ts';
export { groupedWages, runHeaderInput, type StreamOptions, streamRunCommand } from './run-stream.ts';
export {
  approveRun,
  articleTotals,
  confirmRun,
  markPaymentFile,
  prepareRun,
  prepareRunInput,
  type RunView,
  SETTLEMENT_COMMANDS,
  workerMonthSchema,
} from './runs.ts';
export {
  calendarEntrySchema,
  paymentFileRequestSchema,
  runActionResultSchema,
  runLineSchema,
  runRequestSchema,
  runShowSchema,
  runSummarySchema,
  runViewSchema,
} from './schemas.ts';
export {
  formatOgm,
  isValidOgm,
  ogmCheck,
  PAIN_VERSION,
  painXml,
  paymentCsv,
  sepaText,
  structuredReference,
} from './sepa.ts';
export { RUN_ACTIONS, RUN_STATE_LABELS, RUN_STATES, type RunState } from './states.ts';

export { type ArticleYearEnd, articleYearEnd } from './year-end.ts';
