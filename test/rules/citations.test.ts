/**
 * Every cited range of every parameter value says what the parameter says: the lines contain the
 * value, in any Dutch spelling (12.600, 12 600, 12600, 12,6; 60 % for a rate of 0,6; "vijf" for 5),
 * or one of the parameter's `keywords` (for a yes/no rule or an assumed split that is not written
 * as a number). Issue 14: `maatwerkafdelingen.min_vte_doelgroepwerknemers` cited the lines about
 * IMW (L1796-1798) instead of the 5 VTE (L1793-1794), and one value cited a blank line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { citedText, parseCitation } from '../../src/rules/engine/citation.ts';

const MEASURES = join(import.meta.dirname, '../../src/rules/measures');

interface RawValue {
  valid_from: string;
  value: unknown;
  source: string | string[];
}
interface RawParam {
  type: string;
  keywords?: string[];
  values: RawValue[];
}

const WORDS: Record<string, number> = {
  één: 1,
  eén: 1,
  eerste: 1,
  twee: 2,
  tweede: 2,
  drie: 3,
  derde: 3,
  vier: 4,
  vierde: 4,
  vijf: 5,
  zes: 6,
  zeven: 7,
  acht: 8,
  negen: 9,
  tien: 10,
  elf: 11,
  twaalf: 12,
  dertien: 13,
  veertien: 14,
  vijftien: 15,
  zestien: 16,
  twintig: 20,
  dertig: 30,
  veertig: 40,
  vijftig: 50,
  zestig: 60,
  honderd: 100,
  half: 0.5,
  halftijds: 0.5,
  helft: 0.5,
};

/** Every number the text could mean: thousands with a dot or a space, decimals with a comma. */
function numbersIn(text: string): Set<number> {
  const out = new Set<number>();
  const add = (s: string) => {
    const n = Number(s);
    if (Number.isFinite(n)) out.add(n);
  };
  for (const m of text.matchAll(/\d[\d.,\u00a0 ]*\d|\d/g)) {
    const token = m[0];
    const pieces = token.split(/[\u00a0 ]+/);
    // "12 600" as one number, and each piece on its own (table rows: "1 150 1 194").
    const joinedForms = [pieces.join(''), ...pieces];
    for (let i = 0; i + 1 < pieces.length; i++) joinedForms.push(pieces[i]! + pieces[i + 1]!);
    for (const form of joinedForms) {
      const clean = form.replace(/[.,]$/, '');
      add(clean.replace(/\./g, '').replace(',', '.')); // 13.638,64 → 13638.64
      add(clean.replace(/,/g, '.')); // 0,95 → 0.95; 269.5 stays
      add(clean.replace(/,/g, '')); // 1,500 written the English way
    }
  }
  const lower = text.toLowerCase();
  for (const [word, n] of Object.entries(WORDS))
    if (new RegExp(`(^|[^a-zà-ÿ])${word}([^a-zà-ÿ]|$)`, 'u').test(lower)) out.add(n);
  return out;
}

function near(a: number, b: number): boolean {
  return Math.abs(a - b) < 1e-6 * Math.max(1, Math.abs(b));
}

/** The values the cited text must show for one parameter value. */
function wanted(type: string, value: unknown): number[][] {
  const one = (v: unknown): number[] => {
    const n = typeof v === 'string' ? Number(v) : (v as number);
    if (typeof n !== 'number' || !Number.isFinite(n)) return [];
    return type === 'rate' ? [n, n * 100] : [n];
  };
  if (Array.isArray(value)) return value.map(one).filter((x) => x.length > 0);
  if (
    typeof value === 'number' ||
    (typeof value === 'string' && value !== '' && Number.isFinite(Number(value)))
  )
    return [one(value)];
  return [];
}

/** Null when the cited lines support the value; otherwise what is missing. */
function citationSupports(
  type: string,
  value: unknown,
  sources: string[],
  keywords: readonly string[],
): string | null {
  const text = sources.flatMap((s) => citedText(s, 400)).join('\n');
  if (text.trim() === '') return `de geciteerde lijnen ${sources.join(', ')} zijn leeg`;
  const lower = text.toLowerCase().replace(/\s+/g, ' ');
  if (keywords.some((k) => lower.includes(k.toLowerCase()))) return null;
  if (value === null) return null; // "no longer applies": the date is what is cited
  const targets = wanted(type, value);
  if (targets.length === 0)
    return typeof value === 'string' && lower.includes(value.toLowerCase())
      ? null
      : `geen trefwoord (${keywords.join(', ') || 'geen opgegeven'}) in ${sources.join(', ')}`;
  const found = numbersIn(text);
  const missing = targets.filter((alts) => !alts.some((t) => [...found].some((n) => near(n, t))));
  return missing.length === 0
    ? null
    : `${JSON.stringify(value)} staat niet in ${sources.join(', ')}${keywords.length ? ` (trefwoorden: ${keywords.join(', ')})` : ''}`;
}

describe('numbersIn reads Dutch spellings of a number', () => {
  it('finds 12.600, 12 600, 12600, 12,6, 60 % and vijf', () => {
    expect(numbersIn('maximaal 12.600 euro').has(12600)).toBe(true);
    expect(numbersIn('maximaal 12 600 euro').has(12600)).toBe(true);
    expect(numbersIn('maximaal 12600 euro').has(12600)).toBe(true);
    expect(numbersIn('12,6 miljoen').has(12.6)).toBe(true);
    expect(numbersIn('13.638,64 euro').has(13638.64)).toBe(true);
    expect(numbersIn('een loonpremie van 60%').has(60)).toBe(true);
    expect(numbersIn('minstens vijf VTE').has(5)).toBe(true);
    expect(numbersIn('vijftig plaatsen').has(5)).toBe(false);
  });

  it('refuses a range that does not hold the value, such as the old IMW lines for the 5 VTE', () => {
    // seeds/004_694cfc149f605398.txt:L1796-1798 speak of "minstens één VTE" for IMW, not of the 5 VTE.
    expect(citationSupports('number', 5, ['seeds/004_694cfc149f605398.txt:L1796-1798'], [])).toMatch(
      /staat niet in/,
    );
    // L1793-1794: "collectieve inschakeling van minstens vijf VTE".
    expect(citationSupports('number', 5, ['seeds/004_694cfc149f605398.txt:L1793-1794'], [])).toBeNull();
    // L1681 is blank.
    expect(citationSupports('boolean', true, ['seeds/004_694cfc149f605398.txt:L1681'], ['opschort'])).toMatch(
      /leeg/,
    );
  });
});

describe('every cited range of every parameter holds the cited value or a keyword', () => {
  const failures: string[] = [];
  let checked = 0;
  for (const id of readdirSync(MEASURES).sort()) {
    let file: string;
    try {
      file = readFileSync(join(MEASURES, id, 'parameters.yaml'), 'utf8');
    } catch {
      continue;
    }
    const params = parse(file, { schema: 'core' }) as Record<string, RawParam>;
    for (const [name, p] of Object.entries(params)) {
      for (const v of p.values) {
        const sources = Array.isArray(v.source) ? v.source : [v.source];
        for (const s of sources) if (!parseCitation(s)) failures.push(`${id}.${name}: ${s} is geen citaat`);
        checked++;
        const problem = citationSupports(p.type, v.value, sources, p.keywords ?? []);
        if (problem) failures.push(`${id}.${name} (${v.valid_from}): ${problem}`);
      }
    }
  }

  it('checks well over a hundred values', () => {
    expect(checked).toBeGreaterThan(100);
  });

  it('finds no citation that misses its value', () => {
    expect(failures).toEqual([]);
  });
});
