/** Budget module: the seeds' budget tables as data, computed totals, execution and the check. */
export { type AnnexRow, type BbtRow, type BudgetData, budgetData, type Credit, type Movement, type Stage } from './data.ts';
export { computeTotals, execution, type Execution, programmeOf, rateDecimals, stagesOf, type Total } from './core.ts';
export { check, checkYear, type Finding, findingSchema } from './check.ts';
