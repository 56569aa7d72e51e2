/**
 * Risk lists (knipperlichten) computed from registry placements. The seeds name the project
 * (seeds/001_4a57afe77d69f3a4.txt:L1676-1680) but not its indicators (spec-inspection §5 NOT
 * SPECIFIED); each rule below applies a limit the seeds give for a measure, read from the rules
 * catalogue with its source. A hit names the organisation, the person's pseudonym (never the INSZ)
 * and the placements behind it. Analysts get the counts per rule only.
 */
import { type Actor, assertCan } from '../access/index.ts';
import type { Queryable } from '../db/index.ts';
import { addMonths, type IsoDate, todayIso } from '../domain/index.ts';
import { listPlacements, type PlacementView } from '../registry/index.ts';
import { parametersAt } from '../rules/index.ts';
import { dataRuleHits, type RecordKind, riskRuleData } from './risk-rules.ts';

export interface RiskHit {
  rule: string;
  organisation: { id: string; name: string };
  /** Pseudonym. */
  person: string | null;
  reason: string;
  records: { kind: RecordKind; id: string }[];
  source: string;
  /** For opening an inspection dossier from the hit; never leaves the inspecteur's views. */
  personId?: string | null;
}

export interface RiskRule {
  id: string;
  label: string;
  reasoning: string;
  source: string;
}

export const RISK_RULES: readonly RiskRule[] = [
  {
    id: 'wes-langer-dan-maximum',
    label: 'Werkervaringsstage langer dan de gecumuleerde maximumduur',
    reasoning:
      'De gecumuleerde duur van werkervaringsstages in de sociale economie overschrijdt de maximumduur (wes.max_maanden_sociale_economie).',
    source: 'seeds/004_694cfc149f605398.txt:L2244-2246',
  },
  {
    id: 'ama-combinatie-te-lang',
    label: 'AMA gecombineerd met een andere maatregel langer dan toegelaten',
    reasoning:
      'AMA WSE loopt gelijktijdig met IBO, TWE, wijk-werken of collectief maatwerk langer dan ama-wse.max_maanden_combinatie.',
    source: 'seeds/004_694cfc149f605398.txt:L3391-3396',
  },
  // The knipperlichten of data/risk-rules.yaml (risk-rules.ts).
  ...riskRuleData().map((r) => ({ id: r.id, label: r.label, reasoning: r.reasoning, source: r.source })),
];

/** Signals the issue asks for that the seeds do not define: not computed. */
export const NOT_MODELLED: readonly { signal: string; why: string; source: string }[] = [
  {
    signal: 'AMA samen met VAPH-dagondersteuning',
    why: 'het register bevat geen VAPH-gegevens',
    source: 'seeds/004_694cfc149f605398.txt:L3484-3486',
  },
];

const COMBINABLE = ['ibo', 'twe', 'wijk-werken', 'collectief-maatwerk'];
const days = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000 + 1;

async function param(measure: string, name: string, date: string): Promise<number> {
  const p = (await parametersAt(measure, date)).find((x) => x.name === name);
  if (p?.value == null) throw new Error(`parameter ${measure}.${name} ontbreekt op ${date}`);
  return Number(p.value);
}

async function allPlacements(db: Queryable, actor: Actor, measure: string): Promise<PlacementView[]> {
  const out: PlacementView[] = [];
  for (let page = 1; ; page++) {
    const r = await listPlacements(db, actor, { measure, page, pageSize: 500 });
    out.push(...r.items);
    if (out.length >= r.total || r.items.length === 0) return out;
  }
}

/** All hits as of a date (ongoing placements count until then). */
export async function riskHits(
  db: Queryable,
  actor: Actor,
  filter: { rule?: string | undefined; asOf?: string | undefined } = {},
): Promise<RiskHit[]> {
  assertCan(actor, 'inspection:handle');
  const asOf = filter.asOf ?? todayIso(new Date());
  const want = (id: string) => !filter.rule || filter.rule === id;
  const hits: RiskHit[] = [];
  const endOf = (p: PlacementView) => (p.end && p.end < asOf ? p.end : asOf);
  if (want('wes-langer-dan-maximum')) {
    const max = await param('wes', 'max_maanden_sociale_economie', asOf);
    const byPerson = new Map<string, PlacementView[]>();
    for (const p of await allPlacements(db, actor, 'wes'))
      byPerson.set(p.person.id, [...(byPerson.get(p.person.id) ?? []), p]);
    for (const ps of byPerson.values()) {
      ps.sort((a, b) => a.start.localeCompare(b.start));
      const total = ps.reduce((s, p) => s + days(p.start, endOf(p)), 0);
      // The limit in days: max months counted from the first start (calendar months).
      const limit = days(ps[0]!.start, addMonths(ps[0]!.start as IsoDate, max)) - 1;
      if (total > limit)
        hits.push({
          rule: 'wes-langer-dan-maximum',
          organisation: { id: ps.at(-1)!.organisation.id, name: ps.at(-1)!.organisation.name },
          person: ps[0]!.person.pseudonym,
          personId: ps[0]!.person.id,
          reason: `${total} dagen werkervaringsstage, maximum ${max} maanden (${limit} dagen)`,
          records: ps.map((p) => ({ kind: 'placement', id: p.id })),
          source: RISK_RULES[0]!.source,
        });
    }
  }
  if (want('ama-combinatie-te-lang')) {
    const max = await param('ama-wse', 'max_maanden_combinatie', asOf);
    const others = (await Promise.all(COMBINABLE.map((m) => allPlacements(db, actor, m)))).flat();
    for (const a of await allPlacements(db, actor, 'ama-wse')) {
      for (const o of others.filter((x) => x.person.id === a.person.id)) {
        const from = a.start > o.start ? a.start : o.start;
        const to = endOf(a) < endOf(o) ? endOf(a) : endOf(o);
        if (to < from) continue;
        if (to >= addMonths(from as IsoDate, max))
          hits.push({
            rule: 'ama-combinatie-te-lang',
            organisation: { id: a.organisation.id, name: a.organisation.name },
            person: a.person.pseudonym,
            personId: a.person.id,
            reason: `AMA samen met ${o.measure} van ${from} tot ${to}, langer dan ${max} maanden`,
            records: [a, o].map((p) => ({ kind: 'placement', id: p.id })),
            source: RISK_RULES[1]!.source,
          });
      }
    }
  }
  hits.push(...(await dataRuleHits(db, actor, asOf, want)));
  return hits;
}

/** Counts per rule: what an analist may see. */
export async function riskCounts(
  db: Queryable,
  actor: Actor,
  asOf?: string,
): Promise<{ rule: string; count: number }[]> {
  assertCan(actor, 'inspection:report');
  // The hits are computed with the system's reading rights; only the counts leave this function.
  const hits = await riskHits(db, { ...actor, roles: ['inspecteur'] }, { asOf });
  return RISK_RULES.map((r) => ({ rule: r.id, count: hits.filter((h) => h.rule === r.id).length }));
}
