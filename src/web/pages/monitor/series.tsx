/** One series of Tabel 39 (a measure, subtotal or rung) over the study's years, with its growth. */
import { Chart, nlAxis } from '../../components/chart.tsx';
import { formatNumber, formatPercent } from '../../format.ts';
import type { MonitorData } from './data.ts';
import { tableDownloads } from './ladder.tsx';
import { Downloads, Folded, Section } from './parts.tsx';

export function SeriesSection(p: { d: MonitorData }) {
  const { series: s, ladder, p: view } = p.d;
  const name = ladder.regionName;
  const years = s.points.map((x) => x.year);
  const span = `${years[0]}-${years.at(-1)}`;
  return (
    <Section id="reeksen" title={`Reeks: ${s.label}`}>
      <Chart
        id="grafiek-reeks"
        caption={`${s.label}, ${name} en Vlaams Gewest, ${span}`}
        label={`Staaf- en lijngrafiek: ${s.label} in ${name} (staven, linkeras) en Vlaams Gewest (lijn, rechteras).`}
        option={{
          legend: { top: 0 },
          grid: { top: 40, left: 70, right: 70, bottom: 30 },
          xAxis: { type: 'category', data: years.map(String) },
          yAxis: [
            { type: 'value', axisLabel: { formatter: nlAxis } },
            { type: 'value', axisLabel: { formatter: nlAxis } },
          ],
          series: [
            { name, type: 'bar', data: s.points.map((x) => x.value) },
            ...(view.region === 'vlaanderen'
              ? []
              : [
                  {
                    name: 'Vlaams Gewest',
                    type: 'line',
                    yAxisIndex: 1,
                    data: s.points.map((x) => x.vlaanderen),
                  },
                ]),
          ],
        }}
      />
      <p id="reeks-evolutie">
        Evolutie:{' '}
        {s.growth.map((g) => (
          <span>
            {g.period}: {g.value === null ? '–' : `${g.value > 0 ? '+' : ''}${formatPercent(g.value)}`}{' '}
          </span>
        ))}
      </p>
      <Folded label={s.label}>
        <table class="data" id="tabel-reeks">
          <caption>
            {s.label} (bron: {s.source})
          </caption>
          <thead>
            <tr>
              <th scope="col">Jaar</th>
              <th scope="col" class="num">
                {name}
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
            {s.points.map((x) => (
              <tr>
                <th scope="row">{x.year}</th>
                <td class="num">{formatNumber(x.value)}</td>
                <td class="num">{formatNumber(x.vlaanderen)}</td>
                <td class="num">{formatPercent(x.share)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Folded>
      <Downloads links={tableDownloads(view.query, 'reeksen')} />
    </Section>
  );
}
