/**
 * The import rules of docs/architecture.md, enforced: who may import whom, and that a module is
 * entered only through its index.ts. A failure names the file and the import that breaks a rule.
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
  // A feature module (registry, dossiers, monitor, …): kernel and other features, never adapters.
  return !ADAPTERS.has(to) && !ROOT_FILES.has(to);
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
});
