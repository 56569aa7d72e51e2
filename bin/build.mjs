/**
 * Precompiled JavaScript for the entry points (`npm start`, `npx trede`): transpiling the
 * TypeScript sources at every start through tsx's loader hooks cost seconds. The build turns every
 * source file into a JavaScript module under node_modules/.cache/trede/build/ (esbuild, one file
 * per file, nothing bundled), and is made again by itself whenever a source file changes: a stamp
 * of every .ts/.tsx file's path, size and modification time is compared at each start (a few ms).
 * `npm ci` runs it once (`prepare`); with no build or no esbuild, Trede runs from the sources.
 *
 * Each built module keeps its source file's URL as `import.meta.url`, so data files next to the
 * sources (measures, migrations, monitor data, web assets) are found where they are, and the
 * rules loader maps a formula's source file onto its built module (src/rules/engine/loader.ts).
 *
 * TREDE_FROM_SOURCE=1 runs the sources through tsx instead (for debugging with source lines).
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SRC = join(ROOT, 'src');
const CACHE = join(ROOT, 'node_modules', '.cache', 'trede');
const OUT = join(CACHE, 'build');
const STAMP = join(OUT, 'stamp.json');
const SOURCE = /\.tsx?$/;
const TEST = /\.test\.tsx?$/;

function sources(dir = SRC, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) sources(p, out);
    else if (SOURCE.test(e.name) && !TEST.test(e.name)) out.push(p);
  }
  return out;
}

function stampOf(files) {
  const parts = files.map((f) => {
    const s = statSync(f);
    return `${relative(SRC, f)}:${s.size}:${s.mtimeMs}`;
  });
  return JSON.stringify({ root: ROOT, node: process.version, files: parts.sort() });
}

function isFresh(stamp) {
  try {
    return readFileSync(STAMP, 'utf8') === stamp;
  } catch {
    return false;
  }
}

/** Builds into a fresh folder and swaps it in, so a concurrent start never sees half a build. */
export async function build() {
  const files = sources();
  const stamp = stampOf(files);
  const esbuild = await import('esbuild');
  const tmp = `${OUT}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  const external = {
    name: 'trede-external',
    setup(b) {
      // Nothing is bundled: packages stay imports, a relative `./x.ts` becomes `./x.js`.
      b.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === 'entry-point') return undefined;
        return { path: args.path.replace(SOURCE, '.js'), external: true };
      });
    },
  };
  await Promise.all(
    files.map((file) =>
      esbuild.build({
        entryPoints: [file],
        outfile: join(tmp, relative(SRC, file)).replace(SOURCE, '.js'),
        bundle: true,
        plugins: [external],
        format: 'esm',
        platform: 'node',
        target: 'node20',
        jsx: 'automatic',
        jsxImportSource: 'hono/jsx',
        define: { 'import.meta.url': JSON.stringify(pathToFileURL(file).href) },
        logLevel: 'silent',
      }),
    ),
  );
  writeFileSync(join(tmp, 'stamp.json'), stamp);
  const old = `${OUT}.old-${process.pid}`;
  try {
    renameSync(OUT, old);
  } catch {}
  mkdirSync(dirname(OUT), { recursive: true });
  renameSync(tmp, OUT);
  rmSync(old, { recursive: true, force: true });
  return files.length;
}

/** Makes sure the build is current; false when Trede must run from the sources. */
async function ensureBuilt() {
  if (process.env.TREDE_FROM_SOURCE === '1') return false;
  try {
    if (isFresh(stampOf(sources()))) return true;
    await build();
    return true;
  } catch (e) {
    process.stderr.write(
      `Trede: geen voorgecompileerde versie (${e.message.split('\n')[0]}); start uit de bronnen.\n`,
    );
    return false;
  }
}

/** Imports an entry module (`cli/main.ts`, `server.ts`) from the build, or from the sources. */
export async function entry(path) {
  if (await ensureBuilt()) {
    globalThis[Symbol.for('trede.build')] = {
      src: pathToFileURL(`${SRC}/`).href,
      out: pathToFileURL(`${OUT}/`).href,
    };
    return import(pathToFileURL(join(OUT, path.replace(SOURCE, '.js'))).href);
  }
  const { register } = await import('tsx/esm/api');
  register();
  return import(pathToFileURL(join(SRC, path)).href);
}

// `node bin/build.mjs` (the `prepare` script): build now; with --if-stale only when a source changed.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const t0 = performance.now();
  if (process.argv.includes('--if-stale') && isFresh(stampOf(sources()))) process.exit(0);
  const n = await build();
  console.log(`Trede: ${n} bronbestanden voorgecompileerd in ${Math.round(performance.now() - t0)} ms.`);
}
