import { describe, expect, it } from 'vitest';
import { budgetData, budgetShowSchema, showBudget } from '../../src/budget/index.ts';
import { main } from '../../src/cli/main.ts';

describe('budget show', () => {
  it('gives a programme with its ISEs and articles, amounts in euros', () => {
    const r = budgetShowSchema.parse(showBudget(budgetData(), { year: 2024, programme: 'JE' }));
    const je = r.rows.find((x) => x.level === 'programma' && x.credit === 'VAK' && x.stage === 'BU');
    expect(je?.amount).toBe(653_584_000); // computed from the articles; printed 653.583 (003:L128)
    expect(je?.source).toContain('seeds/003_041d48c097fadc86.txt:L128');
    const cmw = r.rows.find((x) => x.code === 'JB0-1JEC2HA-WT' && x.credit === 'VEK' && x.stage === 'BU');
    expect(cmw).toMatchObject({
      level: 'artikel',
      amount: 552_157_000,
      source: 'seeds/003_041d48c097fadc86.txt:L731',
    });
  });
  it('runs as `trede budget show --article … --format json`', async () => {
    let out = '';
    const io = {
      out: (s: string) => {
        out += s;
      },
      err: () => {},
    };
    const code = await main(
      [
        'node',
        'trede',
        'budget',
        'show',
        '--year',
        '2021',
        '--article',
        'JB0-1JDB2CA-WT',
        '--format',
        'json',
      ],
      io,
    );
    expect(code).toBe(0);
    const parsed = budgetShowSchema.parse(JSON.parse(out));
    expect(parsed.rows).toHaveLength(6); // VAK/VEK × 2e BA / 2e BA-JR / BU (000:L2140)
    expect(parsed.rows.find((x) => x.credit === 'VAK' && x.stage === 'BU')?.amount).toBe(458_323_000);
  });
});
