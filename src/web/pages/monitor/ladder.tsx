/**
 * The ladder per year (Tabel 39, recomputed from its leaves) for the chosen region, and
 * West-Vlaanderen against the Flemish Region with its share per rung.
 */
import type { SeriesRow } from '../../../monitor/index.ts';
import { Chart, nlAxis } from '../../components/chart.tsx';
import { formatNumber, formatPercent } from '../../format.ts';
import type { MonitorData } from './data.ts';
import { BASE } from './params.ts';
import { Downloads, Folded, RUNG_LABEL, Section, YearTable } from './parts.tsx';

const rowOf = (table: SeriesRow[], id: string) => table.find((r) => r.id === id) as SeriesRow;

export function tableDownloads(query: string, label: string) {
  return [
    { href: `${BASE}/download/tabel-39.csv`, label: `Download ${label} (CSV)` },
    { href: `${BASE}/download/monitor.xlsx?${query}`, label: `Download ${label} (XLSX)` },
  ];
}

export function LadderSection(p: { d: MonitorData }) {
  const { table, ladder, p: view } = p.d;
  const years = table[0]?.years ?? [];
  const region = view.region;
  const name = ladder.regionName;
  const rungRows = [5, 4, 3].map((r) => rowOf(table, `trede-${r}`));
  const total = rowOf(table, 'totaal');
  const span = `${years[0]}-${years.at(-1)}`;
  const last = total.values[region].at(-1) ?? null;
  return (
    <Section id="ladder" title="De participatieladder per jaar">
      {view.source === 'register' ? (
        <p class="notice">
          De reeks per jaar komt uit de studie ({span}); het register telt {view.year} in de samenvatting en
          bij de maatregelen.
        </p>
      ) : null}
      <Chart
        id="grafiek-ladder"
        caption={`Plaatsen per trede, ${name}, ${span}`}
        label={`Gestapelde staafgrafiek: plaatsen per trede in ${name} per jaar; ${years.at(-1)}: ${formatNumber(last)} plaatsen.`}
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
      <Folded label={`plaatsen per trede, ${name}`}>
        <YearTable
          id="tabel-ladder"
          caption={`Plaatsen per trede, ${name}`}
          first="Trede"
          years={years}
          rows={[
            ...rungRows.map((r) => ({ label: RUNG_LABEL[r.rung as number] ?? '', values: r.values[region] })),
            { label: 'Totaal treden 3 + 4 + 5', values: total.values[region], strong: true },
          ]}
        />
      </Folded>
      <Downloads links={tableDownloads(view.query, 'tabel 39')} />

      <h3 id="aandeel">West-Vlaanderen tegenover Vlaanderen</h3>
      <Chart
        id="grafiek-aandeel"
        caption="Aandeel van West-Vlaanderen in het Vlaams Gewest per trede (%)"
        label={`Lijngrafiek: aandeel van West-Vlaanderen in Vlaanderen per trede en in totaal, ${span}.`}
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
      <Folded label="West-Vlaanderen en Vlaams Gewest">
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
      </Folded>
      <Downloads links={tableDownloads(view.query, 'tabel 39')} />
    </Section>
  );
}
