/** Inspection: the VSI's reference table and report (inspection dossiers and risk lists follow). */
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
