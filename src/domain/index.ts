import './zod-nl.ts';

export * from './dates.ts';
export * from './errors.ts';
export * from './identifiers.ts';
export * from './log-safe.ts';
export type { Cents, Ratio } from './money.ts';
export * as money from './money.ts';
export * from './numbers.ts';
export * from './schemas.ts';
export * from './table-export.ts';
