/** The monitor: the participation ladder from reference data and from registry placements. */

export * from './check.ts';
export * from './context.ts';
export * from './export.ts';
export * from './geography.ts';
export * from './kpis.ts';
export * from './ladder.ts';
export * from './placements.ts';
export * from './queries.ts';
export * from './reference.ts';
export * from './regions.ts';
export * from './series.ts';
export { ladderSchema, seriesSchema } from './views.ts';
