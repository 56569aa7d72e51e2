/** The monitor: the participation ladder from reference data and from registry placements. */

export * from './check.ts';
export * from './geography.ts';
export * from './ladder.ts';
export * from './placements.ts';
export * from './reference.ts';
