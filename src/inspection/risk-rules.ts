/**
 * The knipperlichten of data/risk-rules.yaml: each rule's data (reasoning, seed lines, named
 * assumptions) is in the YAML, the arithmetic here. Reads the registry, settlement and the rules
 * catalogue only through their index.ts. A hit names the organisation, the person's pseudonym
 * (never the INSZ) and the records behind it.
 */
import { z } from 'zod';
import type { Actor } from '../access/index.ts';
import { type Queryable, readYamlData } from '../db/index.ts';
import {
  listContingents,
  listIndications,
  listPlacements,
  listWageQuarters,
  organisationIdsByKbo,
  organisationsById,
  type PlacementView,
  type WageQuarterView,
} from '../registry/index.ts';
import {
  AssumptionSet,
  advancesWithoutSettlement,
  defaultAssumptions,
  premiumLinesPaid,
} from '../settlement/index.ts';

const assumptionSchema = z.object({
  name: z.string(),
  value: z.unknown(),
  valid_from: z.coerce.string(),
  set_on: z.coerce.string(),
  why: z.string(),
});
const ruleSchema = z.object({
  id: z.string(),
  label: z.string(),
  reasoning: z.string(),
  source: z.string().regex(/^seeds\/\S+:L\d+(-\d+)?$/),
  parameters: z.record(z.string(), z.number()).optional(),
  exclusions: z.record(z.string(), z.array(z.string())).optional(),
  assumptions: z.array(z.string()).optional(),
  assumption: assumptionSchema.optional(),
});
export type RiskRuleData = z.infer<typeof ruleSchema>;

let cache: RiskRuleData[] | undefined;
export function riskRuleData(): RiskRuleData[] {
  cache ??= z.array(ruleSchema).parse(readYamlData(new URL('./data/risk-rules.yaml', import.meta.url)));
  return cache;
}
const rule = (id: string) => {
  const r = riskRuleData().find((x) => x.id === id);
  if (!r) throw new Error(`risicoregel ${id} ontbreekt in risk-rules.yaml`);
  return r;
};

export type RecordKind = 'placement' | 'wage-quarter' | 'contingent' | 'indication' | 'settlement-line';
export interface DataHit {
  rule: string;
  organisation: { id: string; name: string };
  person: string | null;
  /** The person's id, for opening an inspection dossier from the hit (never shown to analysts). */
  personId: string | null;
  reason: string;
  records: { kind: RecordKind; id: string }[];
  source: string;
}

export interface RiskInputs {
  placements: PlacementView[];
  wages: Map<string, WageQuarterView[]>;
}

async function allPages<T>(fetch: (page: number) => Promise<{ items: T[]; total: number }>): Promise<T[]> {
  const out: T[] = [];
  for (let page = 1; ; page++) {
    const r = await fetch(page);
    out.push(...r.items);
    if (out.length >= r.total || r.items.length === 0) return out;
  }
}

export async function loadRiskInputs(db: Queryable, actor: Actor): Promise<RiskInputs> {
  const placements = await allPages((page) => listPlacements(db, actor, { page, pageSize: 500 }));
  const wages = new Map<string, WageQuarterView[]>();
  for (const p of placements)
    wages.set(
      p.id,
      await allPages((page) => listWageQuarters(db, actor, { placementId: p.id, page, pageSize: 100 })),
    );
  return { placements, wages };
}

const endOr = (p: PlacementView, asOf: string) => (p.end && p.end < asOf ? p.end : asOf);
const overlap = (a: PlacementView, b: PlacementView, asOf: string) => {
  const from = a.start > b.start ? a.start : b.start;
  const to = endOr(a, asOf) < endOr(b, asOf) ? endOr(a, asOf) : endOr(b, asOf);
  return to >= from ? { from, to } : null;
};
const org = (p: PlacementView) => ({ id: p.organisation.id, name: p.organisation.name });
const byPerson = (ps: PlacementView[]) => {
  const m = new Map<string, PlacementView[]>();
  for (const p of ps) m.set(p.person.id, [...(m.get(p.person.id) ?? []), p]);
  return m;
};
const fmt = (n: number) => new Intl.NumberFormat('nl-BE', { maximumFractionDigits: 4 }).format(n);

function aboveOneFte(inp: RiskInputs): DataHit[] {
  // The registry refuses overlapping placements above 1 VTE on write; the wage data (DmfA, from
  // outside) can still report more: the VTE of one person's wage quarters summed per quarter.
  const r = rule('persoon-boven-1-vte');
  const max = r.parameters?.['max_vte'] ?? 1;
  const hits: DataHit[] = [];
  for (const ps of byPerson(inp.placements).values()) {
    const perQuarter = new Map<string, { p: PlacementView; w: WageQuarterView }[]>();
    for (const p of ps)
      for (const w of inp.wages.get(p.id) ?? [])
        perQuarter.set(w.quarter, [...(perQuarter.get(w.quarter) ?? []), { p, w }]);
    for (const [quarter, items] of [...perQuarter].sort(([a], [b]) => a.localeCompare(b))) {
      const total = items.reduce((s, x) => s + Math.round(x.w.fte * 10_000), 0) / 10_000;
      if (total <= max) continue;
      hits.push({
        rule: r.id,
        organisation: org(items.at(-1)!.p),
        person: ps[0]!.person.pseudonym,
        personId: ps[0]!.person.id,
        reason: `${fmt(total)} VTE in de loongegevens van ${quarter} over ${items.length} plaatsingen, meer dan ${fmt(max)} VTE`,
        records: items.flatMap((x) => [
          { kind: 'placement' as const, id: x.p.id },
          { kind: 'wage-quarter' as const, id: x.w.id },
        ]),
        source: r.source,
      });
    }
  }
  return hits;
}

