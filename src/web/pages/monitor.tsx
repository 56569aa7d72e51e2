/**
 * Monitor: the participation ladder as a dashboard — the ladder per year, West-Vlaanderen against
 * Flanders, the regions side by side, a series per measure or rung, KPI tiles with their norms and
 * colours. Every chart is followed by its data table and CSV/XLSX downloads.
 */

import { Hono } from 'hono';
import { COLOUR_LABELS, leadTimeReport } from '../../dossiers/index.ts';
import type { AppEnv } from '../../http/index.ts';
import {
  getArea,
  getCheck,
  getKpis,
  getLadder,
  getSeries,
  getTable,
  type Ladder,
  ladderCsv,
  monitorXlsx,
  REFERENCE_REGIONS,
  type SeriesRow,
  seriesCsv,
  TABEL_39,
  TABEL_40_REGIONS,
  WEST_FLEMISH_REGIONS,
} from '../../monitor/index.ts';
import { Chart, loadCharts, nlAxis } from '../components/chart.tsx';
import { Layout } from '../components/layout.tsx';
import { requireWebUser, type WebContext } from '../context.ts';
import { formatNumber, formatPercent, formatPoints } from '../format.ts';

const BASE = '/monitor';
const RUNG_LABEL: Record<number, string> = {
  5: 'Trede 5 – betaald werk met ondersteuning',
  4: 'Trede 4 – tijdelijke activerende trajecten',
  3: 'Trede 3 – arbeidsmatige activiteiten onder begeleiding',
};
const COLOUR_NL: Record<string, string> = {
  donkergroen: 'boven streefdoel',
  lichtgroen: 'op streefdoel',
  lichtoranje: 'minder dan 10 % onder streefdoel',
  donkeroranje: 'meer dan 10 % onder streefdoel',
  groen: 'norm gehaald',
  oranje: 'norm niet gehaald',
  grijs: 'geen vergelijking',
};
const COLOUR_HEX: Record<string, string> = {
  donkergroen: '#1b5e20',
  lichtgroen: '#66bb6a',
  lichtoranje: '#ffb74d',
  donkeroranje: '#e65100',
  groen: '#2e7d32',
  oranje: '#ef6c00',
  grijs: '#9e9e9e',
};

function params(c: WebContext) {
  const year = Number(c.req.query('jaar') ?? '2019');
  const region = c.req.query('regio') ?? 'west-vlaanderen';
  const series = c.req.query('reeks') ?? 'trede-5';
  return {
    year: TABEL_39.years.includes(year) ? year : 2019,
    region: (REFERENCE_REGIONS as readonly string[]).includes(region)
      ? (region as (typeof REFERENCE_REGIONS)[number])
      : 'west-vlaanderen',
    series: TABEL_39.rows.some((r) => r.id === series) ? series : 'trede-5',
  };
}

function Downloads(p: { csv: string; xlsx: string; label: string }) {
  return (
    <p class="downloads">
      <a href={p.csv} download>
        Download {p.label} (CSV)
      </a>
      <a href={p.xlsx} download>
        Download {p.label} (XLSX)
      </a>
    </p>
  );
}

function rowOf(table: SeriesRow[], id: string): SeriesRow {
  return table.find((r) => r.id === id) as SeriesRow;
}

interface YearRow {
  label: string;
  values: readonly (number | null)[];
  format?: (v: number | null) => string;
  strong?: boolean;
}

