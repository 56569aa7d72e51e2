/**
 * Small-cell protection of registry ladders in open data (issue 16 "Confidentiality").
 *
 * Method: primary suppression by a minimum-frequency rule, then secondary suppression with the
 * hierarchical heuristic that τ-ARGUS and sdcTable apply to linked hierarchical tables
 * (τ-ARGUS user manual, "Hypercube/GHMITER": every table relation T = Σ parts must have no
 * suppressed cell or at least two; sdcTable `protectTable(method = "SIMPLEHEURISTIC")`):
 *
 * 1. Primary: every cell — measure, subtotal, rung and total alike — with 1 to min−1 persons
 *    (`counting.yaml` suppression.min_persons) is hidden. Zero is not sensitive and stays.
 * 2. Secondary: for every relation of the ladder (an aggregate and its direct parts) with exactly
 *    one hidden cell, one more part is hidden: the smallest non-zero published part (the least
 *    information lost, as both tools prefer by default); when no part is left, the aggregate
 *    itself. This repeats until no relation has a single hidden cell, so no hidden cell follows
 *    from its published neighbours by subtraction, in any relation, at any level.
 *
 * Relations: an aggregate of Tabel 39 equals the sum of its direct parts (measures and
 * aggregates below it). Where an aggregate counts SINE at its catalogue weight (40 %) and a part
 * counts it in full ("Individuele inschakeling (SINE voor 100 %)"), the SINE measure is one more
 * part of that relation, since the difference between the two is a multiple of it.
 *
 * Not done (a statistician's choice Trede does not make for the user): optimal suppression
 * patterns (τ-ARGUS "Optimal", sdcTable "OPT"), protection intervals (upper/lower protection
 * levels), and links between the ladders of different regions or years.
 */
import type { Ladder } from './ladder.ts';
import { TABEL_39 } from './reference.ts';

const AGGREGATE_ROWS = TABEL_39.rows.filter((r) => r.kind === 'aggregate');
const FULL_WEIGHT = new Set(AGGREGATE_ROWS.filter((r) => r.sine_weight === 'full').map((r) => r.id));
const ROW_PARENT = new Map(TABEL_39.rows.map((r) => [r.id, r.parent]));

interface Cell {
  id: string;
  /** Persons as published (rounded); null = not part of the table (no value). */
  value: number | null;
  hidden: boolean;
}

interface Relation {
  total: string;
  parts: string[];
}

const leafId = (measure: string) => `m:${measure}`;

/** The relations of a ladder: each aggregate with its direct parts. */
export function ladderRelations(ladder: Ladder): Relation[] {
  const parts = new Map<string, Set<string>>(ladder.subtotals.map((s) => [s.id, new Set<string>()]));
  for (const s of ladder.subtotals) {
    if (s.id === 'totaal') continue;
    const parent = s.parent ?? 'totaal';
    parts.get(parent)?.add(s.id);
  }
  for (const m of ladder.measures) {
    const parent = ROW_PARENT.get(m.measure) ?? `trede-${m.rung}`;
    parts.get(parent)?.add(leafId(m.measure));
    // A part counting this measure in full under an aggregate that weights it: it joins the relation.
    if (m.weight !== 1) {
      let child: string | null = parent;
      while (child && child !== 'totaal') {
        const up: string = ROW_PARENT.get(child) ?? 'totaal';
        if (FULL_WEIGHT.has(child) && !FULL_WEIGHT.has(up)) parts.get(up)?.add(leafId(m.measure));
        child = up;
      }
    }
  }
  return [...parts].filter(([, p]) => p.size > 0).map(([total, p]) => ({ total, parts: [...p] }));
}

/** Which cells to hide: primary (1 to min−1 persons) and secondary (see the method above). */
export function suppressionPattern(ladder: Ladder, minPersons: number): Set<string> {
  const cells = new Map<string, Cell>();
  const add = (id: string, value: number | null) =>
    cells.set(id, { id, value, hidden: value !== null && value > 0 && value < minPersons });
  for (const m of ladder.measures) add(leafId(m.measure), m.state === 'value' ? m.value : null);
  for (const s of ladder.subtotals) add(s.id, s.value);
  const relations = ladderRelations(ladder);
  for (let changed = true; changed; ) {
    changed = false;
    for (const r of relations) {
      const members = [r.total, ...r.parts]
        .map((id) => cells.get(id))
        .filter((c): c is Cell => !!c && c.value !== null);
      if (members.filter((c) => c.hidden).length !== 1) continue;
      const candidates = members
        .filter((c) => c.id !== r.total && !c.hidden)
        .sort((a, b) => Number(a.value === 0) - Number(b.value === 0) || (a.value ?? 0) - (b.value ?? 0));
      const pick = candidates[0] ?? cells.get(r.total);
      if (pick && !pick.hidden) {
        pick.hidden = true;
        changed = true;
      }
    }
  }
  return new Set([...cells.values()].filter((c) => c.hidden).map((c) => c.id));
}

/** The ladder with the hidden cells emptied (value and every exact figure null). */
export function applySuppression(ladder: Ladder, minPersons: number): Ladder {
  const hidden = suppressionPattern(ladder, minPersons);
  if (hidden.size === 0) return ladder;
  const totalHidden = hidden.has('totaal');
  return {
    ...ladder,
    total: totalHidden ? null : ladder.total,
    totalExact: totalHidden ? null : ladder.totalExact,
    rungs: ladder.rungs.map((r) => (hidden.has(`trede-${r.rung}`) ? { ...r, total: null, exact: null } : r)),
    subtotals: ladder.subtotals.map((s) => (hidden.has(s.id) ? { ...s, value: null, exact: null } : s)),
    measures: ladder.measures.map((m) =>
      hidden.has(leafId(m.measure)) ? { ...m, value: null, counted: null, state: 'suppressed' } : m,
    ),
  };
}
