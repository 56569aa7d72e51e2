/**
 * Latency under a bounded local load: `bin/serve.mjs` on an embedded database with 200 dossiers,
 * and autocannon (16 connections, 10 s per endpoint; TREDE_BENCH_SECONDS overrides) on a
 * calculation, the monitor dashboard and the dossier list. Every answer must be a 200.
 */
import autocannon from 'autocannon';
import { adminSession, nl, startServer } from './support.ts';

const CONNECTIONS = 16;
const DOSSIERS = 200;

async function load(
  url: string,
  opts: { method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: string },
  seconds: number,
) {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: seconds, ...opts });
  if (r.requests.total === 0) throw new Error(`${url}: geen enkel antwoord binnen ${seconds} s`);
  const bad = r.non2xx + r.errors + r.timeouts;
  if (bad > 0) throw new Error(`${url}: ${bad} antwoorden zonder 2xx (van ${r.requests.total})`);
  return r;
}

export async function run(log: (line: string) => void): Promise<void> {
  const seconds = Number(process.env.TREDE_BENCH_SECONDS ?? 10);
  const server = await startServer('node');
  try {
    const session = await adminSession(server.url);
    const post = async (path: string, body: unknown) => {
      const res = await fetch(server.url + path, {
        method: 'POST',
        headers: { ...session, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as { id: string };
    };
    const org = await post('/api/v1/organisations', { kbo: '0123456749', name: 'Bench vzw', type: 'ocmw' });
    for (let i = 0; i < DOSSIERS; i++)
      await post('/api/v1/dossiers', { measureId: 'vop', organisationId: org.id, facts: {} });

    const targets: {
      name: string;
      path: string;
      opts: { method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: string };
      aim?: number;
    }[] = [
      {
        name: 'POST /api/v1/calculate',
        path: '/api/v1/calculate',
        opts: {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            measure: 'aanwervingsincentive',
            date: '2018-03-01',
            facts: { leeftijd: 40, maanden_werkzoekend: 26, maanden_in_dienst: 12 },
          }),
        },
        aim: 10,
      },
      { name: 'GET /monitor (dashboard)', path: '/monitor', opts: { headers: { cookie: session.cookie! } } },
      {
        name: `GET /dossiers (lijst, ${DOSSIERS} dossiers)`,
        path: '/dossiers',
        opts: { headers: { cookie: session.cookie! } },
      },
    ];
    for (const t of targets) {
      const r = await load(server.url + t.path, t.opts, seconds);
      log(
        `${t.name}: p50 ${nl(r.latency.p50, 1)} ms, p99 ${nl(r.latency.p99, 1)} ms, ` +
          `${nl(r.requests.average)} verzoeken/s (${CONNECTIONS} verbindingen, ${seconds} s)` +
          (t.aim ? `; doel p99 ≤ ${t.aim} ms` : ''),
      );
    }
  } finally {
    await server.stop();
  }
}
