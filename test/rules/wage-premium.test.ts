import { describe, expect, it } from 'vitest';
import { measure, population, REFERENCE } from '../../bench/wage-premium.bench.ts';
import { calculate, calculateBatch } from '../../src/rules/index.ts';

describe('the wage-premium benchmark (../shared/bench/wage-premium.md)', () => {
  it.each([10_000, 100_000])('the batch engine reproduces the reference total for N=%i', (n) => {
    const r = calculateBatch(measure, '2024-01-01', population(n), n);
    let paid = 0;
    for (let i = 0; i < n; i++) if (r.amounts[i]! > 0) paid++;
    expect({ paid, total: r.total }).toEqual(REFERENCE[n]);
  });

  it('gives one person the same amount in batch and with the trace', () => {
    // The first person who is paid: reference_wage × fte × 40 % (the rate from 2023-07-01).
    const cols = population(50);
    const batch = calculateBatch(measure, '2024-01-01', cols, 50);
    const i = [...batch.amounts].findIndex((a) => a > 0);
    const facts = {
      age: cols.age[i],
      months_jobseeker: cols.months_jobseeker[i],
      hours_per_week: cols.hours_per_week[i],
      fte: cols.fte[i],
      reference_wage: cols.reference_wage[i]! / 100,
    };
    const r = calculate(measure, '2024-01-01', facts, { ruleset: { version: 'test', hash: '' } });
    expect(r.amount).toBe(Math.round(facts.reference_wage * 100 * facts.fte! * 0.4) / 100);
    expect(Math.round(r.amount! * 100)).toBe(batch.amounts[i]);
  });
});
