/**
 * Loads the catalogue from src/rules/measures/<id>/: measure.yaml (the catalogue entry),
 * parameters.yaml (dated, cited values), formula.ts (the rules) and tests.yaml (scenarios).
 * Every problem is collected and reported with its file and key path; nothing half-loaded is used.
 *
 * The checked YAML of the whole rule set is kept as JSON under its content hash
 * (node_modules/.cache/trede/ruleset-<hash>.json): a start reads one file instead of parsing and
 * validating some ninety, and any change to a measure file gives another hash, so the cache
 * rebuilds itself. The formulas are always imported and checked against their parameters.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { z } from 'zod';
import type { AnyFormula } from './define.ts';
import { buildSeries, type ParameterSeries } from './parameters.ts';
import {
  dateOrderProblems,
  MEASURE_ID,
  type MeasureFile,
  measureFileSchema,
  type ParametersFile,
  parametersFileSchema,
  type Scenario,
  scenariosFileSchema,
} from './schema.ts';

export const RULES_DIR = fileURLToPath(new URL('../', import.meta.url));
export const MEASURES_DIR = join(RULES_DIR, 'measures');
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface LoadedMeasure {
  id: string;
  meta: MeasureFile;
  parameters: Map<string, ParameterSeries>;
  formula: AnyFormula | null;
  scenarios: Scenario[];
  /** Repository-relative folder, for messages and links. */
  path: string;
}

export class CatalogueError extends Error {
  constructor(readonly problems: string[]) {
    super(`De regelgeving kon niet geladen worden:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

type YamlParse = typeof import('yaml').parse;

function readYaml(parse: YamlParse, file: string, problems: string[]): unknown {
  try {
    return parse(readFileSync(file, 'utf8'), { schema: 'core', uniqueKeys: true, prettyErrors: true });
  } catch (e) {
    problems.push(`${rel(file)}: ${(e as Error).message.split('\n')[0]}`);
    return undefined;
  }
}

function rel(file: string): string {
  return relative(REPO_ROOT, file);
}

function check<S extends z.ZodType>(
  schema: S,
  data: unknown,
  file: string,
  problems: string[],
): z.output<S> | undefined {
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  for (const issue of r.error.issues) {
    const path = issue.path.map(String).join('.');
    problems.push(`${rel(file)}: ${path ? `${path}: ` : ''}${issue.message}`);
  }
  return undefined;
}

/**
 * The module to import for a source file: its precompiled JavaScript when Trede runs from the
 * build of bin/build.mjs (which says where it is), else the source itself.
 */
function moduleUrl(file: string): string {
  const url = pathToFileURL(file).href;
  const build = (globalThis as { [k: symbol]: { src: string; out: string } | undefined })[
    Symbol.for('trede.build')
  ];
  if (!build || !url.startsWith(build.src)) return url;
  return build.out + url.slice(build.src.length).replace(/\.tsx?$/, '.js');
}

/** A measure's checked data files: what the ruleset cache keeps. */
interface MeasureData {
  id: string;
  meta: MeasureFile;
  parameters: ParametersFile | null;
  scenarios: Scenario[];
  path: string;
}

function readMeasure(parse: YamlParse, dir: string, problems: string[]): MeasureData | undefined {
  const id = dir.split('/').pop()!;
  const measureFile = join(dir, 'measure.yaml');
  if (!MEASURE_ID.test(id)) problems.push(`${rel(dir)}: de mapnaam is geen kebab-case id`);
  if (!existsSync(measureFile)) {
    problems.push(`${rel(dir)}: measure.yaml ontbreekt`);
    return undefined;
  }
  const before = problems.length;
  const meta = check(measureFileSchema, readYaml(parse, measureFile, problems), measureFile, problems);
  if (meta && meta.id !== id)
    problems.push(`${rel(measureFile)}: id '${meta.id}' verschilt van de mapnaam '${id}'`);

  let parameters: ParametersFile | null = null;
  const paramFile = join(dir, 'parameters.yaml');
  if (existsSync(paramFile)) {
    const raw = readYaml(parse, paramFile, problems);
    for (const d of dateOrderProblems(raw)) problems.push(`${rel(paramFile)}: ${d.path}: ${d.message}`);
    parameters = check(parametersFileSchema, raw, paramFile, problems) ?? null;
  }

  let scenarios: Scenario[] = [];
  const testsFile = join(dir, 'tests.yaml');
  if (existsSync(testsFile)) {
    scenarios = check(scenariosFileSchema, readYaml(parse, testsFile, problems), testsFile, problems) ?? [];
  } else if (existsSync(join(dir, 'formula.ts'))) {
    problems.push(`${rel(dir)}: een maatregel met formule heeft scenario's nodig in tests.yaml`);
  }
  if (problems.length > before || !meta) return undefined;
  return { id, meta, parameters, scenarios, path: rel(dir) };
}

/** The data turned into a measure: parameter series built, formula imported and checked. */
async function completeMeasure(
  dir: string,
  data: MeasureData,
  problems: string[],
): Promise<LoadedMeasure | undefined> {
  const before = problems.length;
  let parameters = new Map<string, ParameterSeries>();
  if (data.parameters) {
    try {
      parameters = buildSeries(data.parameters);
    } catch (e) {
      problems.push(`${rel(join(dir, 'parameters.yaml'))}: ${(e as Error).message}`);
    }
  }
  let formula: AnyFormula | null = null;
  const formulaFile = join(dir, 'formula.ts');
  if (existsSync(formulaFile)) {
    try {
      formula = ((await import(moduleUrl(formulaFile))) as { default: AnyFormula }).default;
    } catch (e) {
      problems.push(`${rel(formulaFile)}: kon niet geladen worden: ${(e as Error).message}`);
    }
    if (formula) checkFormula(formula, parameters, formulaFile, problems);
  }
  if (problems.length > before) return undefined;
  return { id: data.id, meta: data.meta, parameters, formula, scenarios: data.scenarios, path: data.path };
}

/** The formula and parameters.yaml must declare the same parameters with the same types. */
function checkFormula(
  formula: AnyFormula,
  parameters: Map<string, ParameterSeries>,
  file: string,
  problems: string[],
) {
  for (const [name, type] of Object.entries(formula.parameters as Record<string, string>)) {
    const s = parameters.get(name);
    if (!s) problems.push(`${rel(file)}: parameter '${name}' ontbreekt in parameters.yaml`);
    else if (s.type !== type)
      problems.push(
        `${rel(file)}: parameter '${name}' is ${type} in de formule maar ${s.type} in parameters.yaml`,
      );
  }
  for (const name of parameters.keys()) {
    if (!(name in formula.parameters))
      problems.push(`${rel(file)}: parameters.yaml bevat '${name}', dat de formule niet gebruikt`);
  }
  const versions = formula.versions;
  if (versions.length === 0) problems.push(`${rel(file)}: een formule heeft minstens één versie`);
  for (let i = 0; i < versions.length; i++) {
    const v = versions[i]!;
    if (v.until && v.until < v.from) problems.push(`${rel(file)}: versie ${i} eindigt vóór ze begint`);
    const next = versions[i + 1];
    if (next && (!v.until || v.until >= next.from))
      problems.push(`${rel(file)}: versie ${i} overlapt met versie ${i + 1}`);
    const ids = new Set<string>();
    for (const c of v.conditions) {
      if (ids.has(c.id))
        problems.push(`${rel(file)}: voorwaarde '${c.id}' komt twee keer voor in versie ${i}`);
      ids.add(c.id);
    }
  }
}

const CACHE_DIR = join(REPO_ROOT, 'node_modules', '.cache', 'trede');

function readCache(hash: string): MeasureData[] | undefined {
  try {
    return JSON.parse(readFileSync(join(CACHE_DIR, `ruleset-${hash}.json`), 'utf8')) as MeasureData[];
  } catch {
    return undefined;
  }
}

function writeCache(hash: string, data: MeasureData[]): void {
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    const file = join(CACHE_DIR, `ruleset-${hash}.json`);
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(data));
    renameSync(tmp, file); // atomic: a concurrent reader sees the whole file or none
  } catch {
    // A read-only installation works without the cache, only slower.
  }
}

