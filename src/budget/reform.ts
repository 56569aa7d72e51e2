/**
 * Reform impact on a budget article, as a durable job: either over the registry (a dry-run
 * settlement: the settlement core's premium lines from the registry's placements and wage
 * quarters, with the parameters in force and with the reform's, side by side) or over a population
 * given as columns (the rules engine's batch engine, `reformImpact`). Nothing is written.
 */
import { z } from 'zod';
import type { Actor } from '../access/index.ts';
import type { Db, Queryable } from '../db/index.ts';
import { type Cents, type IsoDate, isoDate, money, ValidationError } from '../domain/index.ts';
import { defineJob } from '../jobs/index.ts';
import { listIndications, listPlacements, listWageQuarters } from '../registry/index.ts';
import { budgetArticleFor, type ParameterOverride } from '../rules/index.ts';
import {
  AssumptionSet,
  type CmwParams,
  cmwParams,
  defaultAssumptions,
  PACKAGES,
  premiumLines,
  type SupportPackage,
  type WorkerMonth,
} from '../settlement/index.ts';
import { reformImpact } from './impact.ts';

/** Assumptions of the registry path (not in the seeds), shown with every result. */
export const REGISTRY_IMPACT_ASSUMPTIONS = [
  'aanname: het kwartaalloon (DmfA) wordt gelijk over de drie maanden verdeeld; de rest in eurocent gaat naar de laatste maand',
  'aanname: het werkondersteuningspakket staat in de indicering (begeleidingsnood = 60-hoog, 60-gemiddeld, 45-hoog, 45-gemiddeld of 45-laag); wie er geen heeft telt niet mee en wordt gemeld',
  'aanname: de afrekening rekent met de standaardwaarden van src/settlement/assumptions.yaml',
];

/** Which settlement parameter a rules parameter is (the measures the settlement core pays). */
const CMW_PARAMETERS: Record<string, (p: CmwParams, value: number) => CmwParams> = {
  loonpremie_45: (p, v) => ({ ...p, rate45: money.ratio(v) }),
  loonpremie_60: (p, v) => ({ ...p, rate60: money.ratio(v) }),
  plafond_referteloon_ggmmi: (p, v) => ({ ...p, capFactor: money.ratio(v) }),
  begeleidingspremie_forfait: (p, v) => ({ ...p, forfait: money.euros(v) }),
};

const overrideSchema = z.object({
  parameter: z.string().min(1).max(80),
  value: z.union([z.number(), z.string(), z.boolean()]),
  validFrom: z.iso.date().optional(),
});

const columnSchema = z.array(z.union([z.number(), z.string(), z.boolean(), z.null()]));

export const impactJobInput = z
  .object({
    measure: z.string().regex(/^[a-z0-9-]+$/, 'geen geldige maatregel-id'),
    year: z.number().int().min(2019).max(2100),
    overrides: z.array(overrideSchema).min(1, 'geef minstens één parameter op (naam=waarde)'),
    /** Over the registry (a dry-run settlement) or over the columns given. */
    source: z.enum(['register', 'kolommen']).default('register'),
    columns: z.record(z.string(), columnSchema).optional(),
    /** Payments per person in the year (columns only; see ImpactInput.periods). */
    periods: z.number().int().min(1).max(12).default(12),
  })
  .superRefine((v, ctx) => {
    if (v.source !== 'kolommen') return;
    const cols = Object.values(v.columns ?? {});
    if (cols.length === 0)
      ctx.addIssue({ code: 'custom', path: ['columns'], message: 'geef de kolommen op' });
    else if (cols.some((c) => c.length !== cols[0]!.length))
      ctx.addIssue({ code: 'custom', path: ['columns'], message: 'alle kolommen zijn even lang' });
  });
export type ImpactJobInput = z.input<typeof impactJobInput>;

export interface ImpactSide {
  totalCents: number;
  persons: number;
}
export interface ImpactResult {
  measure: string;
  year: number;
  article: string;
  source: 'register' | 'kolommen';
  overrides: { parameter: string; value: unknown; validFrom: string }[];
  baseline: ImpactSide;
  reform: ImpactSide;
  differenceCents: number;
  /** Per component (registry) or the eligible counts (columns). */
  detail: { component: string; baselineCents: number; reformCents: number }[];
  skipped: { record: string; reason: string }[];
  assumptions: string[];
}

