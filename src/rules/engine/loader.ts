/**
 * Loads the catalogue from src/rules/measures/<id>/: measure.yaml (the catalogue entry),
 * parameters.yaml (dated, cited values), formula.ts (the rules) and tests.yaml (scenarios).
 * Every problem is collected and reported with its file and key path; nothing half-loaded is used.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import type { z } from 'zod';
import type { AnyFormula } from './define.ts';
import { buildSeries, type ParameterSeries } from './parameters.ts';
import {
  dateOrderProblems,
  MEASURE_ID,
  type MeasureFile,
  measureFileSchema,
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

function readYaml(file: string, problems: string[]): unknown {
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

async function loadMeasure(dir: string, problems: string[]): Promise<LoadedMeasure | undefined> {
  const id = dir.split('/').pop()!;
  const measureFile = join(dir, 'measure.yaml');
  if (!MEASURE_ID.test(id)) problems.push(`${rel(dir)}: de mapnaam is geen kebab-case id`);
  if (!existsSync(measureFile)) {
    problems.push(`${rel(dir)}: measure.yaml ontbreekt`);
    return undefined;
  }
  const before = problems.length;
  const meta = check(measureFileSchema, readYaml(measureFile, problems), measureFile, problems);
  if (meta && meta.id !== id)
    problems.push(`${rel(measureFile)}: id '${meta.id}' verschilt van de mapnaam '${id}'`);

  let parameters = new Map<string, ParameterSeries>();
  const paramFile = join(dir, 'parameters.yaml');
  if (existsSync(paramFile)) {
    const raw = readYaml(paramFile, problems);
    for (const d of dateOrderProblems(raw)) problems.push(`${rel(paramFile)}: ${d.path}: ${d.message}`);
    const data = check(parametersFileSchema, raw, paramFile, problems);
    if (data) {
      try {
        parameters = buildSeries(data);
      } catch (e) {
        problems.push(`${rel(paramFile)}: ${(e as Error).message}`);
      }
    }
  }

  let formula: AnyFormula | null = null;
  const formulaFile = join(dir, 'formula.ts');
  if (existsSync(formulaFile)) {
    try {
      formula = ((await import(pathToFileURL(formulaFile).href)) as { default: AnyFormula }).default;
    } catch (e) {
      problems.push(`${rel(formulaFile)}: kon niet geladen worden: ${(e as Error).message}`);
    }
    if (formula) checkFormula(formula, parameters, formulaFile, problems);
  }

  let scenarios: Scenario[] = [];
  const testsFile = join(dir, 'tests.yaml');
  if (existsSync(testsFile)) {
    scenarios = check(scenariosFileSchema, readYaml(testsFile, problems), testsFile, problems) ?? [];
  } else if (formula) {
    problems.push(`${rel(dir)}: een maatregel met formule heeft scenario's nodig in tests.yaml`);
  }
  if (problems.length > before || !meta) return undefined;
  return { id, meta, parameters, formula, scenarios, path: rel(dir) };
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

export async function loadMeasures(dir = MEASURES_DIR): Promise<LoadedMeasure[]> {
  const problems: string[] = [];
  const dirs = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => join(dir, d.name))
    .sort();
  const measures = (await Promise.all(dirs.map((d) => loadMeasure(d, problems)))).filter(
    (m): m is LoadedMeasure => !!m,
  );

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
  return measures;
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
