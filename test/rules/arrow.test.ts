/**
 * POST /api/v1/simulate with an Apache Arrow IPC stream of columns: the same totals as the JSON
 * rows, a population far above the JSON body limit, and each bad column refused with a 400 that
 * names the column (and row) to fix.
 */
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { useTestServer } from '../support/http.ts';

const ARROW = 'application/vnd.apache.arrow.stream';
const reform = { overrides: [{ parameter: 'max_leeftijd', valid_from: '2019-01-01', value: 64 }] };

describe('the population as an Arrow stream', () => {
  const url = useTestServer();

  const post = (query: Record<string, string>, body: Uint8Array | string, type = ARROW) =>
    fetch(`${url()}/api/v1/simulate?${new URLSearchParams(query)}`, {
      method: 'POST',
      headers: { 'content-type': type },
      body,
    });
  const ipc = (columns: Parameters<typeof tableFromArrays>[0]) =>
    tableToIPC(tableFromArrays(columns), 'stream');
  const awi = { measure: 'aanwervingsincentive', date: '2019-03-01' };

  it('gives the totals of the JSON rows', async () => {
    const body = ipc({
      leeftijd: Int32Array.from([40, 60, 40]),
      maanden_werkzoekend: Int32Array.from([26, 26, 26]),
      maanden_in_dienst: Int32Array.from([12, 12, 5]),
    });
    const res = await post({ ...awi, reform: JSON.stringify(reform) }, body);
    expect(res.status).toBe(200);
    expect(res.headers.get('server-timing')).toMatch(/parse;dur=.*compute;dur=/);
    // As the JSON test: baseline 4.250 + 0 (60 > 54) + 1.250 = 5.500; the reform adds the 60-year-old.
    expect(await res.json()).toMatchObject({
      persons: 3,
      baseline: { eligible: 2, total: 5500 },
      reform: { eligible: 3, total: 9750 },
      difference: 4250,
    });
  });

  it('takes a population far above the JSON body limit', async () => {
    const n = 300_000; // 3.6 MB of columns; the JSON body limit is 1 MB
    const leeftijd = new Int32Array(n);
    const maanden = new Int32Array(n);
    const inDienst = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      leeftijd[i] = 20 + (i % 45); // 25..54 eligible: 30 of every 45
      maanden[i] = 24;
      inDienst[i] = i % 2 ? 12 : 3; // 4.250 or 1.250 euro
    }
    const res = await post(awi, ipc({ leeftijd, maanden_werkzoekend: maanden, maanden_in_dienst: inDienst }));
    expect(res.status).toBe(200);
    const eligible = Array.from(leeftijd).filter((a) => a >= 25 && a <= 54).length;
    let total = 0;
    for (let i = 0; i < n; i++) if (leeftijd[i]! >= 25 && leeftijd[i]! <= 54) total += i % 2 ? 4250 : 1250;
    expect(await res.json()).toMatchObject({ persons: n, baseline: { eligible, total }, reform: null });
  });

  it('reads money in euros, booleans and choices as the JSON facts do', async () => {
    const rows = [
      {
        doelgroep: 'werkzoekende',
        gebruiker: 'natuurlijke-persoon',
        chequeprijs: 7.45,
        chequetype: 'papier',
        aantal_cheques: 10,
      },
      {
        doelgroep: 'andere',
        gebruiker: 'natuurlijke-persoon',
        chequeprijs: 7.45,
        chequetype: 'papier',
        aantal_cheques: 10,
      },
      {
        doelgroep: 'leefloongerechtigde',
        gebruiker: 'ander',
        chequeprijs: 5.95,
        chequetype: 'elektronisch',
        aantal_cheques: 3,
      },
      {
        doelgroep: 'leefloongerechtigde',
        gebruiker: 'gemeente-of-ocmw',
        chequeprijs: 5.95,
        chequetype: 'elektronisch',
        aantal_cheques: 3,
      },
    ].map((r) => ({ ...r, in_traject_naar_werk: true, uren_maand: 20, uren_jaar: 100, maanden_traject: 6 }));
    const date = '2019-05-01';
    const json = await fetch(`${url()}/api/v1/simulate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ measure: 'wijk-werken', date, population: rows }),
    });
    const col = <K extends keyof (typeof rows)[number]>(k: K) => rows.map((r) => r[k]);
    const arrow = await post(
      { measure: 'wijk-werken', date },
      ipc({
        doelgroep: col('doelgroep'),
        gebruiker: col('gebruiker'),
        chequetype: col('chequetype'),
        in_traject_naar_werk: col('in_traject_naar_werk'),
        chequeprijs: Float64Array.from(col('chequeprijs')),
        aantal_cheques: Int32Array.from(col('aantal_cheques')),
        uren_maand: Float64Array.from(col('uren_maand')),
        uren_jaar: Float64Array.from(col('uren_jaar')),
        maanden_traject: Int32Array.from(col('maanden_traject')),
      }),
    );
    expect(json.status).toBe(200);
    expect(arrow.status).toBe(200);
    const j = await json.json();
    // Rows 1 (doelgroep andere) and 3 (gebruiker ander) are refused: 10 × 7,45 + 3 × 5,95 = 92,35 euro.
    expect(j).toMatchObject({ baseline: { eligible: 2, total: 92.35 } });
    expect(await arrow.json()).toEqual(j);
  });

  it('names the column and row of bad input in a 400', async () => {
    const good = { leeftijd: Int32Array.from([40]), maanden_werkzoekend: Int32Array.from([26]) };
    const cases: [Record<string, string>, Uint8Array | string, string, RegExp][] = [
      [awi, ipc(good), 'columns.maanden_in_dienst', /ontbreekt/],
      [
        awi,
        ipc({ ...good, maanden_in_dienst: Int32Array.from([3]), loon: Int32Array.from([1]) }),
        'columns',
        /onbekende kolommen: loon/,
      ],
      [
        awi,
        ipc({ ...good, maanden_in_dienst: Int32Array.from([-1]) }),
        'columns.maanden_in_dienst.0',
        /minstens 0/,
      ],
      [
        awi,
        ipc({ ...good, maanden_in_dienst: Float64Array.from([2.5]) }),
        'columns.maanden_in_dienst.0',
        /geheel getal/,
      ],
      [{ date: awi.date }, ipc(good), 'query.measure', /ontbreekt/],
      [{ ...awi, reform: '{"overrides": [' }, ipc(good), 'query.reform', /geen geldige JSON/],
      [awi, 'geen arrow', 'body', /Arrow IPC/],
    ];
    for (const [query, body, path, message] of cases) {
      const res = await post(query, body);
      expect(res.status, path).toBe(400);
      const err = (await res.json()) as { error: { details: { path: string; message: string }[] } };
      const issue = err.error.details.find((i) => i.path === path);
      expect(issue?.message, `${path} in ${JSON.stringify(err)}`).toMatch(message);
    }
  });
});