/** The measures and the content hash they were loaded from. */
export async function loadRuleset(dir = MEASURES_DIR): Promise<{ measures: LoadedMeasure[]; hash: string }> {
  const problems: string[] = [];
  const dirs = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => join(dir, d.name))
    .sort();
  const hash = rulesetHash(dir);
  let data = dir === MEASURES_DIR ? readCache(hash) : undefined;
  if (!data) {
    const { parse } = await import('yaml');
    data = dirs.map((d) => readMeasure(parse, d, problems)).filter((m): m is MeasureData => !!m);
    if (problems.length === 0 && dir === MEASURES_DIR) writeCache(hash, data);
  }
  const byDir = new Map(data.map((m) => [m.id, m]));
  const measures = (
    await Promise.all(
      dirs.map((d) => {
        const m = byDir.get(d.split('/').pop()!);
        return m ? completeMeasure(d, m, problems) : undefined;
      }),
    )
  ).filter((m): m is LoadedMeasure => !!m);

  // Links must point at catalogue entries; each link is shown from both sides.
  const byId = new Map(measures.map((m) => [m.id, m]));
  for (const m of measures) {
    for (const [key, inverse] of [
      ['predecessors', 'successors'],
      ['successors', 'predecessors'],
    ] as const) {
      for (const other of m.meta[key]) {
        const o = byId.get(other);
        if (!o) problems.push(`${m.path}/measure.yaml: ${key}: '${other}' staat niet in de catalogus`);
        else if (!o.meta[inverse].includes(m.id)) o.meta[inverse].push(m.id);
      }
    }
  }
  if (problems.length) throw new CatalogueError(problems);
  return { measures, hash };
}

export async function loadMeasures(dir = MEASURES_DIR): Promise<LoadedMeasure[]> {
  return (await loadRuleset(dir)).measures;
}

/** A content hash of the whole rule set: settlement runs and dossiers record it. */
export function rulesetHash(dir = MEASURES_DIR): string {
  const hash = createHash('sha256');
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else {
        hash.update(relative(dir, p));
        hash.update(readFileSync(p));
      }
    }
  };
  walk(dir);
  return hash.digest('hex');
}

export function rulesetVersion(): string {
  const changelog = readFileSync(join(RULES_DIR, 'CHANGELOG.md'), 'utf8');
  const m = /^## (\S+)/m.exec(changelog);
  if (!m) throw new Error('src/rules/CHANGELOG.md heeft geen versie (## <versie>)');
  return m[1]!;
}
