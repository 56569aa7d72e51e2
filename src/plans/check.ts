/**
 * `plans check`: the counts the text states against the loaded items, the milestones printed in
 * two projects (do their statuses agree?), stale cross-references, project statuses that the item
 * statuses contradict, and the corrections made to the note. Findings, never silent fixes.
 */
import type { EffectivePlan } from './events.ts';
import { referencePlan, seedRef } from './load.ts';
import type { Finding, MilestoneView } from './schema.ts';

const statusText = (m: MilestoneView | undefined) =>
  m?.status ? `${m.status.label}${m.status.asterisk ? '*' : ''}` : 'geen status';

export function checkPlan(plan: EffectivePlan): Finding[] {
  const { data } = referencePlan();
  const items = plan.milestones.filter((m) => !m.container);
  const has = (project: string, table: '2022' | '2023') =>
    items.some((m) => m.project === project && m.table.startsWith(table));
  const policy = data.projects.filter((p) => p.kind === 'beleidsproject');
  const org = data.projects.filter((p) => p.kind === 'organisatieproject');
  const counts: Record<string, number> = {
    'policy-projects': policy.length,
    'policy-projects-with-2022-items': policy.filter((p) => has(p.id, '2022')).length,
    'organisation-projects-with-2022-items': org.filter((p) => has(p.id, '2022')).length,
    'operational-goals': new Set(policy.map((p) => p.od)).size,
    'organisation-projects-in-table-2': org.filter((p) => p.table2 && /^L\d/.test(p.table2)).length,
    'organisation-project-sections': org.length,
  };
  const out: Finding[] = [];
  const f = (x: Omit<Finding, 'stated' | 'computed' | 'ids'> & Partial<Finding>) =>
    out.push({ stated: null, computed: null, ids: [], ...x });

  for (const c of data.claims) {
    const computed = counts[c.count];
    if (computed === undefined) throw new Error(`plan.yaml claim ${c.id}: onbekende telling ${c.count}`);
    const ods = policy.map((p) => p.od!).sort((a, b) => a - b);
    const gaps = c.count === 'operational-goals' ? missingNumbers(ods) : [];
    f({
      kind: 'claim',
      ok: computed === c.stated && gaps.length === 0,
      where: c.id,
      stated: c.stated,
      computed,
      message:
        `"${c.text}": de tekst zegt ${c.stated}, de gegevens tellen ${computed} (${c.count})` +
        (gaps.length ? `; de OD-nummering is niet aaneensluitend: OD ${gaps.join(', ')} ontbreken` : ''),
      source: seedRef(data, c.line),
    });
  }
  for (const p of org) {
    if (p.years?.['2023'] && !has(p.id, '2023'))
      f({
        kind: 'claim',
        ok: false,
        where: p.id,
        message: `Tabel 2 kruist ${p.title} aan voor 2023, maar hoofdstuk 6 heeft geen mijlpalen 2023 voor dit project${p.closed ? ` (afgerond in ${p.closed})` : ''}.`,
        source: seedRef(data, p.table2!),
      });
    const g = p.globalStatus2022;
    if (g && /gerealiseerd/i.test(g.text)) {
      const t22 = items.filter((m) => m.project === p.id && m.table !== '2023');
      const done = t22.filter((m) => m.status?.label === 'Gerealiseerd').length;
      const ok = /grotendeels/i.test(g.text) ? done * 2 > t22.length : done === t22.length;
      f({
        kind: 'global-status',
        ok,
        where: p.id,
        stated: null,
        computed: done,
        message: `${p.title}: "${g.text}", de mijlpalen 2022: ${done} van ${t22.length} gerealiseerd.`,
        source: seedRef(data, g.line),
      });
    }
  }
  for (const { ids, subject } of data.sameMilestone) {
    const [a, b] = ids.map((id) => plan.byId.get(id));
    const sa = a?.table === '2023' ? (a.timing?.text ?? 'geen timing') : statusText(a);
    const sb = b?.table === '2023' ? (b.timing?.text ?? 'geen timing') : statusText(b);
    f({
      kind: 'duplicate',
      ok: sa === sb,
      where: ids.join(' = '),
      ids: [...ids],
      message: `${subject}: ${ids[0]} (${a?.project}) ${sa}; ${ids[1]} (${b?.project}) ${sb}${sa === sb ? '' : ' – de twee projecten zijn het niet eens'}.`,
      source: [a?.source, b?.source].join(', '),
    });
  }
  const sections = new Set(data.projects.map((p) => p.section));
  for (const r of data.staleCrossRefs)
    f({
      kind: 'cross-ref',
      ok: false,
      where: r.line,
      message: `"${r.printed}" verwijst naar ${r.cited}${sections.has(r.cited) ? '' : ' (die sectie bestaat niet)'}; bedoeld is ${r.actual}.`,
      source: seedRef(data, r.line),
    });
  const listed = new Set(data.staleCrossRefs.map((r) => r.cited));
  for (const m of items)
    for (const ref of m.crossRef)
      for (const [s] of ref.matchAll(/\b\d\.\d\.\d+\b/g))
        if (!sections.has(s) && !listed.has(s))
          f({
            kind: 'cross-ref',
            ok: false,
            where: m.id,
            ids: [m.id],
            message: `${m.id} verwijst naar sectie ${s}, die niet bestaat ("${ref}").`,
            source: m.source,
          });
  for (const m of items)
    if (m.table !== '2023' && m.footnote?.trim().startsWith('*') && m.status && !m.status.asterisk)
      f({
        kind: 'asterisk-footnote',
        ok: false,
        where: m.id,
        ids: [m.id],
        message: `${m.id}: de voetnoot begint met een sterretje, maar de status "${m.status.label}" is zonder sterretje gedrukt; Trede houdt de status zoals gedrukt.`,
        source: m.statusSource ?? m.source,
      });
  for (const c of data.corrections)
    f({
      kind: 'correction',
      ok: true,
      where: c.id,
      message: `Notitie ${c.field} ${c.note} verbeterd naar ${c.seed}: ${c.why}.`,
      source: seedRef(data, c.seed.split(',')[0]!.trim()),
    });
  return out;
}

function missingNumbers(sorted: number[]): number[] {
  const out: number[] = [];
  for (let n = sorted[0]!; n <= sorted.at(-1)!; n++) if (!sorted.includes(n)) out.push(n);
  return out;
}
