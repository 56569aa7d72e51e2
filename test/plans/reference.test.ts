/**
 * The counts of notes/spec-plans.md §3, computed from the loaded items (not read from the note):
 * 405 milestone items in the 2022 tables (76 bijkomend), 324 realised of which 125 with an
 * asterisk, 351 items in the 2023 tables, and every project's row of the note's table.
 */
import { describe, expect, it } from 'vitest';
import {
  checkPlan,
  type EffectivePlan,
  parseTiming,
  referencePlan,
  STATUS_LABELS,
  summarize,
} from '../../src/plans/index.ts';
import { catalogue } from '../../src/rules/index.ts';

const ref = referencePlan();
const plan: EffectivePlan = {
  milestones: ref.milestones,
  byId: new Map(ref.milestones.map((m) => [m.id, m])),
};
const summary = summarize(plan, '2023-05-15');

// notes/spec-plans.md §3, columns: 2022 items | bijkomend | Gerealiseerd (of which *) | op schema |
// vertraging | in voorbereiding | on hold | stopgezet | geheroriënteerd | nvt | no status |
// containers 2022 | 2023 items | 2023 no timing | containers 2023
const NOTE_TABLE = `
BP1/OD1 | 26 | 7 | 25 (8) | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 1 | 0 | 16 | 0 | 0
BP2/OD2 | 13 | 4 | 13 (5) | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 10 | 0 | 0
BP3/OD5 | 23 | 11 | 21 (10) | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 1 | 1 | 20 | 2 | 5
BP4/OD6 | 33 | 7 | 29 (10) | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 3 | 4 | 24 | 1 | 6
BP5/OD7 | 3 | 0 | 3 (3) | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 2 | 0 | 1
BP6/OD8 | 29 | 6 | 28 (11) | 0 | 0 | 0 | 0 | 0 | 1 | 0 | 0 | 5 | 27 | 0 | 6
BP7/OD9 | 10 | 5 | 10 (2) | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 5 | 0 | 2
BP8/OD10 | 17 | 9 | 17 (6) | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 20 | 0 | 0
BP9/OD11 | 48 | 0 | 36 (6) | 0 | 7 | 0 | 0 | 3 | 1 | 0 | 1 | 24 | 52 | 0 | 6
BP10/OD12 | 52 | 5 | 43 (31) | 1 | 3 | 1 | 0 | 0 | 0 | 3 | 1 | 1 | 13 | 3 | 0
BP11/OD14 | 15 | 1 | 11 (4) | 0 | 2 | 0 | 0 | 0 | 2 | 0 | 0 | 1 | 12 | 0 | 1
BP12/OD15 | 19 | 1 | 18 (8) | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 1 | 30 | 0 | 5
BP13/OD16 | 9 | 0 | 9 (6) | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 1 | 23 | 1 | 2
BP14/OD17 | 13 | 6 | 12 (6) | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 11 | 1 | 0
BP15/OD18 | 19 | 8 | 14 (9) | 5 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 12 | 0 | 0
ORG-6.1.1a | 3 | 0 | 3 (0) | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0
ORG-6.1.1b | 2 | 0 | 1 (0) | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0
ORG-6.1.1c | 4 | 0 | 3 (0) | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 3 | 0 | 0
ORG-6.1.2 | 9 | 0 | 0 (0) | 5 | 2 | 0 | 2 | 0 | 0 | 0 | 0 | 0 | 11 | 0 | 1
ORG-6.1.3 | 18 | 3 | 8 (0) | 6 | 4 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 8 | 0 | 0
ORG-6.1.4 | 10 | 0 | 4 (0) | 0 | 4 | 0 | 1 | 0 | 1 | 0 | 0 | 0 | 11 | 0 | 2
ORG-6.1.5 | 12 | 3 | 7 (0) | 0 | 3 | 0 | 1 | 1 | 0 | 0 | 0 | 0 | 8 | 0 | 0
ORG-6.1.6 | 0 | 0 | 0 (0) | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 4 | 0 | 0
ORG-6.1.7 | 18 | 0 | 9 (0) | 1 | 5 | 1 | 1 | 0 | 1 | 0 | 0 | 0 | 14 | 0 | 0
ORG-6.1.8 | 0 | 0 | 0 (0) | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 7 | 0 | 0
HR-8.2 | 0 | 0 | 0 (0) | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 3 | 0 | 0
HR-8.3 | 0 | 0 | 0 (0) | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 2 | 0 | 0
HR-8.4 | 0 | 0 | 0 (0) | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 3 | 0 | 0`;

