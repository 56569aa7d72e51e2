/**
 * Reading the plan: the filtered milestone list, and the roll-ups per project, goal and plan
 * (count and share per status, late milestones, due this quarter) for a given date.
 */
import { percent } from '../domain/index.ts';
import type { EffectivePlan } from './events.ts';
import { referencePlan } from './load.ts';
import {
  type ListFilter,
  type ListItem,
  type MilestoneView,
  type Rollup,
  STATUS_LABELS,
  type Summary,
} from './schema.ts';
import { quarterOfDate } from './timing.ts';

/** A project given as its id (`BP9/OD11`), its BP or OD number (`BP9`, `OD11`) or its section. */
export function resolveProject(given: string): string | undefined {
  const g = given.trim().toUpperCase();
  return referencePlan().data.projects.find(
    (p) =>
      p.id.toUpperCase() === g || p.id.toUpperCase().split('/').includes(g) || p.section === given.trim(),
  )?.id;
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export function filterMilestones(plan: EffectivePlan, f: ListFilter): MilestoneView[] {
  const project = f.project ? resolveProject(f.project) : undefined;
  if (f.project && !project) return [];
  const status = f.status ? STATUS_LABELS.find((s) => fold(s) === fold(f.status!)) : undefined;
  if (f.status && !status && fold(f.status) !== 'geen') return [];
  const q = f.q ? fold(f.q) : undefined;
  return plan.milestones.filter(
    (m) =>
      (f.containers || !m.container) &&
      (!project || m.project === project) &&
      (!f.status || (status ? m.status?.label === status : m.status === null)) &&
      (!f.quarter || (m.timing?.quarters.includes(f.quarter) ?? false)) &&
      (!f.table || m.table.startsWith(f.table)) &&
      (!q || fold(`${m.id} ${m.title} ${m.group.join(' ')}`).includes(q)),
  );
}

export function toListItem(m: MilestoneView): ListItem {
  return {
    id: m.id,
    project: m.project,
    level: m.level,
    title: m.title,
    status: m.status,
    timing: m.timing,
    source: m.source,
  };
}

const CLOSED = () =>
  new Set(
    referencePlan()
      .data.statuses.filter((s) => s.closed)
      .map((s) => s.label),
  );

/**
 * The quarter by which a milestone is due: the last quarter of its timing; a 2022-table item is due
 * by 2022-Q4 (assumption A-PLANS-2); open-ended timings have none (A-PLANS-3).
 */
export function dueQuarter(m: MilestoneView): string | null {
  if (m.timing) return m.timing.to;
  if (m.table !== '2023') return `${referencePlan().data.plan.evaluationYear}-Q4`;
  return null;
}

export function isLate(m: MilestoneView, asOf: string): boolean {
  const due = dueQuarter(m);
  if (!due || due >= quarterOfDate(asOf)) return false;
  return !(m.status && CLOSED().has(m.status.label));
}

export function rollup(items: MilestoneView[], asOf: string): Rollup {
  const real = items.filter((m) => !m.container);
  const t22 = real.filter((m) => m.table !== '2023');
  const t23 = real.filter((m) => m.table === '2023');
  const quarter = quarterOfDate(asOf);
  const status2022: Rollup['status2022'] = {};
  const status2023: Rollup['status2023'] = {};
  for (const s of STATUS_LABELS) {
    const a = t22.filter((m) => m.status?.label === s);
    status2022[s] = {
      count: a.length,
      share: percent(a.length, t22.length),
      asterisk: a.filter((m) => m.status?.asterisk).length,
    };
    const b = t23.filter((m) => m.status?.label === s).length;
    status2023[s] = { count: b, share: percent(b, t23.length) };
  }
  return {
    items2022: t22.length,
    bijkomend: t22.filter((m) => m.bijkomend).length,
    status2022,
    noStatus2022: t22.filter((m) => !m.status).length,
    items2023: t23.length,
    noTiming2023: t23.filter((m) => !m.timing).length,
    status2023,
    late: real.filter((m) => isLate(m, asOf)).map((m) => m.id),
    dueThisQuarter: real.filter((m) => m.timing?.quarters.includes(quarter)).map((m) => m.id),
  };
}

export function summarize(plan: EffectivePlan, asOf: string): Summary {
  const { data } = referencePlan();
  const byProject = new Map<string, MilestoneView[]>();
  for (const m of plan.milestones) byProject.set(m.project, [...(byProject.get(m.project) ?? []), m]);
  return {
    asOf,
    quarter: quarterOfDate(asOf),
    assumptions: data.assumptions.map((a) => `${a.id}: ${a.text}`),
    plan: rollup(plan.milestones, asOf),
    goals: data.goals.map((g) => {
      const projects = data.projects.filter((p) => p.goals.includes(g.id)).map((p) => p.id);
      return {
        id: g.id,
        title: g.title,
        projects,
        rollup: rollup(
          projects.flatMap((p) => byProject.get(p) ?? []),
          asOf,
        ),
      };
    }),
    projects: data.projects.map((p) => ({
      id: p.id,
      kind: p.kind,
      title: p.title,
      goals: p.goals,
      rollup: rollup(byProject.get(p.id) ?? [], asOf),
    })),
  };
}
