import { describe, expect, it } from 'vitest';
import { Conditions } from '../../src/db/index.ts';

describe('Conditions (the WHERE clause of a listing)', () => {
  it('numbers the parameters in order and skips filters that are not given', () => {
    const c = new Conditions()
      .add(['org-1'], (p) => `p.organisation_id = ANY(${p}::uuid[])`)
      .equal([
        ['p.person_id', undefined],
        ['p.measure', 'lde'],
        ['p.fte', null],
      ])
      .add('2019-12-31', (p) => `p.start_date <= ${p} AND (p.end_date IS NULL OR p.end_date >= ${p})`);
    expect(c.where).toBe(
      'WHERE p.organisation_id = ANY($1::uuid[]) AND p.measure = $2 AND p.start_date <= $3 AND (p.end_date IS NULL OR p.end_date >= $3)',
    );
    expect(c.params).toEqual([['org-1'], 'lde', '2019-12-31']);
  });

  it('is empty without conditions', () => {
    expect(new Conditions().where).toBe('');
  });
});
