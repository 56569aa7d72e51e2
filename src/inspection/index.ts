/** Inspection: the VSI's reference table and report (inspection dossiers and risk lists follow). */

export { openFromRiskInput, openInspectionFromRisk } from './from-risk.ts';
export {
  DOMAINS,
  getInspection,
  INSPECTION_TRANSITIONS,
  type InspectionDetail,
  type InspectionView,
  inspectionCounts,
  inspectionTransitionInput,
  listInspections,
  openInspection,
} from './inspections.ts';
export {
  type AdFinding,
  ANTI_DISCRIMINATION,
  checkAntiDiscrimination,
  checkVsiTable,
  VSI_SOURCE,
  VSI_TABLE,
  VSI_YEARS,
  type VsiCheck,
  type VsiFinding,
  type VsiRow,
} from './reference.ts';
export { type VsiReport, type VsiReportRow, vsiReport } from './report.ts';
export { type DataHit, type RecordKind, type RiskRuleData, riskRuleData } from './risk-rules.ts';
export { NOT_MODELLED, RISK_RULES, type RiskHit, type RiskRule, riskCounts, riskHits } from './risks.ts';
export {
  INSPECTION_ACTION_NAMES,
  INSPECTION_ACTIONS,
  INSPECTION_STATES,
  type InspectionAction,
  type InspectionOutcome,
  type InspectionState,
  ORIGINS,
  OUTCOMES,
} from './states.ts';
export {
  ANTI_DISCRIMINATION_DOMAIN,
  type ComputedRow,
  type FineLeadTime,
  type InspectionYearReport,
  inspectionReport,
} from './yearly.ts';

import type { Command } from '../commands/index.ts';
import { openInspectionFromRisk } from './from-risk.ts';
import { INSPECTION_COMMANDS as BASE } from './inspections.ts';

export const INSPECTION_COMMANDS: Command[] = [...BASE, openInspectionFromRisk as Command];
