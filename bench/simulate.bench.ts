/**
 * A reform simulation at population scale: the aanwervingsincentive for 1,000,000 hirings with a
 * higher second instalment from 2020, computed in the process (the engine alone) and over HTTP
 * against `bin/serve.mjs`: as JSON rows (the largest body the route takes) and as an Apache Arrow
 * IPC stream of columns. The totals over HTTP must equal the engine's to the cent.
 */
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { simulatePopulation } from '../src/rules/index.ts';
import { random } from '../test/support/random.ts';
import { median, nl, peakMemory, startServer } from './support.ts';

const MEASURE = 'aanwervingsincentive';
const DATE = '2020-06-01';
const OVERRIDES = [{ parameter: 'tweede_schijf', valid_from: '2020-01-01', value: 3500 }];
const JSON_ROWS = 100_000;

function population(n: number) {
  const r = random(20260101);
  const leeftijd = new Int32Array(n);
  const maanden_werkzoekend = new Int32Array(n);
  const maanden_in_dienst = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    leeftijd[i] = 18 + Math.floor(r() * 47);
    maanden_werkzoekend[i] = Math.floor(r() * 60);
    maanden_in_dienst[i] = Math.floor(r() * 24);
  }
  return { leeftijd, maanden_werkzoekend, maanden_in_dienst };
}

interface SimulateResponse {
  persons: number;
  baseline: { eligible: number; total: number };
  reform: { eligible: number; total: number } | null;
  difference: number | null;
}

async function timedPost(url: string, body: string | Uint8Array, type: string) {
  const t0 = performance.now();
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': type }, body });
  const text = await res.text();
  const ms = performance.now() - t0;
  return { ms, status: res.status, timing: res.headers.get('server-timing'), text };
}

export async function run(log: (line: string) => void): Promise<void> {
  const n = 1_000_000;
  const memory = peakMemory();
  const cols = population(n);
  const overrides = OVERRIDES.map((o) => ({ ...o, validFrom: o.valid_from as never }));
  await simulatePopulation(MEASURE, DATE, cols, n, overrides); // warm-up
  const times: number[] = [];
  let engine = await simulatePopulation(MEASURE, DATE, cols, n, overrides);
  for (let k = 0; k < 3; k++) {
    const t = performance.now();
    engine = await simulatePopulation(MEASURE, DATE, cols, n, overrides);
    times.push(performance.now() - t);
  }
  memory.sample();
  const reformTotal = engine.reform!.total / 100;
  log(
    `hervorming over ${nl(n)} personen in het proces (basis + hervorming): ${nl(median(times), 1)} ms ` +
      `(mediaan van 3); ${nl(engine.reform!.eligibleCount)} rechthebbend, basis € ${nl(engine.baseline.total / 100, 2)}, ` +
      `hervorming € ${nl(reformTotal, 2)}; piekgeheugen ${memory.mib()} MiB`,
  );

  const server = await startServer('node', { TREDE_BODY_LIMIT_MB: '200' });
  try {
    const check = (what: string, text: string, persons: number, expected: number | null) => {
      const r = JSON.parse(text) as SimulateResponse;
      if (r.persons !== persons || (expected !== null && r.reform?.total !== expected))
        throw new Error(`${what}: ${text.slice(0, 300)}`);
      return r;
    };

    // Today's JSON body: one object per person, at most 100,000 persons.
    const rows = Array.from({ length: JSON_ROWS }, (_, i) => ({
      leeftijd: cols.leeftijd[i],
      maanden_werkzoekend: cols.maanden_werkzoekend[i],
      maanden_in_dienst: cols.maanden_in_dienst[i],
    }));
    const jsonBody = JSON.stringify({
      measure: MEASURE,
      date: DATE,
      population: rows,
      reform: { overrides: OVERRIDES },
    });
    const json = await timedPost(`${server.url}/api/v1/simulate`, jsonBody, 'application/json');
    if (json.status !== 200) throw new Error(`JSON: ${json.status} ${json.text.slice(0, 300)}`);
    check('JSON', json.text, JSON_ROWS, null);
    log(
      `POST /api/v1/simulate JSON-rijen, ${nl(JSON_ROWS)} personen (${nl(jsonBody.length / 2 ** 20, 1)} MiB): ` +
        `${nl(json.ms)} ms${json.timing ? ` (server: ${json.timing})` : ''}`,
    );

    const t0 = performance.now();
    const ipc = tableToIPC(tableFromArrays(cols), 'stream');
    const encodeMs = performance.now() - t0;
    const query = new URLSearchParams({
      measure: MEASURE,
      date: DATE,
      reform: JSON.stringify({ overrides: OVERRIDES }),
    });
    const arrowTimes: number[] = [];
    let arrow = await timedPost(
      `${server.url}/api/v1/simulate?${query}`,
      ipc,
      'application/vnd.apache.arrow.stream',
    );
    if (arrow.status !== 200) {
      log(`POST /api/v1/simulate Arrow: niet ondersteund (${arrow.status} ${arrow.text.slice(0, 120)})`);
      return;
    }
    for (let k = 0; k < 3; k++) {
      arrow = await timedPost(
        `${server.url}/api/v1/simulate?${query}`,
        ipc,
        'application/vnd.apache.arrow.stream',
      );
      check('Arrow', arrow.text, n, reformTotal);
      arrowTimes.push(arrow.ms);
    }
    log(
      `POST /api/v1/simulate Arrow IPC, ${nl(n)} personen (${nl(ipc.byteLength / 2 ** 20, 1)} MiB, ` +
        `coderen ${nl(encodeMs)} ms): ${nl(median(arrowTimes))} ms heen en terug (mediaan van 3)` +
        `${arrow.timing ? `; server: ${arrow.timing}` : ''}; totaal gelijk aan het proces`,
    );
  } finally {
    await server.stop();
  }
}
