/**
 * Every item's lines checked against the seed text: the title's words appear in the cited lines,
 * the status cell (with or without its asterisk, as recorded) in the status line, the timing in the
 * timing line, the footnote in its lines; the lines of the stated counts and stale cross-references
 * hold the printed text. The PDF extraction repeats bold text four times; that is undone first.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { referencePlan } from '../../src/plans/index.ts';

const seed = readFileSync(new URL('../../seeds/001_4a57afe77d69f3a4.txt', import.meta.url), 'utf8').split(
  '\n',
);
const ref = referencePlan();

/** "AAAA" → "A" for any segment printed four times in a row (bold text in the extraction). */
const dedup = (s: string) => {
  let prev: string;
  do {
    prev = s;
    s = s.replace(/(.+?)\1\1\1/gu, '$1');
  } while (s !== prev);
  return s;
};
const norm = (s: string) =>
  s.normalize('NFC').toLowerCase().replace(/[‘’']/g, "'").replace(/[–—]/g, '-').replace(/\s+/g, ' ').trim();
function lines(range: string): string {
  const m = /^L(\d+)(?:-(\d+))?$/.exec(range);
  if (!m) throw new Error(`bad range ${range}`);
  const from = Number(m[1]);
  const to = m[2] ? Number(m[2]) : from;
  expect(to).toBeGreaterThanOrEqual(from);
  return norm(dedup(seed.slice(from - 1, to).join(' ')));
}
const words = (s: string) =>
  norm(s)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 3);

describe('seed 001 lines of the plans data', () => {
  it('finds every title word of all 831 records in its cited lines', () => {
    const bad: string[] = [];
    for (const r of ref.records) {
      const text = lines(r.lines).replace(/[^\p{L}\p{N}]+/gu, ' ');
      const missing = words(r.title).filter((w) => !text.includes(w));
      if (missing.length) bad.push(`${r.id} ${r.lines}: ${missing.join(', ')}`);
    }
    expect(bad).toEqual([]);
  });

  it('finds every status cell, with its asterisk exactly as recorded, in the status line', () => {
    const bad: string[] = [];
    let n = 0;
    for (const r of ref.records) {
      if (!r.statusLine || !r.status) continue;
      n++;
      const text = lines(r.statusLine);
      const label = norm(r.status);
      const ok = r.asterisk
        ? text.includes(`${label}*`)
        : text.includes(label) && !text.includes(`${label}*`);
      if (!ok) bad.push(`${r.id} ${r.statusLine}: ${r.status}${r.asterisk ? '*' : ''} | ${text.slice(-60)}`);
    }
    expect(bad).toEqual([]);
    expect(n).toBe(398); // 405 items − 7 without a printed status
  });

  it('finds every timing in its timing line', () => {
    const bad = ref.records
      .filter((r) => r.timing && r.timingLine && !lines(r.timingLine).includes(norm(r.timing)))
      .map((r) => `${r.id} ${r.timingLine}: ${r.timing}`);
    expect(bad).toEqual([]);
    expect(ref.records.filter((r) => r.timingLine).length).toBe(343);
  });

  it('finds the start of every footnote in its lines', () => {
    const bad = ref.records
      .filter((r) => r.footnote && r.footnoteLines)
      .filter((r) => !r.footnoteLines!.map(lines).join(' ').includes(norm(r.footnote!).slice(0, 20)))
      .map((r) => `${r.id} ${r.footnoteLines}`);
    expect(bad).toEqual([]);
  });

  it('holds the stated counts, stale cross-references and project headings at their lines', () => {
    for (const c of ref.data.claims)
      expect(lines(c.line), c.id).toContain(norm(c.text).replace(/"/g, '').split(' ')[1]);
    for (const c of ref.data.claims) expect(lines(c.line), c.id).toContain(String(c.stated));
    for (const x of ref.data.staleCrossRefs) expect(lines(x.line)).toContain(norm(x.printed));
    for (const p of ref.data.projects)
      expect(lines(p.heading), p.id).toContain(norm(p.title).split(' ')[0]!.replace(/[()]/g, ''));
  });

  it('keeps the corrections of the note (seed wins): M0615 runs on to L5968, split status cells', () => {
    expect(lines('L5968')).toContain('mwb');
    expect(lines('L4635-4636')).toContain('loopt met vertraging*');
    expect(lines('L4635')).not.toContain('vertraging');
    expect(ref.records.find((r) => r.id === 'M0615')!.lines).toBe('L5967-5968');
    // M0009: footnote "* Loopt door in ‘23" (L755) but the status prints without asterisk (L757)
    expect(lines('L757')).toBe('gerealiseerd');
    expect(ref.records.find((r) => r.id === 'M0009')!.asterisk).toBeUndefined();
  });
});
