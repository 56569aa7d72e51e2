/**
 * The assumption table in force: the shipped assumptions.yaml with a beheerder's rows from the
 * settlement_assumptions table on top (same rule as runs.ts uses for its runs).
 */
import type { Queryable } from '../db/index.ts';
import { type AssumptionTable, defaultAssumptions } from './assumptions.ts';

export async function assumptionTableOf(db: Queryable): Promise<AssumptionTable> {
  const table: AssumptionTable = structuredClone(defaultAssumptions());
  const { rows } = await db.query<{
    name: string;
    valid_from: string;
    value: string;
    source: string;
    set_by: string;
    set_on: string;
  }>(
    'SELECT name, valid_from::text AS valid_from, value, source, set_by, set_on::text AS set_on FROM settlement_assumptions',
  );
  for (const r of rows) {
    const def = table[r.name];
    if (!def) continue;
    const value = def.type === 'method' ? r.value : Number(r.value);
    def.values = [...def.values.filter((v) => v.valid_from !== r.valid_from), { ...r, value }];
  }
  return table;
}