const COLUMNS = [
  'Loopt op schema',
  'Loopt met vertraging',
  'In voorbereiding',
  'On hold',
  'Stopgezet',
  'Geheroriënteerd',
  'Nvt',
];

describe('the reference plan counts as the note states', () => {
  it('has 831 records: 405 + 38 containers in the 2022 tables, 351 + 37 in the 2023 tables', () => {
    const m = ref.milestones;
    expect(m).toHaveLength(831);
    const t22 = m.filter((x) => x.table !== '2023');
    const t23 = m.filter((x) => x.table === '2023');
    expect([t22.filter((x) => !x.container).length, t22.filter((x) => x.container).length]).toEqual([
      405, 38,
    ]);
    expect([t23.filter((x) => !x.container).length, t23.filter((x) => x.container).length]).toEqual([
      351, 37,
    ]);
    // 405 + 38 + 351 + 37 = 831
  });

  it('rolls the plan up to 405 items, 76 bijkomend, 324 realised (125 *), 7 without status, 351 in 2023', () => {
    const p = summary.plan;
    expect(p.items2022).toBe(405);
    expect(p.bijkomend).toBe(76);
    expect(p.status2022['Gerealiseerd']).toEqual({ count: 324, asterisk: 125, share: 80 }); // 324/405 = 80.0 %
    // 324 + 31 + 21 + 6 + 6 + 4 + 3 + 3 = 398 with a status; 398 + 7 = 405
    expect(STATUS_LABELS.map((s) => p.status2022[s]!.count)).toEqual([324, 21, 31, 3, 6, 4, 6, 3]);
    expect(p.noStatus2022).toBe(7);
    expect(p.items2023).toBe(351);
    expect(p.noTiming2023).toBe(8);
  });

  it('gives every project the row of the note’s table', () => {
    const rows = NOTE_TABLE.trim().split('\n');
    expect(rows).toHaveLength(summary.projects.length);
    for (const row of rows) {
      const [id, ...cells] = row.split('|').map((c) => c.trim());
      const [items, bijkomend, realised, ...rest] = cells;
      const [done, star] = /^(\d+) \((\d+)\)$/.exec(realised!)!.slice(1).map(Number);
      const n = rest.map(Number);
      const p = summary.projects.find((x) => x.id === id)!;
      const containers = (table: '2022' | '2023') =>
        ref.milestones.filter((m) => m.project === id && m.container && m.table.startsWith(table)).length;
      const got = [
        p.rollup.items2022,
        p.rollup.bijkomend,
        p.rollup.status2022['Gerealiseerd']!.count,
        p.rollup.status2022['Gerealiseerd']!.asterisk,
        ...COLUMNS.map((s) => p.rollup.status2022[s]!.count),
        p.rollup.noStatus2022,
        containers('2022'),
        p.rollup.items2023,
        p.rollup.noTiming2023,
        containers('2023'),
      ];
      expect(got, id).toEqual([Number(items), Number(bijkomend), done, star, ...n]);
    }
  });

  it('rolls up per goal: SBD1 = Activering (werk, SE) + Thema-overschrijdend (000:L974-977, L6125-6128, L4451-4455)', () => {
    const g = summary.goals.find((x) => x.id === 'SBD1')!;
    expect(g.projects).toEqual([
      'BP1/OD1',
      'BP2/OD2',
      'BP3/OD5',
      'BP8/OD10',
      'BP9/OD11',
      'BP10/OD12',
      'BP13/OD16',
      'BP14/OD17',
    ]);
    // 26 + 13 + 23 + 17 + 48 + 52 + 9 + 13 = 201 items in the 2022 tables;
    // realised 25 + 13 + 21 + 17 + 36 + 43 + 9 + 12 = 176
    expect(g.rollup.items2022).toBe(201);
    expect(g.rollup.status2022['Gerealiseerd']!.count).toBe(176);
    expect(g.rollup.status2022['Gerealiseerd']!.share).toBe(87.6); // 176/201 = 87.562… %
  });

  it('lists late milestones and what is due in the quarter of the given date', () => {
    // 2023-05-15 is in 2023-Q2: 2023/Q1 items (not realised in Trede) are late, 2022 items that
    // are not closed are late (A-PLANS-2), doorlopend never.
    expect(summary.quarter).toBe('2023-Q2');
    const late = new Set(summary.plan.late);
    expect(late.has('M0333')).toBe(true); // Loopt met vertraging in 2022 (L3745)
    expect(late.has('M0001')).toBe(false); // Gerealiseerd
    expect(late.has(ref.milestones.find((m) => m.timing?.text === '2023/Q1')!.id)).toBe(true);
    expect(ref.milestones.filter((m) => m.timing?.kind === 'doorlopend').some((m) => late.has(m.id))).toBe(
      false,
    );
    const due = summary.plan.dueThisQuarter.map((id) => plan.byId.get(id)!);
    expect(due.length).toBeGreaterThan(0);
    expect(due.every((m) => m.timing!.quarters.includes('2023-Q2'))).toBe(true);
  });
});

