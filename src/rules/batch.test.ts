/**
 * The batch path (a compiled kernel per formula version) gives exactly what the scalar path with
 * its trace gives, for every measure with a formula, found in the catalogue (a new measure is
 * covered without a line here): each scenario of its tests.yaml, all its scenarios together as one
 * population, and a random population drawn around the scenarios' values and the facts' ranges,
 * on every version's first day, the day before it and every scenario date. With all columns
 * given, and again with the columns of facts that have a default left out.
 */
import { describe, expect, it } from 'vitest';
import { random } from '../../test/support/random.ts';
import { type Cents, isIsoDate, money } from '../domain/index.ts';
import { catalogue } from './catalogue.ts';
import {
  type Column,
  calculate,
  calculateBatch,
  describeKernel,
  type FactDef,
  type LoadedMeasure,
  type ParameterOverride,
  parseFacts,
} from './engine/index.ts';

const cat = await catalogue();
const measures = cat.measures.filter((m) => m.formula);

const seedOf = (id: string) => [...id].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 7);

function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** A value for one fact: a scenario's value, one just beside it, or any value in the range. */
function drawFact(def: FactDef, seen: unknown[], r: () => number): unknown {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const lo = def.min ?? 0;
  const hi = def.max ?? lo + 200;
  const clamp = (x: number) => Math.min(hi, Math.max(lo, x));
  const known = seen.filter((v) => v !== undefined);
  const u = r();
  switch (def.type) {
    case 'boolean':
      return r() < 0.5;
    case 'choice':
      return pick(def.options ?? []);
    case 'date':
      return known.length && u < 0.7
        ? pick(known)
        : `20${10 + Math.floor(r() * 20)}-0${1 + Math.floor(r() * 9)}-15`;
    case 'integer':
    case 'number':
    case 'money': {
      const step = def.type === 'integer' ? 1 : def.type === 'money' ? 0.01 : 0.5;
      let x: number;
      if (known.length && u < 0.35) x = pick(known) as number;
      else if (known.length && u < 0.7) x = (pick(known) as number) + step * (Math.floor(r() * 5) - 2);
      else x = lo + Math.floor(r() * ((hi - lo) / step + 1)) * step;
      x = clamp(def.type === 'integer' ? Math.round(x) : Math.round(x / step) * step);
      return def.type === 'money' ? Math.round(x * 100) / 100 : x;
    }
  }
}

interface Row {
  raw: Record<string, unknown>;
  parsed: Record<string, unknown>;
}

function parsedRow(m: LoadedMeasure, raw: Record<string, unknown>): Row | null {
  try {
    return { raw, parsed: parseFacts(m.formula!, raw) };
  } catch {
    return null;
  }
}

function population(m: LoadedMeasure, n: number, r: () => number, dropDefaults: boolean): Row[] {
  const defs = m.formula!.facts as Record<string, FactDef>;
  const rows: Row[] = [];
  while (rows.length < n) {
    const raw: Record<string, unknown> = {};
    for (const [name, def] of Object.entries(defs)) {
      if (dropDefaults && def.default !== undefined) continue;
      raw[name] = drawFact(
        def,
        m.scenarios.map((s) => (s.facts as Record<string, unknown>)[name]),
        r,
      );
    }
    const row = parsedRow(m, raw);
    if (row) rows.push(row);
  }
  return rows;
}

/** Columns as the batch path takes them: one array per fact, money in cents. */
function columns(m: LoadedMeasure, rows: Row[], dropDefaults: boolean): Record<string, Column> {
  const defs = m.formula!.facts as Record<string, FactDef>;
  const out: Record<string, Column> = {};
  for (const [name, def] of Object.entries(defs)) {
    if (dropDefaults && def.default !== undefined) continue;
    const values = rows.map((row) => row.parsed[name]);
    out[name] =
      def.type === 'boolean'
        ? Uint8Array.from(values as boolean[], Number)
        : def.type === 'integer' || def.type === 'money' || def.type === 'number'
          ? Float64Array.from(values as number[])
          : (values as string[]);
  }
  return out;
}

type Outcome = { eligible: boolean; cents: number } | { error: string };