/** `name=value` as the CLI takes it: a number with a point or comma, true/false, or text. */
export function parseOverride(text: string): { parameter: string; value: number | string | boolean } {
  const at = text.indexOf('=');
  if (at <= 0) throw ValidationError.field('override', `'${text}' is geen naam=waarde`);
  const parameter = text.slice(0, at).trim();
  const raw = text.slice(at + 1).trim();
  const num = Number(raw.replace(',', '.'));
  const value =
    raw === 'true' ? true : raw === 'false' ? false : raw !== '' && Number.isFinite(num) ? num : raw;
  return { parameter, value };
}

const quarterMonths = (q: string) => {
  const y = q.slice(0, 4);
  const first = (Number(q.slice(6)) - 1) * 3 + 1;
  return [0, 1, 2].map((i) => `${y}-${String(first + i).padStart(2, '0')}`);
};

async function allPages<T>(fetch: (page: number) => Promise<{ items: T[]; total: number }>): Promise<T[]> {
  const out: T[] = [];
  for (let page = 1; ; page++) {
    const r = await fetch(page);
    out.push(...r.items);
    if (out.length >= r.total || r.items.length === 0) return out;
  }
}

/** The registry's worker-months of a measure and year, read through the registry's index. */
export async function registryWorkerMonths(
  db: Queryable,
  actor: Actor,
  measure: string,
  year: number,
  progress: (done: number, total: number) => void = () => {},
): Promise<{ months: WorkerMonth[]; skipped: ImpactResult['skipped'] }> {
  const placements = await allPages((page) => listPlacements(db, actor, { measure, page, pageSize: 500 }));
  const months: WorkerMonth[] = [];
  const skipped: ImpactResult['skipped'] = [];
  let done = 0;
  for (const p of placements) {
    const indications = await allPages((page) =>
      listIndications(db, actor, { personId: p.person.id, page, pageSize: 100 }),
    );
    const pkg = indications
      .filter((i) => i.validFrom <= `${year}-12-31` && (!i.validTo || i.validTo >= `${year}-01-01`))
      .map((i) => i.guidanceNeed)
      .find((g): g is SupportPackage => (PACKAGES as readonly (string | null)[]).includes(g));
    const wages = (
      await allPages((page) => listWageQuarters(db, actor, { placementId: p.id, page, pageSize: 100 }))
    ).filter((w) => w.quarter.startsWith(`${year}-`));
    progress(++done, placements.length);
    if (wages.length === 0) continue;
    if (!pkg) {
      skipped.push({
        record: `plaatsing ${p.id}`,
        reason: `${p.person.pseudonym}: geen werkondersteuningspakket`,
      });
      continue;
    }
    for (const w of wages) {
      const share = Math.floor(w.grossWageCents / 3);
      quarterMonths(w.quarter).forEach((month, i) => {
        const wage = i === 2 ? w.grossWageCents - 2 * share : share;
        const fte = w.fte > 0 ? w.fte : p.fte;
        months.push({
          kbo: p.organisation.kbo,
          worker: p.person.pseudonym,
          month,
          package: pkg,
          wage: wage as Cents,
          fte,
        });
      });
    }
  }
  return { months, skipped };
}

function applyOverrides(
  base: CmwParams,
  overrides: readonly { parameter: string; value: unknown }[],
): CmwParams {
  let p = base;
  overrides.forEach((o, i) => {
    const set = CMW_PARAMETERS[o.parameter];
    if (!set)
      throw ValidationError.field(
        `overrides.${i}.parameter`,
        `'${o.parameter}' is geen parameter van de afrekening; kies ${Object.keys(CMW_PARAMETERS).join(', ')}`,
      );
    if (typeof o.value !== 'number' || !(o.value >= 0))
      throw ValidationError.field(`overrides.${i}.value`, 'een getal groter dan of gelijk aan nul');
    p = set(p, o.value);
  });
  return p;
}

function sumByComponent(lines: { component: string; amount: number }[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const l of lines) m.set(l.component, (m.get(l.component) ?? 0) + l.amount);
  return m;
}