describe('timing cells', () => {
  it('parses every printed timing to the quarters the note gives', () => {
    let n = 0;
    for (const r of ref.records) {
      if (!r.timing || !r.quarters) continue;
      expect(parseTiming(r.timing, 2023).quarters, `${r.id} ${r.timing}`).toEqual(r.quarters);
      n++;
    }
    expect(n).toBe(309); // 343 timings − 31 doorlopend − 2 ad hoc − 1 vanaf (no quarter list) = 309
  });
  it('structures ranges, lists, open and continuous timings', () => {
    expect(parseTiming('2023/Q1-4', 2023)).toMatchObject({ kind: 'range', from: '2023-Q1', to: '2023-Q4' });
    expect(parseTiming('2023/Q1 – Q2', 2023)).toMatchObject({
      kind: 'range',
      quarters: ['2023-Q1', '2023-Q2'],
    });
    expect(parseTiming('2023/Q2 en Q4', 2023)).toMatchObject({
      kind: 'list',
      quarters: ['2023-Q2', '2023-Q4'],
    });
    expect(parseTiming('2023/vanaf Q4', 2023)).toMatchObject({ kind: 'from', from: '2023-Q4', to: null });
    expect(parseTiming('doorlopend in 2023', 2023)).toMatchObject({ kind: 'doorlopend', quarters: [] });
    expect(parseTiming('Q1', 2023)).toMatchObject({ kind: 'quarter', quarters: ['2023-Q1'] });
    expect(() => parseTiming('later', 2023)).toThrow(/geen timing/);
  });
});

describe('links and check', () => {
  it('links only measures of the rules catalogue, each named in the title', async () => {
    const ids = new Set((await catalogue()).measures.map((m) => m.id));
    const kw = ref.data.measureKeywords;
    let links = 0;
    for (const m of ref.milestones)
      for (const l of m.measures) {
        links++;
        expect(ids.has(l.id), l.id).toBe(true);
        expect(
          kw.some((k) => k.measure === l.id && new RegExp(k.pattern, k.flags).test(m.title)),
          `${m.id} ${l.id}`,
        ).toBe(true);
      }
    expect(links).toBeGreaterThan(100);
    const jobbonus = ref.milestones.find((m) => m.id === 'M0005')!;
    expect(jobbonus.measures.map((x) => x.id)).toEqual(['jobbonus']);
  });

  it('flags the stated counts that disagree, the duplicates that conflict and the stale references', () => {
    const f = checkPlan(plan);
    const bad = (kind: string) => f.filter((x) => x.kind === kind && !x.ok).map((x) => x.where);
    expect(bad('claim')).toEqual([
      'organisatieprojecten-2022', // "7" (L61) vs 8 with 2022 tables
      'operationele-doelstellingen', // 15 ✓ but OD 3, 4, 13 missing
      'organisatieprojecten-hoofdstuk-6', // Table 2: 9 rows, chapter 6: 10 sections
      'ORG-6.1.1a', // Werkbaar Werk "X" for 2023 but closed in 2022
    ]);
    expect(f.find((x) => x.where === 'organisatieprojecten-2022')).toMatchObject({ stated: 7, computed: 8 });
    expect(bad('duplicate')).toEqual([
      'M0335 = M0509',
      'M0331 = M0508',
      'M0501 = M0817',
      'M0502 = M0818',
      'M0503 = M0819',
    ]);
    expect(bad('cross-ref')).toEqual(['L4685', 'L4693', 'L4700', 'L4708', 'L4709', 'L5035']);
    expect(bad('global-status')).toEqual(['ORG-6.1.1b', 'ORG-6.1.1c', 'ORG-6.1.2', 'ORG-6.1.7']);
    expect(bad('asterisk-footnote')).toContain('M0009');
  });
});