function pairHits(
  inp: RiskInputs,
  asOf: string,
  id: string,
  pairs: [string, string][],
  text: (a: string, b: string) => string,
): DataHit[] {
  const r = rule(id);
  const hits: DataHit[] = [];
  for (const ps of byPerson(inp.placements).values()) {
    for (const [ma, mb] of pairs)
      for (const a of ps.filter((p) => p.measure === ma))
        for (const b of ps.filter((p) => p.measure === mb)) {
          const o = overlap(a, b, asOf);
          if (!o) continue;
          hits.push({
            rule: r.id,
            organisation: org(a),
            person: a.person.pseudonym,
            personId: a.person.id,
            reason: `${text(ma, mb)}: samen van ${o.from} tot ${o.to}`,
            records: [a, b].map((p) => ({ kind: 'placement', id: p.id })),
            source: r.source,
          });
        }
  }
  return hits;
}

function exclusionHits(inp: RiskInputs, asOf: string): DataHit[] {
  const r = rule('uitsluiting-overlap');
  const pairs = Object.entries(r.exclusions ?? {}).flatMap(([m, ex]) =>
    ex.map((e) => [m, e] as [string, string]),
  );
  return pairHits(inp, asOf, r.id, pairs, (a, b) => `${a} sluit ${b} uit`);
}

function notCombinableHits(inp: RiskInputs, asOf: string): DataHit[] {
  const r = rule('niet-combineerbaar');
  const pairs = (r.assumption?.value ?? []) as [string, string][];
  return pairHits(
    inp,
    asOf,
    r.id,
    pairs,
    (a, b) => `${a} en ${b} tegelijk (aanname ${r.assumption?.name}, ${r.assumption?.set_on})`,
  );
}

const quarterBounds = (q: string) => {
  const y = q.slice(0, 4);
  const n = Number(q.slice(6));
  const first = `${y}-${String((n - 1) * 3 + 1).padStart(2, '0')}-01`;
  const lastMonth = n * 3;
  const lastDay = new Date(Date.UTC(Number(y), lastMonth, 0)).getUTCDate();
  return { first, last: `${y}-${String(lastMonth).padStart(2, '0')}-${lastDay}` };
};

function belowMinimumHits(inp: RiskInputs): DataHit[] {
  const r = rule('loon-onder-minimum');
  const a = new AssumptionSet(defaultAssumptions());
  const hits: DataHit[] = [];
  for (const p of inp.placements) {
    for (const w of inp.wages.get(p.id) ?? []) {
      const { first, last } = quarterBounds(w.quarter);
      if (p.start > first || (p.end && p.end < last) || w.fte <= 0) continue;
      let ggmmi: number;
      try {
        ggmmi = a.money('ggmmi', first);
      } catch {
        continue; // no value of the assumption for the quarter: no verdict
      }
      // Monthly wage per VTE in cents, compared without rounding: gross < 3 × fte × GGMMI.
      if (w.grossWageCents < 3 * w.fte * ggmmi) {
        const perMonth = Math.round(w.grossWageCents / 3 / w.fte) / 100;
        hits.push({
          rule: r.id,
          organisation: org(p),
          person: p.person.pseudonym,
          personId: p.person.id,
          reason: `${w.quarter}: ${fmt(perMonth)} € per maand per VTE, onder het GGMMI van ${fmt(ggmmi / 100)} € (aanname ggmmi)`,
          records: [
            { kind: 'placement', id: p.id },
            { kind: 'wage-quarter', id: w.id },
          ],
          source: r.source,
        });
      }
    }
  }
  return hits;
}

