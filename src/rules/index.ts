/**
 * Rules as code: the catalogue of measures, their dated and cited parameters, and calculation
 * (one case with a trace, or a whole population in batch), with reforms side by side.
 */

export { type BudgetArticle, budgetArticleFor, budgetArticles } from './budget-articles.ts';
export {
  type Catalogue,
  calculateMeasure,
  catalogue,
  compareReform,
  type FactView,
  getMeasure,
  type MeasureSummary,
  type MeasureView,
  parametersAt,
  presentFacts,
  presentMeasure,
  presentParameters,
  presentSummary,
  type ReformResult,
  type Ruleset,
  simulatePopulation,
} from './catalogue.ts';
export {
  type AnyFormula,
  type BatchResult,
  type CalcResult,
  CatalogueError,
  COUNTING,
  type Column,
  calculate,
  calculateBatch,
  citedText,
  DOMAINS,
  type FactDef,
  LIFECYCLE,
  type LoadedMeasure,
  loadMeasures,
  NotModelledError,
  type ParameterOverride,
  parseFacts,
  type Scenario,
  type TraceEntry,
} from './engine/index.ts';
export { CATEGORIEEN as SUPPORT_PACKAGES } from './measures/collectief-maatwerk/formula.ts';
export {
  calculationResultSchema,
  factViewSchema,
  measureSummarySchema,
  measureViewSchema,
  rulesetSchema,
} from './views.ts';