/** The impact over the registry: the settlement core with the parameters in force and with the reform. */
export async function registryImpact(
  db: Queryable,
  actor: Actor,
  input: z.output<typeof impactJobInput>,
  progress?: (done: number, total: number) => void,
): Promise<ImpactResult> {
  if (input.measure !== 'collectief-maatwerk')
    throw ValidationError.field(
      'measure',
      'alleen collectief-maatwerk heeft een afrekening; geef voor een andere maatregel een populatie als kolommen',
    );
  const article = budgetArticleFor(input.measure, input.year).article;
  const { params } = await cmwParams(`${input.year}-01-01`);
  const reformParams = applyOverrides(params, input.overrides);
  const { months, skipped } = await registryWorkerMonths(db, actor, input.measure, input.year, progress);
  const assumptions = new AssumptionSet(defaultAssumptions());
  const base = premiumLines(months, params, assumptions);
  const reform = premiumLines(months, reformParams, assumptions);
  const b = sumByComponent(base);
  const r = sumByComponent(reform);
  const total = (m: Map<string, number>) => [...m.values()].reduce((s, v) => s + v, 0);
  const persons = new Set(months.map((m) => `${m.kbo}|${m.worker}`)).size;
  return {
    measure: input.measure,
    year: input.year,
    article,
    source: 'register',
    overrides: input.overrides.map((o) => ({ ...o, validFrom: o.validFrom ?? `${input.year}-01-01` })),
    baseline: { totalCents: total(b), persons },
    reform: { totalCents: total(r), persons },
    differenceCents: total(r) - total(b),
    detail: [...new Set([...b.keys(), ...r.keys()])].sort().map((component) => ({
      component,
      baselineCents: b.get(component) ?? 0,
      reformCents: r.get(component) ?? 0,
    })),
    skipped,
    assumptions: [
      ...REGISTRY_IMPACT_ASSUMPTIONS,
      ...assumptions.list().map((a) => `aanname: ${a.name} = ${a.value}`),
    ],
  };
}

/** The impact over a population given as columns (the batch engine). */
export async function columnsImpact(input: z.output<typeof impactJobInput>): Promise<ImpactResult> {
  const article = budgetArticleFor(input.measure, input.year).article;
  const columns = input.columns ?? {};
  const n = Object.values(columns)[0]?.length ?? 0;
  const overrides: ParameterOverride[] = input.overrides.map((o) => ({
    parameter: o.parameter,
    validFrom: isoDate(o.validFrom ?? `${input.year}-01-01`) as IsoDate,
    value: o.value,
  }));
  const r = await reformImpact({
    measure: input.measure,
    article,
    date: `${input.year}-06-30`,
    columns: columns as Parameters<typeof reformImpact>[0]['columns'],
    n,
    overrides,
    periods: input.periods,
  });
  return {
    measure: input.measure,
    year: input.year,
    article,
    source: 'kolommen',
    overrides: overrides.map((o) => ({ parameter: o.parameter, value: o.value, validFrom: o.validFrom })),
    baseline: { totalCents: r.baselineCents, persons: r.eligible.baseline },
    reform: { totalCents: r.reformCents, persons: r.eligible.reform },
    differenceCents: r.differenceCents,
    detail: [{ component: input.measure, baselineCents: r.baselineCents, reformCents: r.reformCents }],
    skipped: [],
    assumptions: [r.assumption],
  };
}

export const budgetImpactJob = defineJob({
  kind: 'budget.impact',
  summary: 'Begrotingsimpact van een hervorming',
  permission: 'budget:read',
  input: impactJobInput,
  async run(ctx, input) {
    if (input.source === 'kolommen') {
      ctx.progress(0, 1);
      const r = await columnsImpact(input);
      ctx.progress(1, 1);
      return r;
    }
    // Registry reads as the analist the budget user is: pseudonyms only.
    return registryImpact(ctx.db as Db, readerOf(ctx.actor), input, (done, total) =>
      ctx.progress(done, total),
    );
  },
});

/** The budget reads the registry pseudonymised: a beheerder's identity rights are not needed. */
function readerOf(actor: Actor): Actor {
  return { ...actor, roles: ['analist'] };
}
