/**
 * Plans: the department's goal tree of the Ondernemingsplan 2023 (seed 001) — strategic goals →
 * projects → milestones with 2022 status and 2023 timing — with roll-ups, a check, and commands
 * through which a beheerder keeps the plan up to date.
 */
import type { Actor } from '../access/index.ts';
import { assertCan } from '../access/index.ts';
import type { Queryable } from '../db/index.ts';
import { NotFoundError, todayIso } from '../domain/index.ts';
import { checkPlan } from './check.ts';
import { effectivePlan } from './events.ts';
import { filterMilestones, summarize, toListItem } from './rollup.ts';
import type { Finding, ListFilter, ListItem, MilestoneView, Summary } from './schema.ts';

export { checkPlan } from './check.ts';
export {
  addMilestone,
  type EffectivePlan,
  effectivePlan,
  moveMilestoneTiming,
  PLAN_COMMANDS,
  setMilestoneStatus,
} from './events.ts';
export { MILESTONE_FILES, type ReferencePlan, referencePlan } from './load.ts';
export {
  dueQuarter,
  filterMilestones,
  isLate,
  resolveProject,
  rollup,
  summarize,
  toListItem,
} from './rollup.ts';
export * from './schema.ts';
export { parseTiming, quarterOfDate } from './timing.ts';

export async function listPlanMilestones(
  db: Queryable,
  actor: Actor,
  filter: ListFilter = {},
): Promise<ListItem[]> {
  assertCan(actor, 'plans:read');
  return filterMilestones(await effectivePlan(db), filter).map(toListItem);
}

export async function planMilestones(
  db: Queryable,
  actor: Actor,
  filter: ListFilter = {},
): Promise<MilestoneView[]> {
  assertCan(actor, 'plans:read');
  return filterMilestones(await effectivePlan(db), filter);
}

export async function getPlanMilestone(db: Queryable, actor: Actor, id: string): Promise<MilestoneView> {
  assertCan(actor, 'plans:read');
  const m = (await effectivePlan(db)).byId.get(id);
  if (!m) throw new NotFoundError('Mijlpaal', id);
  return m;
}

export async function planSummary(db: Queryable, actor: Actor, asOf: string = todayIso()): Promise<Summary> {
  assertCan(actor, 'plans:read');
  return summarize(await effectivePlan(db), asOf);
}

export async function planCheck(db: Queryable, actor: Actor): Promise<Finding[]> {
  assertCan(actor, 'plans:read');
  return checkPlan(await effectivePlan(db));
}
export { milestonesCsv, milestonesXlsx } from './export.ts';
