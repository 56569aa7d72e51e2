/**
 * Lead times: the department's norms with their colours (seeds/001 boordtabel) and what Trede
 * measures itself in the current year from its dossiers.
 */
import { COLOUR_LABELS } from '../../../dossiers/index.ts';
import { Chart } from '../../components/chart.tsx';
import { formatPercent, formatPoints } from '../../format.ts';
import type { MonitorData } from './data.ts';
import { BASE } from './params.ts';
import { COLOUR_HEX, COLOUR_NL, Downloads, Folded, Section } from './parts.tsx';

const num = (v: number | string) => (typeof v === 'number' ? v : null);

export function LeadTimesSection(p: { d: MonitorData }) {
  const { kpis, leadTimes, leadYear, p: view } = p.d;
  const n = kpis.norms;
  const [y1, y2] = n.years;
  const measured = leadTimes.norms.filter((x) => x.counted > 0);
  return (
    <Section id="doorlooptijden" title="Doorlooptijden: streefnormen">
      <p>
        {n.title} (bron: <code>{n.source}</code>). Legende:{' '}
        {n.legend.colours.map((l) => (
          <span class="legend-item" style={`border-left: 1rem solid ${l.hex}`}>
            {l.text}
          </span>
        ))}
      </p>
      <Chart
        id="grafiek-normen"
        caption={`Gehaald aandeel per kernproces, ${y1} en ${y2}, met het streefdoel (%)`}
        label={`Liggende staafgrafiek: aandeel binnen de streefnorm per kernproces in ${y1} en ${y2}, met het streefdoel als punt.`}
        height={Math.max(220, 80 + 34 * n.rows.length)}
        option={{
          legend: { top: 0 },
          grid: { top: 40, left: 10, right: 30, bottom: 30, containLabel: true },
          xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' } },
          yAxis: {
            type: 'category',
            inverse: true,
            data: n.rows.map((r) => r.process),
            axisLabel: { width: 260, overflow: 'truncate' },
          },
          series: [
            { name: String(y1), type: 'bar', data: n.rows.map((r) => num(r.y2021)) },
            { name: String(y2), type: 'bar', data: n.rows.map((r) => num(r.y2022)) },
            { name: 'Streefdoel', type: 'scatter', symbol: 'diamond', data: n.rows.map((r) => r.target) },
          ],
        }}
      />
      <Folded label="streefnormen per kernproces">
        <table class="data" id="tabel-normen">
          <caption>
            {n.title}, {y1} en {y2}
          </caption>
          <thead>
            <tr>
              <th scope="col">Kernproces</th>
              <th scope="col">Streefnorm</th>
              <th scope="col" class="num">
                Streefdoel
              </th>
              <th scope="col" class="num">
                {y1}
              </th>
              <th scope="col" class="num">
                {y2}
              </th>
            </tr>
          </thead>
          <tbody>
            {n.rows.map((r) => (
              <tr>
                <td class="label-cell">{r.process}</td>
                <td class="label-cell">{r.norm}</td>
                <td class="num">{formatPercent(r.target, 0)}</td>
                {(
                  [
                    [r.y2021, r.colour2021],
                    [r.y2022, r.colour2022],
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
      </Folded>
      <Downloads
        links={[
          { href: `${BASE}/download/normen.csv`, label: 'Download normen (CSV)' },
          { href: `${BASE}/download/monitor.xlsx?${view.query}`, label: 'Download normen (XLSX)' },
        ]}
      />

      <h3 id="doorlooptijden-gemeten">Doorlooptijden gemeten in Trede, {leadYear}</h3>
      {measured.length === 0 ? (
        <p class="empty-state">
          Nog geen afgehandelde dossiers in {leadYear} voor een norm uit de boordtabel. Zie{' '}
          <a href={`/dossiers/doorlooptijden?jaar=${leadYear}`}>alle doorlooptijden</a>.
        </p>
      ) : (
        <div class="tiles">
          {measured.map((m) => (
            <div class="tile kpi" style={`border-left: 0.5rem solid ${COLOUR_HEX[m.colour ?? 'grijs']}`}>
              <p>
                {m.measureName}: {m.label}
              </p>
              <p class="value">{formatPercent(m.achieved, 1)}</p>
              <p>
                streefdoel {formatPercent(m.target, 0)} · {m.withinNorm} van {m.counted} dossiers
                {m.changePoints !== null && ` · ${formatPoints(m.changePoints)} t.o.v. ${leadYear - 1}`} —{' '}
                <strong>{m.colour ? COLOUR_LABELS[m.colour] : 'geen vergelijking'}</strong>
              </p>
            </div>
          ))}
        </div>
      )}
      <p>
        <a href={`/dossiers/doorlooptijden?jaar=${leadYear}`}>Alle normen, met wat niet gemodelleerd is</a>
      </p>
    </Section>
  );
}
