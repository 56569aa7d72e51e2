/** The measures of the chosen year and region: persons, what counts on the ladder, the source. */
import { Chart, nlAxis } from '../../components/chart.tsx';
import { formatNumber } from '../../format.ts';
import type { MonitorData } from './data.ts';
import { BASE } from './params.ts';
import { Downloads, Folded, Section } from './parts.tsx';

const STATE_NL: Record<string, string> = {
  'no-value': 'geen waarde',
  'not-available': 'nb',
  suppressed: '< 5',
};

export function MeasuresSection(p: { d: MonitorData }) {
  const { ladder, p: view } = p.d;
  const caption = `Personen per maatregel, ${ladder.regionName}, ${view.year} (SINE telt voor 40 % mee)`;
  return (
    <Section id="maatregelen" title={`Maatregelen ${ladder.regionName} ${view.year}`}>
      <p>
        {ladder.measures.length} maatregelen, samen {formatNumber(ladder.total)} plaatsen op de ladder.
      </p>
      {ladder.measures.length === 0 ? (
        <p class="empty-state">Geen plaatsingen in het register voor {view.year}.</p>
      ) : (
        <Chart
          id="grafiek-maatregelen"
          caption={`Meegetelde plaatsen per maatregel, ${ladder.regionName}, ${view.year}`}
          label={`Liggende staafgrafiek: meegetelde plaatsen per maatregel in ${ladder.regionName}, ${view.year}; samen ${formatNumber(ladder.total)}.`}
          height={Math.max(200, 60 + 24 * ladder.measures.length)}
          option={{
            grid: { top: 10, left: 10, right: 30, bottom: 30, containLabel: true },
            xAxis: { type: 'value', axisLabel: { formatter: nlAxis } },
            yAxis: {
              type: 'category',
              inverse: true,
              data: ladder.measures.map((m) => m.label),
              axisLabel: { width: 260, overflow: 'truncate' },
            },
            series: [{ name: 'Meegeteld', type: 'bar', data: ladder.measures.map((m) => m.counted) }],
          }}
        />
      )}
      {ladder.measures.length === 0 ? null : (
        <Folded label={`personen per maatregel, ${view.year}`}>
          <table class="data" id="tabel-maatregelen">
            <caption>{caption}</caption>
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
                  <td class="label-cell">{m.label}</td>
                  <td class="num">{STATE_NL[m.state] ?? formatNumber(m.value)}</td>
                  <td class="num">{formatNumber(m.counted, m.weight === 1 ? 0 : 1)}</td>
                  <td class="source-cell">
                    <small>{m.source}</small>
                    {m.derivation ? <small> — {m.derivation}</small> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Folded>
      )}
      <Downloads
        links={[
          { href: `${BASE}/download/ladder.csv?${view.query}`, label: 'Download ladder (CSV)' },
          { href: `${BASE}/download/monitor.xlsx?${view.query}`, label: 'Download ladder (XLSX)' },
        ]}
      />
    </Section>
  );
}
