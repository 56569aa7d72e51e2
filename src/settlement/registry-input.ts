/**
 * The inputs of a run read from the registry (through its index.ts): the worker-months with the
 * monthly wage data and support package, and the contingent facts of a fill year. Turns them into
 * the pure core's shapes (cmw.ts WorkerMonth, contingent.ts ContingentInput).
 */
import type { Actor } from '../access/index.ts';
import type { Queryable } from '../db/index.ts';
import { type IsoDate, money } from '../domain/index.ts';
import { listContingentFacts, listWorkerMonths } from '../registry/index.ts';
import { assumptionTableOf } from './assumption-store.ts';
import { AssumptionSet } from './assumptions.ts';
import type { SupportPackage, WorkerMonth } from './cmw.ts';
import { type ContingentResult, contingentYear } from './contingent.ts';
import { contingentParams } from './params.ts';
import type { Period } from './period.ts';

/** The worker-months of a period from the registry's wage data, pseudonymised. */
export async function registryWorkerMonths(
  db: Queryable,
  actor: Actor,
  measure: string,
  period: Period,
): Promise<WorkerMonth[]> {
  const facts = await listWorkerMonths(db, actor, { measure, months: period.months });
  return facts.map((f) => {
    const w: WorkerMonth = {
      kbo: f.kbo,
      worker: f.worker,
      month: f.month,
      package: f.package as SupportPackage,
      wage: money.cents(f.wageCents),
      fte: f.fte,
    };
    if (f.from) w.from = f.from as IsoDate;
    if (f.to) w.to = f.to as IsoDate;
    return w;
  });
}

/** The contingent report of a fill year: fill, the 90% rule and the redistribution. */
export async function contingentReport(
  db: Queryable,
  actor: Actor,
  measure: string,
  year: number,
): Promise<ContingentResult & { assumptions: ReturnType<AssumptionSet['list']>; parameters: unknown[] }> {
  const params = await contingentParams(year);
  const assumptions = new AssumptionSet(await assumptionTableOf(db));
  const organisations = await listContingentFacts(db, actor, { measure, year });
  const result = contingentYear({
    year,
    organisations,
    minFill: params.minFill,
    redistributionAbove: params.redistributionAbove,
    suspended: params.suspended,
    assumptions,
  });
  return { ...result, assumptions: assumptions.list(), parameters: params.used };
}
