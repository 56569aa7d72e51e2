/** The rules engine: what measure formulas are written with, and how they are evaluated. */

export { citationProblem, citedText, parseCitation, SEEDS_DIR } from './citation.ts';
export { atLeast, atMost, below, between, excludes, requires } from './conditions.ts';
export {
  type AmountPeriod,
  type AnyFormula,
  type Condition,
  type Context,
  defineFormula,
  type FactDef,
  type Facts,
  type FormulaDef,
  fact,
  type Output,
  type Params,
  type ParamType,
  type Rate,
  type Version,
} from './define.ts';
export {
  type BatchResult,
  type CalcOptions,
  type CalcResult,
  type Column,
  calculate,
  calculateBatch,
  describeKernel,
  type KernelPart,
  NotModelledError,
  parseFacts,
  type TraceEntry,
  versionAt,
} from './evaluate.ts';
export {
  CatalogueError,
  type LoadedMeasure,
  loadMeasures,
  loadRuleset,
  MEASURES_DIR,
  RULES_DIR,
  rulesetHash,
  rulesetVersion,
} from './loader.ts';
export {
  buildSeries,
  type DatedValue,
  type ParameterOverride,
  type ParameterSeries,
  typedValue,
  valueAt,
} from './parameters.ts';
export { COUNTING, DOMAINS, LIFECYCLE, type MeasureFile, overrideSchema, type Scenario } from './schema.ts';
export { decimalComma, dutchDate, euroText } from './text.ts';
