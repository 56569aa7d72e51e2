/**
 * The rule set's own tests, generated from the data: every scenario in every measure's tests.yaml
 * runs as a test named after its rule; the catalogue is checked as a whole (links, citations,
 * scenarios on both sides of every dated change).
 */
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../domain/index.ts';
import { catalogue } from './catalogue.ts';
import { calculate, type LoadedMeasure, type TraceEntry } from './engine/index.ts';

const cat = await catalogue();

function traceValue(trace: TraceEntry[], name: string): unknown {
  const hits = trace.filter((t) => t.name === name);
  if (hits.length === 0) return Symbol.for('absent');
  const t = hits.at(-1)!;
  return t.kind === 'condition' ? t.holds : t.value;
}

for (const m of cat.measures.filter((x) => x.scenarios.length > 0)) {
  describe(`${m.id}: ${m.meta.name}`, () => {
    for (const s of m.scenarios) {
      it(s.name, () => {
        const overrides = (s.reform ?? []).map((o) => ({
          parameter: o.parameter,
          validFrom: o.valid_from as never,
          value: o.value,
        }));
        let r: ReturnType<typeof calculate>;
        try {
          r = calculate(m, s.date, s.facts, { overrides, ruleset: cat.ruleset });
        } catch (e) {
          if (s.expect.error && isDomainError(e)) {
            expect(e.code).toBe(s.expect.error);
            return;
          }
          throw e;
        }
        expect(s.expect.error, 'a refusal was expected').toBeUndefined();
        if (s.expect.eligible !== undefined) expect(r.eligible, 'eligible').toBe(s.expect.eligible);
        if (s.expect.amount !== undefined) expect(r.amount, 'amount (EUR)').toBe(s.expect.amount);
        if (s.expect.outputs) expect(r.outputs).toMatchObject(s.expect.outputs);
        for (const [name, value] of Object.entries(s.expect.trace ?? {})) {
          expect(traceValue(r.trace, name), `trace '${name}'`).toEqual(value);
        }
        for (const text of s.expect.reasons ?? []) {
          expect(
            r.reasons.some((reason) => reason.includes(text)),
            `a reason contains '${text}' in ${JSON.stringify(r.reasons)}`,
          ).toBe(true);
        }
        // Reasons reach users: dates and numbers as the decrees write them, not ISO or a decimal point.
        for (const reason of r.reasons) {
          expect(reason, 'no ISO date in a reason').not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
          expect(reason, 'no decimal point in a reason').not.toMatch(/\b\d+\.\d+ (uur|maanden|dagen|jaar)\b/);
        }
        expect(r.sources.length).toBeGreaterThan(0);
      });
    }
  });
}

/** Every dated change a formula depends on has a scenario the day before and one on or after it. */
function uncoveredBoundaries(m: LoadedMeasure): string[] {
  const formula = m.formula;
  if (!formula) return [];
  const boundaries = new Set<string>();
  for (const v of formula.versions) {
    boundaries.add(v.from);
    if (v.until) boundaries.add(nextDay(v.until));
  }
  for (const s of m.parameters.values()) for (const v of s.values.slice(1)) boundaries.add(v.validFrom);
  const dates = m.scenarios.filter((s) => !s.reform && !s.expect.error).map((s) => s.date);
  return [...boundaries]
    .filter((b) => !(dates.some((d) => d < b) && dates.some((d) => d >= b)))
    .map((b) => `${m.id}: geen scenario vóór én vanaf ${b}`);
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

describe('the catalogue', () => {
  it('loads every measure with valid, cited data', () => {
    expect(cat.measures.length).toBeGreaterThan(0);
    for (const m of cat.measures) expect(m.meta.sources.length, m.id).toBeGreaterThan(0);
  });

  it('has scenarios on both sides of every dated change a formula uses', () => {
    expect(cat.measures.flatMap(uncoveredBoundaries)).toEqual([]);
  });

  it('lists what it does not model for every measure without a formula', () => {
    const silent = cat.measures
      .filter((m) => !m.formula && m.meta.not_modelled.length === 0)
      .map((m) => m.id);
    expect(silent).toEqual([]);
  });

  it('has a worked-out entry for every measure: no placeholder text remains', () => {
    const placeholders = cat.measures
      .filter((m) => /nog uit te werken|nog niet uitgewerkt/.test(JSON.stringify(m.meta)))
      .map((m) => m.id);
    expect(placeholders).toEqual([]);
  });

  it('has well over 60 entries, with the ids other modules rely on', () => {
    expect(cat.measures.length).toBeGreaterThan(60);
    const fixed = [
      'vop',
      'sine',
      'lde',
      'wijk-werken',
      'ama',
      'ama-wse',
      'activeringstraject',
      'bvs',
      'ibo',
      'collectief-maatwerk',
      'individueel-maatwerk',
      'aanwervingsincentive',
      'starterslabo',
      'transitiepremie',
    ];
    expect(fixed.filter((id) => !cat.get(id))).toEqual([]);
    // The calculation contract: these five compute an amount.
    for (const id of [
      'aanwervingsincentive',
      'ama-wse',
      'activeringstraject',
      'starterslabo',
      'transitiepremie',
    ])
      expect(cat.get(id)?.formula?.amount, id).toBeDefined();
  });

  it('records a ruleset version and content hash', () => {
    expect(cat.ruleset.version).toMatch(/^\d{4}\.\d+\.\d+$/);
    expect(cat.ruleset.hash).toMatch(/^[0-9a-f]{64}$/);
  });
});
