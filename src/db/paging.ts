/** Server-side paging and sorting shared by every listing. */
import { z } from 'zod';

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export const pageRequestSchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(25),
  /** A column name, `-name` for descending. */
  sort: z.string().max(64).optional(),
});

export type PageRequest = z.output<typeof pageRequestSchema>;

/**
 * Builds an ORDER BY from a user-supplied sort key against a whitelist (`{ naam: 'o.name' }`),
 * with a stable tie-breaker. Unknown keys fall back to the default.
 */
export function orderBy(
  sort: string | undefined,
  columns: Record<string, string>,
  fallback: string,
  tieBreaker: string,
): string {
  const desc = sort?.startsWith('-') ?? false;
  const key = sort?.replace(/^-/, '');
  const column = key && Object.hasOwn(columns, key) ? columns[key] : undefined;
  const primary = column ? `${column} ${desc ? 'DESC' : 'ASC'}` : fallback;
  return `ORDER BY ${primary}, ${tieBreaker}`;
}

export function limitOffset(p: PageRequest): { limit: number; offset: number } {
  return { limit: p.pageSize, offset: (p.page - 1) * p.pageSize };
}

/**
 * The WHERE clause of a listing, built up from its filters with numbered parameters (`$1`, `$2`…)
 * so that no value is ever spliced into the SQL text.
 */
export class Conditions {
  readonly params: unknown[] = [];
  private readonly clauses: string[] = [];

  /** Adds a condition; `sql` receives the placeholder of `value`. */
  add(value: unknown, sql: (param: string) => string): this {
    this.params.push(value);
    this.clauses.push(sql(`$${this.params.length}`));
    return this;
  }

  /** `column = value` for each pair whose value is given. */
  equal(pairs: readonly (readonly [string, unknown])[]): this {
    for (const [column, value] of pairs)
      if (value !== undefined && value !== null) this.add(value, (p) => `${column} = ${p}`);
    return this;
  }

  get where(): string {
    return this.clauses.length ? `WHERE ${this.clauses.join(' AND ')}` : '';
  }
}
