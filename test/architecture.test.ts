/**
 * The module contract of docs/architecture.md, enforced: who may import whom, that a module is
 * entered only through its index.ts, and that a module's SQL names only the tables it owns. A
 * failure names the file and the import or table that breaks a rule.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/process.ts';

const SRC = join(ROOT, 'src');

/** Folders every module may build on, and what each of them may import itself. */
const KERNEL: Record<string, string[]> = {
  domain: [],
  access: ['domain'],
  db: ['domain'],
  audit: ['access', 'db', 'domain'],
  commands: ['access', 'audit', 'db', 'domain'],
  jobs: ['access', 'audit', 'commands', 'db', 'domain'],
  rules: ['domain'],
};
/**
 * Feature modules and the other features each may call (besides the kernel). Written down in
 * docs/architecture.md; a new edge is a design decision, made here and there together.
 */
const FEATURES: Record<string, string[]> = {
  users: ['registry'],
  registry: [],
  dossiers: ['registry', 'users'],
  monitor: ['registry'],
  settlement: ['registry', 'dossiers'],
  budget: ['registry', 'settlement'],
  inspection: ['registry', 'dossiers', 'settlement'],
  plans: ['budget'],
};

/** Every table of the migrations and the one module whose SQL may name it. */
const TABLES: Record<string, string> = {
  audit_events: 'audit',
  jobs: 'jobs',
  users: 'users',
  user_organisations: 'users',
  sessions: 'users',
  api_tokens: 'users',
  login_throttle: 'users',
  password_reset_requests: 'users',
  organisations: 'registry',
  organisation_links: 'registry',
  recognitions: 'registry',
  contingents: 'registry',
  persons: 'registry',
  settings: 'registry',
  indications: 'registry',
  placements: 'registry',
  wage_quarters: 'registry',
  wage_months: 'registry',
  support_packages: 'registry',
  registry_changes: 'registry',
  dossiers: 'dossiers',
  dossier_events: 'dossiers',
  dossier_payments: 'dossiers',
  settlement_runs: 'settlement',
  settlement_lines: 'settlement',
  settlement_assumptions: 'settlement',
  settlement_payment_files: 'settlement',
  settlement_recoveries: 'settlement',
  inspection_dossiers: 'inspection',
  inspection_events: 'inspection',
  plan_events: 'plans',
};

const ADAPTERS = new Set(['http', 'api', 'web', 'cli', 'app']);
const ROOT_FILES = new Set(['config.ts', 'server.ts']);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'static' ? [] : files(p);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [p] : [];
  });
}

function moduleOf(absPath: string): string {
  const rel = relative(SRC, absPath);
  return rel.includes('/') ? rel.split('/')[0]! : rel;
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const re = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  return [...text.matchAll(re)].map((m) => m[1] ?? m[2]!).filter(Boolean);
}

function allowed(from: string, to: string): boolean {
  if (from === to) return true;
  if (from in KERNEL) return KERNEL[from]!.includes(to);
  if (ADAPTERS.has(from) || ROOT_FILES.has(from)) {
    if (to === 'cli') return false;
    if (from === 'cli') return to !== 'web' && to !== 'api';
    if (from === 'http') return !ADAPTERS.has(to);
    if (from === 'api' || from === 'web') return to !== 'app' && to !== 'api' && to !== 'web';
    return true; // app and server.ts compose everything
  }
  // A feature module: the kernel and the features written down for it, never adapters.
  if (to in KERNEL) return true;
  return (FEATURES[from] ?? []).includes(to);
}

/** The tables a piece of source text names in SQL (keywords upper case, as Trede writes SQL). */
function tablesNamed(text: string): string[] {
  const re =
    /\b(?:FROM|JOIN|INTO|UPDATE|TABLE|REFERENCES|TRUNCATE)\s+(?:IF\s+(?:NOT\s+)?EXISTS\s+|ONLY\s+)?([a-z_][a-z0-9_]*)/g;
  return [...text.matchAll(re)].map((m) => m[1]!).filter((t) => t in TABLES);
}

/** Violations of table ownership in one module's source. */
function foreignTables(module: string, file: string, text: string): string[] {
  return tablesNamed(text)
    .filter((t) => TABLES[t] !== module)
    .map((t) => `${file}: '${module}' names table '${t}' of '${TABLES[t]}'; use its index.ts`);
}

describe('the architecture', () => {
  const violations: string[] = [];
  for (const file of files(SRC)) {
    const from = moduleOf(file);
    for (const spec of imports(file)) {
      if (!spec.startsWith('.')) {
        if (from === 'rules' && file.includes('/measures/') && spec.startsWith('node:')) {
          violations.push(`${relative(ROOT, file)}: a formula does no I/O ('${spec}')`);
        }
        continue;
      }
      const target = resolve(dirname(file), spec);
      const to = moduleOf(target);
      const where = `${relative(ROOT, file)} → ${spec}`;
      if (!allowed(from, to)) violations.push(`${where}: '${from}' may not import '${to}'`);
      const entersFromOutside = from !== to && !ROOT_FILES.has(to);
      if (entersFromOutside && !/\/index\.tsx?$/.test(relative(SRC, target))) {
        violations.push(`${where}: enter '${to}' through its index.ts`);
      }
      if (
        from === 'rules' &&
        file.includes('/measures/') &&
        !/\/rules\/engine\/index\.ts$|\/domain\/index\.ts$|\/measures\//.test(target)
      ) {
        violations.push(`${where}: a measure uses only the engine and the domain`);
      }
    }
  }

  it('keeps every import within the rules of docs/architecture.md', () => {
    expect(violations).toEqual([]);
  });

  it('refuses an import outside the written dependencies', () => {
    expect(allowed('monitor', 'registry')).toBe(true);
    expect(allowed('monitor', 'dossiers')).toBe(false);
    expect(allowed('registry', 'settlement')).toBe(false);
    expect(allowed('settlement', 'web')).toBe(false);
  });

  it('lets each module name only its own tables in SQL', () => {
    const found: string[] = [];
    for (const file of files(SRC)) {
      const module = moduleOf(file);
      if (ADAPTERS.has(module) || ROOT_FILES.has(module)) {
        found.push(
          ...tablesNamed(readFileSync(file, 'utf8')).map(
            (t) => `${relative(ROOT, file)}: an adapter names '${t}'`,
          ),
        );
        continue;
      }
      found.push(...foreignTables(module, relative(ROOT, file), readFileSync(file, 'utf8')));
    }
    expect(found).toEqual([]);
  });

  it('finds a foreign table in SQL', () => {
    const sql =
      'const q = `SELECT d.id FROM dossiers d LEFT JOIN organisations o ON o.id = d.organisation_id`;';
    expect(foreignTables('dossiers', 'x.ts', sql)).toEqual([
      "x.ts: 'dossiers' names table 'organisations' of 'registry'; use its index.ts",
    ]);
    expect(foreignTables('registry', 'x.ts', sql)).toHaveLength(1);
    expect(tablesNamed('the rows read from persons and users')).toEqual([]);
  });

  it('assigns every table of the migrations to one module', () => {
    const dir = join(SRC, 'db', 'migrations');
    const created = readdirSync(dir).flatMap((f) =>
      [
        ...readFileSync(join(dir, f), 'utf8').matchAll(/CREATE TABLE (?:IF NOT EXISTS )?([a-z_][a-z0-9_]*)/g),
      ].map((m) => m[1]!),
    );
    expect(created.filter((t) => !(t in TABLES))).toEqual([]);
    expect(Object.keys(TABLES).filter((t) => !created.includes(t))).toEqual([]);
  });
});