async function contingentJumpHits(db: Queryable, actor: Actor, inp: RiskInputs): Promise<DataHit[]> {
  const r = rule('contingent-sprong');
  const threshold = Number(r.assumption?.value ?? 0.25);
  const hits: DataHit[] = [];
  const orgs = new Map(inp.placements.map((p) => [p.organisation.id, org(p)]));
  for (const [orgId, o] of orgs) {
    const contingents = await listContingents(db, actor, orgId);
    for (const measure of [...new Set(contingents.map((c) => c.measure))]) {
      const fill = contingents
        .filter((c) => c.measure === measure && c.fte > 0)
        .sort((x, y) => x.quarter.localeCompare(y.quarter))
        .map((c) => {
          const ws = inp.placements
            .filter((p) => p.organisation.id === orgId && p.measure === measure)
            .flatMap((p) => (inp.wages.get(p.id) ?? []).filter((w) => w.quarter === c.quarter));
          const fte = ws.reduce((s, w) => s + w.fte, 0);
          return { quarter: c.quarter, fill: fte / c.fte, wages: ws };
        });
      for (let i = 1; i < fill.length; i++) {
        const prev = fill[i - 1]!;
        const cur = fill[i]!;
        if (Math.abs(cur.fill - prev.fill) > threshold)
          hits.push({
            rule: r.id,
            organisation: o,
            person: null,
            personId: null,
            reason: `${measure}: invulling ${fmt(Math.round(prev.fill * 1000) / 10)} % in ${prev.quarter} → ${fmt(Math.round(cur.fill * 1000) / 10)} % in ${cur.quarter}, meer dan ${fmt(threshold * 100)} procentpunten (aanname ${r.assumption?.name})`,
            records: [
              { kind: 'contingent', id: `${orgId}|${measure}|${prev.quarter}` },
              { kind: 'contingent', id: `${orgId}|${measure}|${cur.quarter}` },
              ...[...prev.wages, ...cur.wages].map((w) => ({ kind: 'wage-quarter' as const, id: w.id })),
            ],
            source: r.source,
          });
      }
    }
  }
  return hits;
}

async function premiumWithoutIndicationHits(
  db: Queryable,
  actor: Actor,
  inp: RiskInputs,
): Promise<DataHit[]> {
  const r = rule('premie-zonder-indicering');
  const lines = (await premiumLinesPaid(db, actor)).filter((l) => l.component === 'loonpremie');
  if (lines.length === 0) return [];
  const indications = await allPages((page) => listIndications(db, actor, { page, pageSize: 500 }));
  const byPseudonym = new Map<string, typeof indications>();
  for (const i of indications)
    byPseudonym.set(i.person.pseudonym, [...(byPseudonym.get(i.person.pseudonym) ?? []), i]);
  const orgByKbo = new Map(inp.placements.map((p) => [p.organisation.kbo, p]));
  const hits: DataHit[] = [];
  for (const l of lines) {
    const day = `${l.period}-01`;
    const valid = (byPseudonym.get(l.worker) ?? []).some(
      (i) => i.validFrom <= day && (!i.validTo || i.validTo >= day),
    );
    if (valid) continue;
    const p = orgByKbo.get(l.kbo);
    const person = inp.placements.find((x) => x.person.pseudonym === l.worker);
    hits.push({
      rule: r.id,
      organisation: p ? org(p) : { id: '', name: `KBO ${l.kbo}` },
      person: l.worker,
      personId: person?.person.id ?? null,
      reason: `loonpremie ${l.period} (${fmt(l.amountCents / 100)} €) zonder geldige indicering`,
      records: [{ kind: 'settlement-line', id: l.id }],
      source: r.source,
    });
  }
  return hits;
}

async function unsettledAdvanceHits(db: Queryable, actor: Actor, asOf: string): Promise<DataHit[]> {
  const r = rule('voorschot-zonder-afrekening');
  const advances = await advancesWithoutSettlement(db, actor, asOf);
  if (advances.length === 0) return [];
  // The organisations paid, whether or not they still have placements.
  const { ids } = await organisationIdsByKbo(db, [...new Set(advances.map((a) => a.kbo))]);
  const orgByKbo = new Map(
    (await organisationsById(db, ids)).map((o) => [o.kbo, { id: o.id, name: o.name }]),
  );
  return advances.map((a) => ({
    rule: r.id,
    organisation: orgByKbo.get(a.kbo) ?? { id: '', name: `KBO ${a.kbo}` },
    person: null,
    personId: null,
    reason: `${a.measure}: ${fmt(a.advanceCents / 100)} € voorschot voor ${a.period} zonder afrekening, die beschikbaar moest zijn op ${a.due}`,
    records: a.lineIds.map((id) => ({ kind: 'settlement-line' as const, id })),
    source: r.source,
  }));
}

/** The hits of the data rules, in the YAML's order. */
export async function dataRuleHits(
  db: Queryable,
  actor: Actor,
  asOf: string,
  want: (id: string) => boolean,
): Promise<DataHit[]> {
  const inp = await loadRiskInputs(db, actor);
  const out: DataHit[] = [];
  if (want('persoon-boven-1-vte')) out.push(...aboveOneFte(inp));
  if (want('uitsluiting-overlap')) out.push(...exclusionHits(inp, asOf));
  if (want('loon-onder-minimum')) out.push(...belowMinimumHits(inp));
  if (want('contingent-sprong')) out.push(...(await contingentJumpHits(db, actor, inp)));
  if (want('premie-zonder-indicering')) out.push(...(await premiumWithoutIndicationHits(db, actor, inp)));
  if (want('niet-combineerbaar')) out.push(...notCombinableHits(inp, asOf));
  if (want('voorschot-zonder-afrekening')) out.push(...(await unsettledAdvanceHits(db, actor, asOf)));
  return out;
}
