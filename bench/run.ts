/**
 * `npm run bench`: runs every `bench/*.bench.ts` (or only those whose name contains the first
 * argument) and prints their figures. Benchmarks measure; they never assert timings.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface Benchmark {
  /** Prints its own figures; throws when a result is wrong (not when it is slow). */
  run(log: (line: string) => void): Promise<void>;
}

const dir = fileURLToPath(new URL('./', import.meta.url));
const only = process.argv[2];
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only)))
  .sort();
if (files.length === 0) {
  console.error(only ? `Geen benchmark die '${only}' bevat.` : 'Geen benchmarks gevonden in bench/.');
  process.exit(2);
}
let failed = false;
for (const f of files) {
  console.log(`\n# ${f.replace('.bench.ts', '')}`);
  const bench = (await import(pathToFileURL(dir + f).href)) as Benchmark;
  try {
    await bench.run((line) => console.log(line));
  } catch (e) {
    failed = true;
    console.error(`FOUT in ${f}: ${(e as Error).message}`);
  }
}
process.exit(failed ? 1 : 0);