function scalar(m: LoadedMeasure, date: string, raw: unknown, overrides: ParameterOverride[]): Outcome {
  try {
    const r = calculate(m, date, raw, { overrides, ruleset: cat.ruleset });
    return { eligible: r.eligible, cents: r.amount === null ? 0 : Math.round(r.amount * 100) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

/** Compares the batch result over `rows` with the scalar result of each row. */
function expectSame(
  m: LoadedMeasure,
  date: string,
  rows: Row[],
  overrides: ParameterOverride[],
  dropDefaults: boolean,
): number {
  const expected = rows.map((row) => scalar(m, date, row.raw, overrides));
  const ok = rows.filter((_, i) => !('error' in expected[i]!));
  // A row the scalar path refuses is refused by the batch path too, with the same message.
  rows.forEach((row, i) => {
    const e = expected[i]!;
    if ('error' in e)
      expect(() => calculateBatch(m, date, columns(m, [row], dropDefaults), 1, overrides)).toThrow(e.error);
  });
  const okExpected = expected.filter((e) => !('error' in e)) as { eligible: boolean; cents: number }[];
  const b = calculateBatch(m, date, columns(m, ok, dropDefaults), ok.length, overrides);
  const got = okExpected.map((_, i) => ({ eligible: b.eligible[i] === 1, cents: b.amounts[i]! }));
  const firstDiff = okExpected.findIndex(
    (e, i) => e.eligible !== got[i]!.eligible || e.cents !== got[i]!.cents,
  );
  expect(
    firstDiff < 0
      ? null
      : { date, facts: ok[firstDiff]!.raw, scalar: okExpected[firstDiff], batch: got[firstDiff] },
  ).toBeNull();
  expect(b.total).toBe(okExpected.reduce((s, e) => s + e.cents, 0));
  expect(b.eligibleCount).toBe(okExpected.filter((e) => e.eligible).length);
  return ok.length;
}

const toOverrides = (list: { parameter: string; valid_from: string; value: unknown }[] = []) =>
  list.map((o) => ({ parameter: o.parameter, validFrom: o.valid_from as never, value: o.value }));

it('covers every measure with a formula, most of whose parts run inlined', () => {
  expect(measures.length).toBeGreaterThan(20);
  const parts = measures.flatMap((m) => m.formula!.versions.flatMap((v) => describeKernel(m, v.from)));
  const inlined = parts.filter((p) => p.inlined).length;
  // The rest call a helper of their module (listed with the reason by describeKernel).
  expect(inlined / parts.length).toBeGreaterThan(0.5);
});

for (const m of measures) {
  describe(`${m.id}: batch = scalair`, () => {
    it('every scenario of tests.yaml, one by one and as one population', () => {
      const rows: Row[] = [];
      for (const s of m.scenarios) {
        const row = parsedRow(m, (s.facts ?? {}) as Record<string, unknown>);
        if (!row || !isIsoDate(s.date)) continue; // scenarios of refused input test the scalar path only
        rows.push(row);
        expectSame(m, s.date, [row], toOverrides(s.reform), false);
      }
      expect(rows.length).toBeGreaterThan(0);
      for (const date of new Set(m.scenarios.map((s) => s.date).filter(isIsoDate)))
        expectSame(m, date, rows, [], false);
    });

    it('a random population around the scenarios, on every version boundary and scenario date', () => {
      const r = random(seedOf(m.id));
      const dates = new Set<string>();
      for (const v of m.formula!.versions) {
        dates.add(v.from);
        dates.add(dayBefore(v.from));
        if (v.until) dates.add(v.until);
      }
      for (const s of m.scenarios) if (isIsoDate(s.date)) dates.add(s.date);
      let compared = 0;
      for (const dropDefaults of [false, true]) {
        const rows = population(m, 150, r, dropDefaults);
        for (const date of dates) compared += expectSame(m, date, rows, [], dropDefaults);
      }
      expect(compared).toBeGreaterThan(0);
    });
  });
}

it('money.mulFactorRatio rounds once, half away from zero', () => {
  // 1.501 € × 0,375 VTE × 0,40 = 225,15 €; 2.001 € × 0,125 × 0,35 = 87,54375 € → 87,54 €.
  expect(money.mulFactorRatio(150100 as Cents, 0.375, { num: 40, den: 100 })).toBe(22515);
  expect(money.mulFactorRatio(200100 as Cents, 0.125, { num: 35, den: 100 })).toBe(8754);
  // A factor with more than six decimals takes the exact decimal path: 100 € × 0,0000005 × 1 = 0,00005 € → 0.
  expect(money.mulFactorRatio(10000 as Cents, 0.0000005, { num: 1, den: 1 })).toBe(0);
  expect(money.mulFactorRatio(-150100 as Cents, 0.375, { num: 40, den: 100 })).toBe(-22515);
});
