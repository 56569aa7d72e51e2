import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CatalogueError, loadMeasures } from './loader.ts';

const SRC = 'seeds/004_694cfc149f605398.txt:L3864-3870';
const measure = (id: string, extra = '') => `id: ${id}
name: Test ${id}
domain: werk
rungs: [5]
body: DWSE
description: Een maatregel om de lader te testen.
lifecycle: { status: in-force, source: ${SRC} }
sources: [${SRC}]
not_modelled: [{ rule: niets, source: ${SRC} }]
${extra}`;

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function problemsOf(files: Record<string, string>): Promise<string[]> {
  dir = mkdtempSync(join(tmpdir(), 'trede-rules-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  try {
    await loadMeasures(dir);
    return [];
  } catch (e) {
    if (e instanceof CatalogueError) return e.problems;
    throw e;
  }
}

describe('the strict catalogue loader', () => {
  it('accepts a well-formed measure', async () => {
    expect(await problemsOf({ 'm/measure.yaml': measure('m') })).toEqual([]);
  });

  it('rejects unknown keys, naming the file and key', async () => {
    const p = await problemsOf({ 'm/measure.yaml': measure('m', 'colour: blue') });
    expect(p).toEqual([expect.stringMatching(/m\/measure\.yaml: .*colour/)]);
  });

  it('rejects a citation that is malformed or points past the end of the seed', async () => {
    const p = await problemsOf({
      'm/measure.yaml': measure('m').replace(
        `sources: [${SRC}]`,
        'sources: [seeds/004_694cfc149f605398.txt:L99999, pagina 4]',
      ),
    });
    expect(p).toEqual([
      expect.stringMatching(/sources\.0: .*telt maar \d+ lijnen/),
      expect.stringMatching(/sources\.1: 'pagina 4' is geen bronverwijzing/),
    ]);
  });

  it('rejects parameters with duplicate dates, bad dates, missing sources and unknown keys', async () => {
    const p = await problemsOf({
      'm/measure.yaml': measure('m'),
      'm/parameters.yaml': `bedrag:
  description: Een bedrag
  type: money
  unit: EUR
  values:
    - { valid_from: 2020-01-01, value: 100, source: ${SRC} }
    - { valid_from: 2020-01-01, value: 200, source: ${SRC} }
    - { valid_from: 2020-02-30, value: 300, source: ${SRC} }
    - { valid_from: 2021-01-01, value: 400 }
    - { valid_from: 2022-01-01, value: 500, source: ${SRC}, remark: x }
`,
    });
    expect(p).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /parameters\.yaml: bedrag\.values\.1\.valid_from: datum 2020-01-01 komt twee keer voor/,
        ),
        expect.stringMatching(/parameters\.yaml: bedrag\.values\.2\.valid_from: geen geldige datum/),
        expect.stringMatching(/parameters\.yaml: bedrag\.values\.3\.source: de bron ontbreekt/),
        expect.stringMatching(/parameters\.yaml: bedrag\.values\.4: .*remark/),
      ]),
    );
  });

  it('rejects duplicate YAML keys and links to measures outside the catalogue', async () => {
    const dup = await problemsOf({ 'm/measure.yaml': `${measure('m')}\nname: Dubbel` });
    expect(dup).toEqual(expect.arrayContaining([expect.stringMatching(/measure\.yaml: .*unique/)]));
    const link = await problemsOf({ 'm/measure.yaml': measure('m', 'successors: [bestaat-niet]') });
    expect(link).toEqual([expect.stringMatching(/successors: 'bestaat-niet' staat niet in de catalogus/)]);
  });

  it('derives the inverse link so each measure shows its predecessor and successor', async () => {
    dir = mkdtempSync(join(tmpdir(), 'trede-rules-'));
    mkdirSync(join(dir, 'a'));
    mkdirSync(join(dir, 'b'));
    writeFileSync(join(dir, 'a/measure.yaml'), measure('a', 'successors: [b]'));
    writeFileSync(join(dir, 'b/measure.yaml'), measure('b'));
    const [a, b] = await loadMeasures(dir);
    expect(a!.meta.successors).toEqual(['b']);
    expect(b!.meta.predecessors).toEqual(['a']);
  });
});
