/** The regions of West-Vlaanderen in the chosen year (the study: Tabel 40; the registry: any year). */
import { Chart, nlAxis } from '../../components/chart.tsx';
import { formatNumber } from '../../format.ts';
import type { MonitorData } from './data.ts';
import { BASE } from './params.ts';
import { Downloads, Folded, Section } from './parts.tsx';

export function RegionsSection(p: { d: MonitorData }) {
  const { regional, regionalYear, p: view } = p.d;
  const year = view.year;
  return (
    <Section id="regios" title={`Regio's van West-Vlaanderen, ${year}`}>
      {regional === null ? (
        <p class="notice">
          De studie geeft cijfers per regio enkel voor {regionalYear}.{' '}
          <a href={`${BASE}?jaar=${regionalYear}&regio=${view.region}#regios`}>
            Toon de regio's in {regionalYear}
          </a>
          .
        </p>
      ) : (
        <>
          <Chart
            id="grafiek-regios"
            caption={`Plaatsen per trede en regio, ${year}`}
            label={`Gestapelde staafgrafiek: plaatsen per trede in de vijf West-Vlaamse regio's en niet toe te wijzen, ${year}.`}
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
          <Folded label={`plaatsen per regio, ${year}`}>
            <table class="data" id="tabel-regios">
              <caption>
                Plaatsen per regio, {year} (bron: {regional[0]?.source})
              </caption>
              <thead>
                <tr>
                  <th scope="col">Regio</th>
                  {[5, 4, 3].map((r) => (
                    <th scope="col" class="num">
                      Trede {r}
                    </th>
                  ))}
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
          </Folded>
          <Downloads
            links={[
              { href: `${BASE}/download/regios.csv?${view.query}`, label: "Download regio's (CSV)" },
              { href: `${BASE}/download/monitor.xlsx?${view.query}`, label: "Download regio's (XLSX)" },
            ]}
          />
        </>
      )}
    </Section>
  );
}
