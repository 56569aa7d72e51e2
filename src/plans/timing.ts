/**
 * Printed timing cells of the 2023 tables ("2023/Q1-Q2", "2023/Q2 en Q4", "doorlopend in 2023",
 * "Ad hoc", "2023/vanaf Q4", a bare "Q1" …) as structured values. Pure; the quarters of a
 * reference item must equal the note's `timing_parsed` (test/plans/timing.test.ts).
 */
import { ValidationError } from '../domain/index.ts';
import type { Timing } from './schema.ts';

const q = (year: number, n: number) => `${year}-Q${n}`;

export function parseTiming(text: string, defaultYear: number): Timing {
  const t = text.trim();
  if (/doorlopend/i.test(t)) return { kind: 'doorlopend', quarters: [], from: null, to: null, text: t };
  if (/^ad hoc$/i.test(t)) return { kind: 'ad hoc', quarters: [], from: null, to: null, text: t };
  const year = Number(/(\d{4})/.exec(t)?.[1] ?? defaultYear);
  const rest = t.replace(/\d{4}\s*\//, '').replace(/[–—]/g, '-');
  const from = /vanaf\s*Q([1-4])/i.exec(rest);
  if (from)
    return {
      kind: 'from',
      quarters: [q(year, Number(from[1]))],
      from: q(year, Number(from[1])),
      to: null,
      text: t,
    };
  const set = new Set<number>();
  let ranges = 0;
  const withoutRanges = rest.replace(/Q([1-4])\s*-\s*Q?([1-4])/gi, (_m, a: string, b: string) => {
    ranges++;
    for (let n = Number(a); n <= Number(b); n++) set.add(n);
    return ' ';
  });
  let singles = 0;
  for (const m of withoutRanges.matchAll(/Q([1-4])/gi)) {
    singles++;
    set.add(Number(m[1]));
  }
  if (set.size === 0)
    throw new ValidationError([
      { path: 'timing', message: `'${t}' is geen timing (bv. 2023/Q2, 2023/Q1-Q2, doorlopend, ad hoc)` },
    ]);
  const quarters = [...set].sort().map((n) => q(year, n));
  const kind = ranges === 1 && singles === 0 ? 'range' : ranges === 0 && singles === 1 ? 'quarter' : 'list';
  return { kind, quarters, from: quarters[0]!, to: quarters.at(-1)!, text: t };
}

/** Quarters compare as strings (`2023-Q1` < `2023-Q4` < `2024-Q1`). */
export function quarterOfDate(date: string): string {
  const [y, m] = date.split('-').map(Number);
  return q(y!, Math.floor((m! - 1) / 3) + 1);
}
