/**
 * Start-up as a user meets it: one calculation from the CLI (`npx trede calc` and the entry point
 * itself) and `npm start` until /health answers 200, each beside its floor (an empty Node process,
 * npx running a bin that only prints). Medians after one warm-up run.
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { median, nl, ratio, startServer, tempDir, timeCommand } from './support.ts';

const RUNS = Number(process.env.TREDE_BENCH_RUNS ?? 5);

/** Wall and CPU medians of `runs` runs after one warm-up (whose wall time is `first`). */
function medianOf(runs: number, fn: () => { ms: number; cpu: number }) {
  const first = fn().ms;
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let k = 0; k < runs; k++) {
    const r = fn();
    wall.push(r.ms);
    cpu.push(r.cpu);
  }
  return { first, median: median(wall), cpu: median(cpu) };
}

/** A package whose bin prints one line: what `npx <bin>` costs before Trede runs a line. */
function npxFloorPackage(): string {
  const dir = tempDir('npx');
  mkdirSync(join(dir, 'bin'));
  writeFileSync(join(dir, 'package.json'), '{"name":"leeg","version":"1.0.0","bin":{"leeg":"bin/leeg.mjs"}}');
  writeFileSync(join(dir, 'bin/leeg.mjs'), '#!/usr/bin/env node\nconsole.log("ok");\n');
  chmodSync(join(dir, 'bin/leeg.mjs'), 0o755);
  return dir;
}

export async function run(log: (line: string) => void): Promise<void> {
  const facts = JSON.stringify({ leeftijd: 40, maanden_werkzoekend: 26, maanden_in_dienst: 12 });
  const calc = ['calc', 'aanwervingsincentive', '--date', '2018-03-01', '--input', '-', '--format', 'json'];
  const check = (stdout: string) => {
    const r = JSON.parse(stdout) as { amount: number };
    if (r.amount !== 4250) throw new Error(`trede calc gaf ${r.amount}, verwacht 4250`);
  };

  const node = medianOf(RUNS, () => timeCommand(process.execPath, ['-e', '']));
  const bin = medianOf(RUNS, () => {
    const r = timeCommand(process.execPath, ['bin/trede.mjs', ...calc], { input: facts });
    check(r.stdout);
    return r;
  });
  log(
    `node bin/trede.mjs calc: ${nl(bin.median)} ms (mediaan van ${RUNS}; eerste keer ${nl(bin.first)} ms; ` +
      `CPU ${nl(bin.cpu)} ms); lege node ${nl(node.median)} ms (CPU ${nl(node.cpu)} ms); doel ≤ 500 ms`,
  );

  const floorDir = npxFloorPackage();
  const npxFloor = medianOf(3, () => timeCommand('npx', ['leeg'], { cwd: floorDir }));
  const npx = medianOf(3, () => {
    const r = timeCommand('npx', ['trede', ...calc], { input: facts });
    check(r.stdout);
    return r;
  });
  log(
    `npx trede calc: ${nl(npx.median)} ms (mediaan van 3; CPU ${nl(npx.cpu)} ms); npx met een lege bin ` +
      `${nl(npxFloor.median)} ms (CPU ${nl(npxFloor.cpu)} ms): ${ratio(npx.median, npxFloor.median)}; ` +
      `Trede zelf ≈ ${nl(npx.median - npxFloor.median)} ms`,
  );

  // npm start on a new data folder (initdb, migrations, first administrator), then on the same one.
  const dataDir = tempDir('start');
  const first = await startServer('npm start', { TREDE_DATA_DIR: dataDir });
  await first.stop();
  const again: number[] = [];
  const againCpu: number[] = [];
  for (let k = 0; k < 3; k++) {
    const s = await startServer('npm start', { TREDE_DATA_DIR: dataDir });
    again.push(s.readyMs);
    againCpu.push(s.readyCpuMs);
    await s.stop();
  }
  const npmRun = medianOf(3, () => timeCommand('npm', ['run', '--silent', 'env']));
  log(
    `npm start tot 200 op /health: ${nl(median(again))} ms (mediaan van 3, bestaande data; CPU ` +
      `${nl(median(againCpu))} ms); nieuwe datamap ${nl(first.readyMs)} ms; npm run zelf ` +
      `${nl(npmRun.median)} ms (CPU ${nl(npmRun.cpu)} ms); doel ≤ 2.000 ms`,
  );
}
