/**
 * Loads the reference plan (data/plan.yaml and data/milestones-*.yaml), validates it with zod and
 * builds the milestone views: seed sources, structured timing, the asterisk's printed meaning,
 * links to the rules catalogue and its budget articles, and the "same milestone" links.
 */
import { readYamlData } from '../db/index.ts';
import { budgetArticleFor } from '../rules/index.ts';
import {
  type MilestoneRecord,
  type MilestoneView,
  milestoneRecordSchema,
  type PlanData,
  planDataSchema,
} from './schema.ts';
import { parseTiming } from './timing.ts';

const DATA = new URL('./data/', import.meta.url);
export const MILESTONE_FILES = [
  'milestones-werk.yaml',
  'milestones-competenties-se.yaml',
  'milestones-organisatie.yaml',
] as const;

export interface ReferencePlan {
  data: PlanData;
  records: MilestoneRecord[];
  milestones: MilestoneView[];
}

let cached: ReferencePlan | undefined;

export function referencePlan(): ReferencePlan {
  if (cached) return cached;
  const data = planDataSchema.parse(readYamlData(new URL('plan.yaml', DATA)));
  const records = MILESTONE_FILES.flatMap((f) =>
    (readYamlData(new URL(f, DATA)) as unknown[]).map((r, i) => {
      const parsed = milestoneRecordSchema.safeParse(r);
      if (!parsed.success) throw new Error(`src/plans/data/${f} record ${i + 1}: ${parsed.error.message}`);
      return parsed.data;
    }),
  );
  const projects = new Set(data.projects.map((p) => p.id));
  const ids = new Set<string>();
  for (const r of records) {
    if (ids.has(r.id)) throw new Error(`mijlpaal ${r.id} staat twee keer in de gegevens`);
    ids.add(r.id);
    if (!projects.has(r.project)) throw new Error(`mijlpaal ${r.id}: onbekend project ${r.project}`);
  }
  const sameAs = new Map<string, string[]>();
  for (const {
    ids: [a, b],
  } of data.sameMilestone) {
    sameAs.set(a, [...(sameAs.get(a) ?? []), b]);
    sameAs.set(b, [...(sameAs.get(b) ?? []), a]);
  }
  const milestones = records.map((r) => toView(data, r, sameAs.get(r.id) ?? []));
  cached = { data, records, milestones };
  return cached;
}

export const seedRef = (data: PlanData, lines: string) => `${data.plan.source}:${lines}`;

function budgetArticle(measure: string, year: number): string | null {
  try {
    return budgetArticleFor(measure, year).article;
  } catch {
    return null;
  }
}

function toView(data: PlanData, r: MilestoneRecord, sameAs: string[]): MilestoneView {
  const year = data.plan.year;
  return {
    id: r.id,
    project: r.project,
    table: r.table,
    bijkomend: r.table === '2022-bijkomend',
    level: r.level,
    parent: r.parent ?? null,
    container: r.container === true,
    group: r.group ?? [],
    title: r.title,
    status: r.status
      ? { label: r.status, asterisk: r.asterisk === true, meaning: r.asterisk ? data.asterisk.meaning : null }
      : null,
    timing: r.timing ? parseTiming(r.timing, year) : null,
    source: seedRef(data, r.lines),
    statusSource: r.statusLine ? seedRef(data, r.statusLine) : null,
    timingSource: r.timingLine ? seedRef(data, r.timingLine) : null,
    footnote: r.footnote ?? null,
    crossRef: r.crossRef ?? [],
    tags: r.tags ?? [],
    measures: (r.measures ?? []).map((id) => ({ id, budgetArticle: budgetArticle(id, year) })),
    sameAs,
    printedInSectionOf: r.printedIn ?? null,
    notes: [r.note, r.analystNote].filter((n): n is string => !!n),
    changes: [],
  };
}
