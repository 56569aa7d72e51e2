/**
 * Open data under load (issue 16 "Availability"): 50,000 placements (with their persons and 500
 * organisations in West Flanders) imported into an embedded database, then `bin/serve.mjs` on it
 * and 16 concurrent anonymous clients (autocannon, 10 s; TREDE_BENCH_SECONDS overrides) on
 * `GET /api/v1/open/ladder?source=registry`, while one more client polls `/health`. Prints the
 * first (uncached) answer, p50/p99 and errors of the load, and the /health latency during it.
 */
import { createReadStream, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { systemActor } from '../src/access/index.ts';
import { execute } from '../src/commands/index.ts';
import { migrate, openDatabase } from '../src/db/index.ts';
import { csvRecords, type ImportKind, importRegistry } from '../src/registry/import.ts';
import { median, nl, startServer, tempDir } from './support.ts';

const PLACEMENTS = 50_000;
const ORGANISATIONS = 500;
const CONNECTIONS = 16;
const MEASURES = ['collectief-maatwerk', 'lde', 'maatwerkbedrijf-ex-bw', 'sine'];
/** West-Flemish municipalities (NIS) the organisations are spread over; plus a few elsewhere. */
const NIS = ['31005', '31022', '34022', '35013', '36015', '37015', '38014', '44021', '11002', '21004'];

function kbo(n: number): string {
  const first8 = `0${String(3_000_000 + n).padStart(7, '0')}`;
  return `${first8}${String(97 - (Number(first8) % 97)).padStart(2, '0')}`;
}

function insz(n: number): string {
  const yy = 50 + (n % 49);
  const mm = 1 + (Math.floor(n / 49) % 12);
  const dd = 1 + (Math.floor(n / 588) % 28);
  const seq = 1 + (Math.floor(n / 16_464) % 997);
  const base = `${yy}${String(mm).padStart(2, '0')}${String(dd).padStart(2, '0')}${String(seq).padStart(3, '0')}`;
  return `${base}${String(97 - (Number(base) % 97)).padStart(2, '0')}`;
}

async function seed(dataDir: string, log: (line: string) => void): Promise<void> {
  const dir = tempDir('open-data-csv');
  const orgs = ['kbo,naam,type,nis_code'];
  for (let i = 0; i < ORGANISATIONS; i++)
    orgs.push(`${kbo(i)},Organisatie ${i},maatwerkbedrijf,${NIS[i % NIS.length]}`);
  const persons = ['insz,voornaam,achternaam'];
  const placements = ['insz,kbo,maatregel,start,einde,vte,uren_per_week'];
  for (let i = 0; i < PLACEMENTS; i++) {
    const id = insz(i);
    persons.push(`${id},Voornaam${i},Achternaam${i}`);
    const start = `${2015 + (i % 6)}-${String(1 + (i % 12)).padStart(2, '0')}-01`;
    const end = i % 3 === 0 ? '' : `2021-${String(1 + (i % 12)).padStart(2, '0')}-28`;
    placements.push(
      `${id},${kbo(i % ORGANISATIONS)},${MEASURES[i % MEASURES.length]},${start},${end},0.5,19`,
    );
  }
  const files: [ImportKind, string, string[]][] = [
    ['organisaties', join(dir, 'o.csv'), orgs],
    ['personen', join(dir, 'p.csv'), persons],
    ['plaatsingen', join(dir, 'pl.csv'), placements],
  ];
  const db = await openDatabase({ dataDir });
  await migrate(db);
  const t0 = performance.now();
  for (const [kind, file, lines] of files) {
    writeFileSync(file, `${lines.join('\n')}\n`);
    await execute(db, importRegistry, systemActor('system', 'bench'), {
      kind,
      fileName: file,
      records: csvRecords(createReadStream(file)),
    });
  }
  await db.close();
  log(
    `dataset: ${ORGANISATIONS} organisaties, ${PLACEMENTS} plaatsingen ingelezen (${nl((performance.now() - t0) / 1000, 1)} s)`,
  );
}

export async function run(log: (line: string) => void): Promise<void> {
  const seconds = Number(process.env.TREDE_BENCH_SECONDS ?? 10);
  const dataDir = tempDir('open-data-db');
  await seed(dataDir, log);
  const server = await startServer('node', { TREDE_DATA_DIR: dataDir });
  try {
    const path = '/api/v1/open/ladder?year=2019&region=west-vlaanderen&source=registry';
    const t0 = performance.now();
    const first = await fetch(server.url + path);
    if (first.status !== 200) throw new Error(`${path}: ${first.status} ${await first.text()}`);
    await first.json();
    log(`eerste antwoord (niet in de cache): ${nl(performance.now() - t0, 1)} ms`);

    const health: number[] = [];
    let loading = true;
    const poll = (async () => {
      while (loading) {
        const h0 = performance.now();
        await (await fetch(`${server.url}/health`)).text();
        health.push(performance.now() - h0);
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    // Several years, so that a part of the load is computed (a cache entry per year) and not only served.
    const years = [2016, 2017, 2018, 2019, 2020];
    let n = 0;
    const r = await autocannon({
      url: server.url,
      connections: CONNECTIONS,
      duration: seconds,
      requests: [
        {
          setupRequest: (req) => ({
            ...req,
            path: `/api/v1/open/ladder?year=${years[n++ % years.length]}&region=west-vlaanderen&source=registry`,
          }),
        },
      ],
    });
    loading = false;
    await poll;
    const sorted = [...health].sort((a, b) => a - b);
    log(
      `GET /api/v1/open/ladder (register, ${PLACEMENTS} plaatsingen, ${CONNECTIONS} clients, ${seconds} s): ` +
        `p50 ${nl(r.latency.p50, 1)} ms, p99 ${nl(r.latency.p99, 1)} ms, ${nl(r.requests.total)} verzoeken, ` +
        `fouten: ${r.non2xx} zonder 2xx, ${r.errors} verbindingsfouten, ${r.timeouts} time-outs`,
    );
    log(
      `/health tijdens de last: mediaan ${nl(median(health), 1)} ms, max ${nl(sorted.at(-1) ?? 0, 1)} ms (${health.length} metingen)`,
    );
    if (r.requests.total === 0) throw new Error('geen enkel antwoord');
  } finally {
    await server.stop();
  }
}
