/** The KPI tiles of seeds/003 Bijlage XI, with their norm, colour and the year before. */
import { Chart } from '../../components/chart.tsx';
import { formatPercent } from '../../format.ts';
import type { MonitorData } from './data.ts';
import { BASE } from './params.ts';
import { COLOUR_HEX, COLOUR_NL, Downloads, Folded, Section } from './parts.tsx';

export function KpiSection(p: { d: MonitorData }) {
  const { kpis, p: view } = p.d;
  const tiles = kpis.kpis;
  return (
    <Section id="kpis" title="KPI's">
      <div class="tiles">
        {tiles.map((k) => (
          <div
            class="tile kpi"
            id={`kpi-${k.id}`}
            style={`border-left: 0.5rem solid ${COLOUR_HEX[k.colour]}`}
          >
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
      <Chart
        id="grafiek-kpis"
        caption="KPI's: waarde en het jaar ervoor (%)"
        label={`Liggende staafgrafiek: ${tiles.length} KPI's met hun waarde en die van het jaar ervoor.`}
        height={Math.max(200, 80 + 40 * tiles.length)}
        option={{
          legend: { top: 0 },
          grid: { top: 40, left: 10, right: 30, bottom: 30, containLabel: true },
          xAxis: { type: 'value', min: 0, axisLabel: { formatter: '{value} %' } },
          yAxis: {
            type: 'category',
            inverse: true,
            data: tiles.map((k) => k.label),
            axisLabel: { width: 260, overflow: 'truncate' },
          },
          series: [
            { name: 'Waarde', type: 'bar', data: tiles.map((k) => k.value) },
            { name: 'Jaar ervoor', type: 'bar', data: tiles.map((k) => k.previous?.value ?? null) },
          ],
        }}
      />
      <Folded label="KPI's">
        <table class="data" id="tabel-kpis">
          <caption>KPI's met hun norm en bron</caption>
          <thead>
            <tr>
              <th scope="col">KPI</th>
              <th scope="col" class="num">
                Jaar
              </th>
              <th scope="col" class="num">
                Waarde
              </th>
              <th scope="col" class="num">
                Jaar ervoor
              </th>
              <th scope="col">Norm</th>
              <th scope="col">Bron</th>
            </tr>
          </thead>
          <tbody>
            {tiles.map((k) => (
              <tr>
                <th scope="row" class="label-cell">
                  {k.label}
                </th>
                <td class="num">{k.year}</td>
                <td class="num">{formatPercent(k.value)}</td>
                <td class="num">
                  {k.previous ? `${formatPercent(k.previous.value)} (${k.previous.year})` : '–'}
                </td>
                <td class="label-cell">
                  {k.norm} — {COLOUR_NL[k.colour]}
                </td>
                <td class="source-cell">
                  <small>{k.source}</small>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Folded>
      <Downloads
        links={[
          { href: `${BASE}/download/kpis.csv`, label: "Download KPI's (CSV)" },
          { href: `${BASE}/download/monitor.xlsx?${view.query}`, label: "Download KPI's (XLSX)" },
        ]}
      />
    </Section>
  );
}