/** A table with one column per year of the study: the data behind a chart, for reading and print. */
function YearTable(p: {
  id: string;
  caption: string;
  first: string;
  years: readonly number[];
  rows: YearRow[];
}) {
  return (
    <div class="table-wrap">
      <table class="data" id={p.id}>
        <caption>{p.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{p.first}</th>
            {p.years.map((y) => (
              <th scope="col" class="num">
                {y}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {p.rows.map((r) => (
            <tr>
              <th scope="row">{r.label}</th>
              {r.values.map((v) => (
                <td class="num">
                  {r.strong ? (
                    <strong>{(r.format ?? formatNumber)(v)}</strong>
                  ) : (
                    (r.format ?? formatNumber)(v)
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function monitorPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/', async (c) => {
    const auth = requireWebUser(c);
    const actor = auth.actor;
    const { year, region, series } = params(c);
    await loadCharts();
    const table = await getTable(actor);
    const ladder = await getLadder(actor, { year, region });
    const regional: Ladder[] = [];
    for (const r of TABEL_40_REGIONS) regional.push(await getLadder(actor, { year: 2019, region: r }));
    const s = await getSeries(actor, { measure: series, region });
    const kpis = await getKpis(actor);
    const leadYear = (c.var.deps.now?.() ?? new Date()).getUTCFullYear();
    const leadTimes = await leadTimeReport(c.var.deps.db, actor, { year: leadYear });
    const measured = leadTimes.norms.filter((n) => n.counted > 0);
    const years = TABEL_39.years;
    const regionName = getArea(region)?.name ?? region;
    const rungRows = [5, 4, 3].map((r) => rowOf(table, `trede-${r}`));
    const total = rowOf(table, 'totaal');
    const q = `jaar=${year}&regio=${region}`;

    return c.html(
      <Layout title="Monitor" auth={auth} path={c.req.path} wide>
        <p>
          Tewerkstelling en arbeidsmatige participatie van personen met een afstand tot de arbeidsmarkt
          (treden 3, 4 en 5 van de participatieladder). Alle totalen worden berekend uit de maatregelen; bron:{' '}
          <code>{TABEL_39.source}</code>.
        </p>
        <form method="get" action={BASE} class="filters" novalidate>
          <label for="filter-jaar">Jaar</label>{' '}
          <span>
            <select id="filter-jaar" name="jaar">
              {years.map((y) => (
                <option value={String(y)} selected={y === year}>
                  {y}
                </option>
              ))}
            </select>
          </span>{' '}
          <label for="filter-regio">Gebied</label>{' '}
          <span>
            <select id="filter-regio" name="regio">
              {REFERENCE_REGIONS.map((r) => (
                <option value={r} selected={r === region}>
                  {getArea(r)?.name}
                </option>
              ))}
            </select>
          </span>{' '}
          <label for="filter-reeks">Reeks</label>{' '}
          <span>
            <select id="filter-reeks" name="reeks">
              {TABEL_39.rows.map((r) => (
                <option value={r.id} selected={r.id === series}>
                  {r.label}
                </option>
              ))}
            </select>
          </span>{' '}
          <button type="submit">Toon</button>
        </form>

        <nav aria-label="Op deze pagina" class="jumplinks">
          <ul>
            <li>
              <a href="#kerncijfers">Kerncijfers</a>
            </li>
            <li>
              <a href="#ladder">Ladder</a>
            </li>
            <li>
              <a href="#maatregelen">Maatregelen</a>
            </li>
            <li>
              <a href="#regios">Regio's</a>
            </li>
            <li>
              <a href="#reeks">Reeks</a>
            </li>
            <li>
              <a href="#doorlooptijden">Doorlooptijden</a>
            </li>
          </ul>
        </nav>
        <h2 id="kerncijfers">Kerncijfers</h2>
        <div class="tiles">
          <div class="tile" id="tegel-totaal">
            <div>
              {regionName} {year}
            </div>
            <div class="value">{formatNumber(ladder.total)}</div>
            <div>plaatsen op treden 3 tot 5</div>
          </div>
          {ladder.rungs.map((r) => (
            <div class="tile">
              <div>{RUNG_LABEL[r.rung]}</div>
              <div class="value">{formatNumber(r.total)}</div>
            </div>
          ))}
          {kpis.kpis.map((k) => (
            <div class="tile kpi" style={`border-left: 0.5rem solid ${COLOUR_HEX[k.colour]}`}>
              <div>{k.label}</div>
              <div class="value">{formatPercent(k.value)}</div>
              <div>
                {k.year}
                {k.previous ? ` (${k.previous.year}: ${formatPercent(k.previous.value)})` : ''}
              </div>
              <div>
                Norm: {k.norm} — <strong>{COLOUR_NL[k.colour]}</strong>
              </div>
              <div>
                <small>{k.source}</small>
              </div>
            </div>
          ))}
        </div>

        <h2 id="ladder">De participatieladder per jaar</h2>
        <Chart
          id="grafiek-ladder"
          caption={`Plaatsen per trede, ${regionName}, ${years[0]}-${years.at(-1)}`}
          label={`Gestapelde staafgrafiek: plaatsen per trede in ${regionName} per jaar; ${year}: ${formatNumber(ladder.total)} plaatsen.`}
          option={{
            legend: { top: 0 },
            grid: { top: 40, left: 70, right: 20, bottom: 30 },
            xAxis: { type: 'category', data: years.map(String) },
            yAxis: { type: 'value', axisLabel: { formatter: nlAxis } },
            series: rungRows.map((r) => ({
              name: `Trede ${r.rung}`,
              type: 'bar',
              stack: 'ladder',
              data: r.values[region],
            })),
          }}
        />
        <YearTable
          id="tabel-ladder"
          caption={`Plaatsen per trede, ${regionName}`}
          first="Trede"
          years={years}
          rows={[
            ...rungRows.map((r) => ({ label: RUNG_LABEL[r.rung as number] ?? '', values: r.values[region] })),
            { label: 'Totaal treden 3 + 4 + 5', values: total.values[region], strong: true },
          ]}
        />
        <Downloads
          csv={`${BASE}/download/tabel-39.csv`}
          xlsx={`${BASE}/download/monitor.xlsx?${q}`}
          label="tabel 39"
        />

        <h2 id="maatregelen">
          Maatregelen {regionName} {year}
        </h2>
        <div class="table-wrap">
          <table class="data" id="tabel-maatregelen">
            <caption>
              Personen per maatregel, {regionName}, {year} (SINE telt voor 40 % mee)
            </caption>
            <thead>
              <tr>
                <th scope="col">Trede</th>
                <th scope="col">Maatregel</th>
                <th scope="col" class="num">
                  Personen
                </th>
                <th scope="col" class="num">
                  Meegeteld
                </th>
                <th scope="col">Bron</th>
              </tr>
            </thead>
            <tbody>
              {ladder.measures.map((m) => (
                <tr>
                  <td>{m.rung}</td>
                  <td>{m.label}</td>
                  <td class="num">
                    {m.state === 'no-value'
                      ? 'geen waarde'
                      : m.state === 'not-available'
                        ? 'nb'
                        : formatNumber(m.value)}
                  </td>
                  <td class="num">{formatNumber(m.counted, m.weight === 1 ? 0 : 1)}</td>
                  <td>
                    <small>{m.source}</small>
                    {m.derivation ? <small> — {m.derivation}</small> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Downloads
          csv={`${BASE}/download/ladder.csv?${q}`}
          xlsx={`${BASE}/download/monitor.xlsx?${q}`}
          label="ladder"
        />

        <h2>West-Vlaanderen tegenover Vlaanderen</h2>
        <Chart
          id="grafiek-aandeel"
          caption="Aandeel van West-Vlaanderen in het Vlaams Gewest per trede (%)"
          label="Lijngrafiek: aandeel van West-Vlaanderen in Vlaanderen per trede en in totaal, 2014-2019."
          option={{
            legend: { top: 0 },
            grid: { top: 40, left: 50, right: 20, bottom: 30 },
            xAxis: { type: 'category', data: years.map(String) },
            yAxis: { type: 'value', min: 0, axisLabel: { formatter: '{value} %' } },
            series: [...rungRows, total].map((r) => ({
              name: r.id === 'totaal' ? 'Totaal' : `Trede ${r.rung}`,
              type: 'line',
              data: r.share,
            })),
          }}
        />
        <YearTable
          id="tabel-aandeel"
          caption="West-Vlaanderen en Vlaams Gewest, aandeel West-Vlaanderen"
          first="Reeks"
          years={years}
          rows={[...rungRows, total].flatMap((r) => [
            { label: `${r.label} – West-Vlaanderen`, values: r.values['west-vlaanderen'] },
            { label: `${r.label} – Vlaams Gewest`, values: r.values.vlaanderen },
            { label: 'Aandeel West-Vlaanderen', values: r.share, format: formatPercent },
          ])}
        />
        <Downloads
          csv={`${BASE}/download/tabel-39.csv`}
          xlsx={`${BASE}/download/monitor.xlsx?${q}`}
          label="tabel 39"
        />

        <h2 id="regios">Regio's van West-Vlaanderen, 2019</h2>
        <Chart
          id="grafiek-regios"
          caption="Plaatsen per trede en regio, 2019"
          label="Gestapelde staafgrafiek: plaatsen per trede in de vijf West-Vlaamse regio's en niet toe te wijzen, 2019."
          option={{
            legend: { top: 0 },
            grid: { top: 40, left: 70, right: 20, bottom: 60 },
            xAxis: {
              type: 'category',
              data: regional.map((l) => l.regionName.replace('Regio ', '')),
              axisLabel: { interval: 0, rotate: 15 },
            },
            yAxis: { type: 'value', axisLabel: { formatter: nlAxis } },
            series: [5, 4, 3].map((rung) => ({
              name: `Trede ${rung}`,
              type: 'bar',
              stack: 'regio',
              data: regional.map((l) => l.rungs.find((x) => x.rung === rung)?.total ?? 0),
            })),
          }}
        />
        <div class="table-wrap">
          <table class="data" id="tabel-regios">
            <caption>Plaatsen per regio, 2019 (bron: {regional[0]?.source})</caption>
            <thead>
              <tr>
                <th scope="col">Regio</th>
                <th scope="col" class="num">
                  Trede 5
                </th>
                <th scope="col" class="num">
                  Trede 4
                </th>
                <th scope="col" class="num">
                  Trede 3
                </th>
                <th scope="col" class="num">
                  Totaal
                </th>
              </tr>
            </thead>
            <tbody>
              {regional.map((l) => (
                <tr>
                  <th scope="row">{l.regionName}</th>
                  {l.rungs.map((r) => (
                    <td class="num">{formatNumber(r.total)}</td>
                  ))}
                  <td class="num">{formatNumber(l.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Downloads
          csv={`${BASE}/download/regios.csv`}
          xlsx={`${BASE}/download/monitor.xlsx?${q}`}
          label="regio's"
        />

        <h2 id="reeks">Reeks: {s.label}</h2>
        <Chart
          id="grafiek-reeks"
          caption={`${s.label}, ${regionName} en Vlaams Gewest, 2014-2019`}
          label={`Staaf- en lijngrafiek: ${s.label} in ${regionName} (staven, linkeras) en Vlaams Gewest (lijn, rechteras).`}
          option={{
            legend: { top: 0 },
            grid: { top: 40, left: 70, right: 70, bottom: 30 },
            xAxis: { type: 'category', data: years.map(String) },
            yAxis: [
              { type: 'value', axisLabel: { formatter: nlAxis } },
              { type: 'value', axisLabel: { formatter: nlAxis } },
            ],
            series: [
              { name: regionName, type: 'bar', data: s.points.map((p) => p.value) },
              ...(region === 'vlaanderen'
                ? []
                : [
                    {
                      name: 'Vlaams Gewest',
                      type: 'line',
                      yAxisIndex: 1,
                      data: s.points.map((p) => p.vlaanderen),
                    },
                  ]),
            ],
          }}
        />
        <div class="table-wrap">
          <table class="data" id="tabel-reeks">
            <caption>
              {s.label} (bron: {s.source})
            </caption>
            <thead>
              <tr>
                <th scope="col">Jaar</th>
                <th scope="col" class="num">
                  {regionName}
                </th>
                <th scope="col" class="num">
                  Vlaams Gewest
                </th>
                <th scope="col" class="num">
                  Aandeel West-Vlaanderen
                </th>
              </tr>
            </thead>
            <tbody>
              {s.points.map((p) => (
                <tr>
                  <th scope="row">{p.year}</th>
                  <td class="num">{formatNumber(p.value)}</td>
                  <td class="num">{formatNumber(p.vlaanderen)}</td>
                  <td class="num">{formatPercent(p.share)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p>
          Evolutie:{' '}
          {s.growth.map((g) => (
            <span>
              {g.period}: {g.value === null ? '–' : `${g.value > 0 ? '+' : ''}${formatPercent(g.value)}`}{' '}
            </span>
          ))}
        </p>
        <Downloads
          csv={`${BASE}/download/tabel-39.csv`}
          xlsx={`${BASE}/download/monitor.xlsx?${q}`}
          label="reeksen"
        />

        <h2 id="doorlooptijden">Doorlooptijden: streefnormen</h2>
        <p>
          {kpis.norms.title} (bron: <code>{kpis.norms.source}</code>). Legende:{' '}
          {kpis.norms.legend.colours.map((l) => (
            <span style={`border-left: 1rem solid ${l.hex}; padding-left: 0.3rem; margin-right: 0.8rem`}>
              {l.text}
            </span>
          ))}
        </p>
        <div class="table-wrap">
          <table class="data" id="tabel-normen">
            <thead>
              <tr>
                <th scope="col">Kernproces</th>
                <th scope="col">Streefnorm</th>
                <th scope="col" class="num">
                  Streefdoel
                </th>
                <th scope="col" class="num">
                  2021
                </th>
                <th scope="col" class="num">
                  2022
                </th>
              </tr>
            </thead>
            <tbody>
              {kpis.norms.rows.map((n) => (
                <tr>
                  <td>{n.process}</td>
                  <td>{n.norm}</td>
                  <td class="num">{formatPercent(n.target, 0)}</td>
                  {(
                    [
                      [n.y2021, n.colour2021],
                      [n.y2022, n.colour2022],
                    ] as const
                  ).map(([v, col]) => (
                    <td
                      class="num"
                      style={`border-left: 0.5rem solid ${COLOUR_HEX[col]}`}
                      title={COLOUR_NL[col]}
                    >
                      {typeof v === 'number' ? formatPercent(v, v % 1 === 0 ? 0 : 2) : v}
                      <span class="visually-hidden"> ({COLOUR_NL[col]})</span>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Downloads
          csv={`${BASE}/download/normen.csv`}
          xlsx={`${BASE}/download/monitor.xlsx?${q}`}
          label="normen"
        />

        <h2 id="doorlooptijden-gemeten">Doorlooptijden gemeten in Trede, {leadYear}</h2>
        {measured.length === 0 ? (
          <p class="empty-state">
            Nog geen afgehandelde dossiers in {leadYear} voor een norm uit de boordtabel. Zie{' '}
            <a href={`/dossiers/doorlooptijden?jaar=${leadYear}`}>alle doorlooptijden</a>.
          </p>
        ) : (
          <div class="tiles">
            {measured.map((n) => (
              <div class="tile kpi" style={`border-left: 0.5rem solid ${COLOUR_HEX[n.colour ?? 'grijs']}`}>
                <p>
                  {n.measureName}: {n.label}
                </p>
                <p class="value">{formatPercent(n.achieved, 1)}</p>
                <p>
                  streefdoel {formatPercent(n.target, 0)} · {n.withinNorm} van {n.counted} dossiers
                  {n.changePoints !== null && ` · ${formatPoints(n.changePoints)} t.o.v. ${leadYear - 1}`} —{' '}
                  <strong>{n.colour ? COLOUR_LABELS[n.colour] : 'geen vergelijking'}</strong>
                </p>
              </div>
            ))}
          </div>
        )}
        <p>
          <a href={`/dossiers/doorlooptijden?jaar=${leadYear}`}>Alle normen, met wat niet gemodelleerd is</a>
        </p>
      </Layout>,
    );
  });

  const csvResponse = (c: WebContext, name: string, body: string) =>
    c.body(`\ufeff${body}`, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${name}"`,
    });

  app.get('/download/ladder.csv', async (c) => {
    const { year, region } = params(c);
    const l = await getLadder(requireWebUser(c).actor, { year, region });
    return csvResponse(c, `ladder-${region}-${year}.csv`, ladderCsv(l));
  });
  app.get('/download/tabel-39.csv', async (c) =>
    csvResponse(c, 'tabel-39.csv', seriesCsv(await getTable(requireWebUser(c).actor))),
  );
  app.get('/download/regios.csv', async (c) => {
    const actor = requireWebUser(c).actor;
    let out = '';
    for (const r of WEST_FLEMISH_REGIONS) {
      const csv = ladderCsv(await getLadder(actor, { year: 2019, region: r }));
      out += out ? csv.split('\r\n').slice(1).join('\r\n') : csv;
    }
    return csvResponse(c, 'regios-2019.csv', out);
  });
  app.get('/download/normen.csv', async (c) => {
    const k = await getKpis(requireWebUser(c).actor);
    const lines = [
      'kernproces;streefnorm;streefdoel;2021;kleur 2021;2022;kleur 2022;bron',
      ...k.norms.rows.map((n) =>
        [n.process, n.norm, n.target, n.y2021, n.colour2021, n.y2022, n.colour2022, n.source]
          .map((v) => String(v).replace('.', ','))
          .map((v) => (/[;"]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v))
          .join(';'),
      ),
    ];
    return csvResponse(c, 'normen.csv', `${lines.join('\r\n')}\r\n`);
  });
  app.get('/download/monitor.xlsx', async (c) => {
    const actor = requireWebUser(c).actor;
    const { year, region } = params(c);
    const buf = await monitorXlsx({
      ladder: await getLadder(actor, { year, region }),
      table: await getTable(actor),
      check: await getCheck(actor),
    });
    return c.body(new Uint8Array(buf), 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="monitor-${region}-${year}.xlsx"`,
    });
  });
  return app;
}
