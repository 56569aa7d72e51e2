/**
 * Data files beside the code (reference tables, norms, KPI definitions in YAML), read when a
 * module loads: parsed once and kept as JSON under a hash of their content in
 * node_modules/.cache/trede/data/. Parsing the YAML cost over a second at every start; reading
 * the JSON takes milliseconds, and a changed file has another hash, so the cache follows it.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DocumentOptions, ParseOptions, SchemaOptions } from 'yaml';

const CACHE = fileURLToPath(new URL('../../node_modules/.cache/trede/data/', import.meta.url));
const require = createRequire(import.meta.url);

type YamlOptions = ParseOptions & DocumentOptions & SchemaOptions;

/** The parsed content of a YAML file (what `yaml.parse` gives), from the cache when it has it. */
export function readYamlData(file: URL | string, options: YamlOptions = {}): unknown {
  const text = readFileSync(file, 'utf8');
  const hash = createHash('sha256').update(text).update(JSON.stringify(options)).digest('hex');
  const cached = join(CACHE, `${hash}.json`);
  try {
    return JSON.parse(readFileSync(cached, 'utf8'));
  } catch {}
  // Loaded only on a miss: the yaml package itself takes a while to import.
  const { parse } = require('yaml') as typeof import('yaml');
  const data = parse(text, options) as unknown;
  try {
    mkdirSync(CACHE, { recursive: true });
    const tmp = `${cached}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(data));
    renameSync(tmp, cached);
  } catch {
    // A read-only installation works without the cache, only slower.
  }
  return data;
}
