import { beforeAll, expect, it } from 'vitest';
import { type Actor, systemActor } from '../../src/access/index.ts';
import { execute } from '../../src/commands/index.ts';
import { ForbiddenError } from '../../src/domain/index.ts';
import { riskCounts, riskHits } from '../../src/inspection/index.ts';
import { createPerson, createPlacement } from '../../src/registry/index.ts';
import { inszFor } from '../registry/support.ts';
import { describeEachDb } from '../support/db.ts';
import { admin, makeOrganisation } from '../support/factories.ts';

const as = (role: Actor['roles'][number]): Actor => ({ ...systemActor('api'), kind: 'user', roles: [role] });

describeEachDb('risk lists (knipperlichten)', ({ db }) => {
  let kbo: string;
  let n = 100;
  async function person(): Promise<string> {
    const insz = inszFor(n++);
    await execute(db(), createPerson, admin, { insz, firstName: 'Test', lastName: `P${n}` });
    return insz;
  }
  const place = (insz: string, measure: string, start: string, end: string, fte = 0.5) =>
    execute(db(), createPlacement, admin, { insz, kbo, measure, start, end, fte });

  beforeAll(async () => {
    const org = (await makeOrganisation(db(), { name: 'Maatwerk Risico' })) as { kbo: string };
    kbo = org.kbo;
  });

  it('gives no hit on a clean registry', async () => {
    // WES 2025-01-01..2025-12-31 = 365 days = exactly 12 months from the first start: no hit.
    await place(await person(), 'wes', '2025-01-01', '2025-12-31');
    // AMA with IBO 2025-01-01..2025-03-31: less than 3 months together (ends before 2025-04-01).
    const p = await person();
    await place(p, 'ama-wse', '2025-01-01', '2025-12-31');
    await place(p, 'ibo', '2025-01-01', '2025-03-31');
    expect(await riskHits(db(), as('inspecteur'), { asOf: '2026-06-30' })).toEqual([]);
  });

  it('hits each rule on a registry made for it, with the records and a pseudonym only', async () => {
    // WES 2025-01-01..2025-06-30 (181 d) + 2025-07-01..2026-01-31 (215 d) = 396 d > 365 d.
    const w = await person();
    await place(w, 'wes', '2025-01-01', '2025-06-30');
    await place(w, 'wes', '2025-07-01', '2026-01-31');
    // AMA with TWE 2025-02-01..2025-05-31: reaches 2025-05-01 = 3 months → hit.
    const a = await person();
    await place(a, 'ama-wse', '2025-01-01', '2025-12-31');
    await place(a, 'twe', '2025-02-01', '2025-05-31');
    const hits = await riskHits(db(), as('inspecteur'), { asOf: '2026-06-30' });
    expect(hits.map((h) => [h.rule, h.reason, h.records.length])).toEqual([
      ['wes-langer-dan-maximum', '396 dagen werkervaringsstage, maximum 12 maanden (365 dagen)', 2],
      ['ama-combinatie-te-lang', 'AMA samen met twe van 2025-02-01 tot 2025-05-31, langer dan 3 maanden', 2],
    ]);
    for (const h of hits) {
      expect(h.person).not.toMatch(/^\d{11}$/);
      expect(JSON.stringify(h)).not.toContain(w);
      expect(JSON.stringify(h)).not.toContain(a);
    }
    expect(
      (await riskHits(db(), as('inspecteur'), { rule: 'ama-combinatie-te-lang', asOf: '2026-06-30' })).length,
    ).toBe(1);
    expect((await riskCounts(db(), as('analist'), '2026-06-30')).slice(0, 2)).toEqual([
      { rule: 'wes-langer-dan-maximum', count: 1 },
      { rule: 'ama-combinatie-te-lang', count: 1 },
    ]);
    await expect(riskHits(db(), as('analist'))).rejects.toThrow(ForbiddenError);
    await expect(riskHits(db(), as('werkgever'))).rejects.toThrow(ForbiddenError);
    await expect(riskCounts(db(), as('werkgever'))).rejects.toThrow(ForbiddenError);
  });
});
