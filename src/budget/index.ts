/** Budget module: the seeds' budget tables as data, computed totals, execution and the check. */

export {
  type ArticleAccrual,
  accrualFindings,
  accrualsByArticle,
  type SettledYearEnd,
  settledYearEnd,
} from './accruals.ts';
export { check, checkYear, type Finding, findingSchema } from './check.ts';
export {
  type Claim,
  claimFindings,
  claimSchema,
  loadClaims,
  type NotCheckable,
  notCheckableClaims,
} from './claims.ts';
export {
  computeTotals,
  type Execution,
  execution,
  programmeOf,
  rateDecimals,
  ratePercent,
  stagesOf,
  type Total,
} from './core.ts';
export {
  type Accrual,
  type AnnexRow,
  type BbtRow,
  type BudgetData,
  budgetData,
  type Credit,
  type Movement,
  type Stage,
} from './data.ts';
export {
  type ArticleForecast,
  forecastFromSettlement,
  type Impact,
  type ImpactInput,
  reformImpact,
  type SettlementArticleTotal,
} from './impact.ts';
export { type ReceiptRow, receiptRowSchema, receiptsArticle, recoveryReceipts } from './receipts.ts';
export {
  budgetImpactJob,
  columnsImpact,
  type ImpactJobInput,
  type ImpactResult,
  impactJobInput,
  parseOverride,
  REGISTRY_IMPACT_ASSUMPTIONS,
  registryImpact,
  registryWorkerMonths,
} from './reform.ts';
export { settledForecast } from './settled.ts';
export {
  type BudgetFilter,
  type BudgetRow,
  budgetFilterSchema,
  budgetRowSchema,
  budgetShowSchema,
  showBudget,
} from './show.ts';
export {
  type CellKind,
  DOWNLOAD_TABLES,
  type DownloadName,
  type DownloadTable,
  downloadTable,
} from './tables.ts';
export { toCsv, type WaterfallStep, waterfall } from './waterfall.ts';
