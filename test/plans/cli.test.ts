/**
 * `npx trede plans …` in-process on a fresh embedded database: the JSON shapes of list, summary
 * and check, and a status change through the CLI that the summary then shows.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { findingSchema, listItemSchema, summarySchema } from '../../src/plans/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'trede-plans-cli-'));
const saved = process.env['TREDE_DATA_DIR'];

async function trede(...args: string[]) {
  let out = '';
  let err = '';
  const code = await main(['node', 'trede', ...args], {
    out: (s) => {
      out += s;
    },
    err: (s) => {
      err += s;
    },
  });
  return { code, out, err };
}

describe('trede plans', () => {
  beforeAll(() => {
    process.env['TREDE_DATA_DIR'] = dir;
  });
  afterAll(() => {
    if (saved === undefined) delete process.env['TREDE_DATA_DIR'];
    else process.env['TREDE_DATA_DIR'] = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists [{ id, project, level, title, status, timing, source }] with filters', async () => {
    const r = await trede(
      'plans',
      'list',
      '--project',
      'BP1',
      '--status',
      'Gerealiseerd',
      '--format',
      'json',
    );
    expect(r.code, r.err).toBe(0);
    const items = listItemSchema.array().parse(JSON.parse(r.out));
    expect(items).toHaveLength(25); // BP1/OD1: 25 Gerealiseerd (notes §3)
    expect(Object.keys(items[0]!)).toEqual(['id', 'project', 'level', 'title', 'status', 'timing', 'source']);
    expect(items.filter((i) => i.status?.asterisk)).toHaveLength(8); // of which 8 with *
    const q = await trede('plans', 'list', '--quarter', '2023-Q2', '--project', 'BP1', '--format', 'json');
    const q2 = listItemSchema.array().parse(JSON.parse(q.out));
    expect(q2.every((i) => i.timing?.quarters.includes('2023-Q2'))).toBe(true);
  }, 120_000);

  it('changes a status and shows it in the summary; prints the check', async () => {
    const before = summarySchema.parse(
      JSON.parse((await trede('plans', 'summary', '--as-of', '2023-05-15', '--format', 'json')).out),
    );
    expect(before.plan.status2022['Loopt met vertraging']!.count).toBe(31);
    const s = await trede('plans', 'status', 'M0333', '--status', 'Gerealiseerd', '--reason', 'Afgerond');
    expect(s.code, s.err).toBe(0);
    const after = summarySchema.parse(
      JSON.parse((await trede('plans', 'summary', '--as-of', '2023-05-15', '--format', 'json')).out),
    );
    expect(after.plan.status2022['Loopt met vertraging']!.count).toBe(30); // 31 − M0333
    expect(after.plan.status2022['Gerealiseerd']!.count).toBe(325); // 324 + M0333
    const bad = await trede('plans', 'status', 'M0333', '--status', 'Klaar', '--reason', 'Afgerond');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('status');
    const c = await trede('plans', 'check', '--format', 'json');
    expect(
      findingSchema
        .array()
        .parse(JSON.parse(c.out))
        .some((f) => !f.ok),
    ).toBe(true);
  }, 120_000);
});
