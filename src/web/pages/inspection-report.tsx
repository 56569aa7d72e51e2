/**
 * Inspectie › rapport: the yearly VSI table per domain computed from the inspection dossiers
 * beside the seed's 2021-2022 reference figures, the anti-discrimination figures and the fines'
 * lead time against the 8-month term. Charts as server-side SVG (ECharts), each followed by its
 * table and CSV/XLSX downloads. Counts only: an analist may read it, a werkgever may not.
 */
import { Hono } from 'hono';
import { assertCan } from '../../access/index.ts';
import type { AppEnv } from '../../http/index.ts';
import { type InspectionYearReport, inspectionReport } from '../../inspection/index.ts';
import { Chart, loadCharts, nlAxis } from '../components/chart.tsx';
import { Layout } from '../components/layout.tsx';
import { TableWrap } from '../components/table-wrap.tsx';
import { requireWebUser, type WebContext } from '../context.ts';
import { type DownloadTable, parseDownload, sendTable } from '../downloads.ts';
import { formatEuro, formatEuroCents, formatNumber, formatPercent } from '../format.ts';

const BASE = '/inspectie/rapport';
const DEFAULT_YEAR = 2022;
const TREDE = 'inspectiedossiers Trede';

function yearOf(c: WebContext): number {
  const y = Number(c.req.query('jaar') ?? DEFAULT_YEAR);
  return Number.isInteger(y) && y >= 2000 && y <= 2100 ? y : DEFAULT_YEAR;
}

/** The report's tables, once, for the page's downloads. */
export function reportTables(r: InspectionYearReport): Record<string, DownloadTable> {
  const ref = new Map((r.reference?.domains ?? []).map((d) => [d.domain, d]));
  if (r.reference) ref.set('TOTAAL', r.reference.total);
  const f = r.computed.fineLeadTime;
  const rf = r.reference?.fineLeadTime;
  return {
    vsi: {
      name: `vsi-${r.year}`,
      title: `VSI-jaartabel ${r.year} per domein: inspectiedossiers Trede en referentiecijfers`,
      columns: [
        { header: 'domein', kind: 'text' },
        { header: 'dossiers (Trede)', kind: 'number' },
        { header: 'PJ (Trede)', kind: 'number' },
        { header: 'voorgestelde terugvorderingen (Trede, euro)', kind: 'euro-cents' },
        { header: 'dossiers (referentie)', kind: 'number' },
        { header: 'PJ (referentie)', kind: 'number' },
        { header: 'voorgestelde terugvorderingen (referentie, euro)', kind: 'euro' },
        { header: 'bron referentie', kind: 'text' },
      ],
      rows: [r.computed.total, ...r.computed.domains].map((d) => {
        const x = ref.get(d.domain);
        return [
          d.domain,
          d.dossiers,
          d.pj,
          d.recoveriesCents / 100,
          x?.dossiers ?? null,
          x?.pj ?? null,
          x?.recoveriesEur ?? null,
          x?.source ?? '',
        ];
      }),
    },
    antidiscriminatie: {
      name: `antidiscriminatie-${r.year}`,
      title: `Antidiscriminatiecontroles ${r.year}`,
      columns: [
        { header: 'metriek', kind: 'text' },
        { header: 'waarde', kind: 'number' },
        { header: 'bron', kind: 'text' },
      ],
      rows: [
        ...r.computed.antiDiscrimination.map((a) => [a.metric, a.value, TREDE]),
        ...(r.reference?.antiDiscrimination.figures ?? []).map((a) => [a.metric, a.value, a.source]),
        ...(r.reference?.antiDiscrimination.notAvailable ?? []).map((a) => [
          a.metric,
          null,
          `niet beschikbaar ("?"): ${a.source}`,
        ]),
      ],
    },
    boetes: {
      name: `boetes-${r.year}`,
      title: `Doorlooptijd administratieve geldboetes ${r.year} tegen de termijn van ${f.normMonths} maanden`,
      columns: [
        { header: 'meting', kind: 'text' },
        { header: 'waarde', kind: 'number' },
        { header: 'bron', kind: 'text' },
      ],
      rows: [
        ['norm: termijn (maanden)', f.normMonths, f.source],
        ['norm: aandeel binnen de termijn (%)', f.normShare, f.source],
        ['boetes opgelegd', f.fines, TREDE],
        ['boetes met gekende parketbeslissing', f.measured, TREDE],
        ['boetes binnen de termijn', f.withinNorm, TREDE],
        ['aandeel binnen de termijn (%)', f.share, TREDE],
        ['aandeel binnen de termijn, gepubliceerd (%)', rf?.realisedShare ?? null, rf?.source ?? ''],
      ],
    },
  };
}

function Downloads(p: { year: number; name: string; label: string }) {
  return (
    <p class="downloads">
      <a href={`${BASE}/download/${p.name}.csv?jaar=${p.year}`} download>
        Download {p.label} (CSV)
      </a>
      {' · '}
      <a href={`${BASE}/download/${p.name}.xlsx?jaar=${p.year}`} download>
        Download {p.label} (XLSX)
      </a>
    </p>
  );
}

const n = (v: number | null | undefined) => (v == null ? '–' : formatNumber(v));

export function inspectionReportPages() {
  const app = new Hono<AppEnv>();
  const guard = (c: WebContext) => {
    const auth = requireWebUser(c);
    assertCan(auth.actor, 'inspection:report');
    return auth;
  };
  app.get('/', async (c) => {
    const auth = guard(c);
    const year = yearOf(c);
    const r = await inspectionReport(c.var.deps.db, auth.actor, year);
    await loadCharts();
    const ref = new Map((r.reference?.domains ?? []).map((d) => [d.domain, d]));
    // The chart shows the domains with a figure in Trede or in the reference table.
    const shown = r.computed.domains.filter((d) => d.dossiers > 0 || (ref.get(d.domain)?.dossiers ?? 0) > 0);
    const f = r.computed.fineLeadTime;
    const rf = r.reference?.fineLeadTime;
    const ad = r.computed.antiDiscrimination;
    const adRef = r.reference?.antiDiscrimination;
    return c.html(
      <Layout title={`Inspectierapport ${year}`} auth={auth} path={c.req.path} wide>
        <form method="get" class="filters">
          <label>
            Jaar <input type="number" name="jaar" min="2000" max="2100" value={String(year)} />
          </label>
          <button type="submit">Toon</button>
        </form>
        <p>
          Berekend uit de inspectiedossiers in Trede (dossiers geopend in {year}). Voor 2021 en 2022 staan de
          cijfers van de VSI-tabel uit het ondernemingsplan ernaast als referentie
          {r.reference && <> ({r.reference.source})</>}.
        </p>

        <h2 id="vsi">VSI-jaartabel per domein</h2>
        <Chart
          id="grafiek-vsi"
          caption={`Dossiers per domein, ${year}`}
          label={`Staafgrafiek: dossiers per domein in ${year}; Trede ${r.computed.total.dossiers}${r.reference ? `, referentie ${r.reference.total.dossiers ?? 0}` : ''}.`}
          height={Math.max(240, 28 * shown.length + 80)}
          option={{
            legend: { top: 0 },
            grid: { top: 40, left: 260, right: 30, bottom: 30 },
            yAxis: { type: 'category', data: shown.map((d) => d.domain), inverse: true },
            xAxis: { type: 'value', axisLabel: { formatter: nlAxis } },
            series: [
              { name: 'Trede', type: 'bar', data: shown.map((d) => d.dossiers) },
              ...(r.reference
                ? [
                    {
                      name: 'Referentie (VSI-tabel)',
                      type: 'bar',
                      data: shown.map((d) => ref.get(d.domain)?.dossiers ?? 0),
                    },
                  ]
                : []),
            ],
          }}
        />
        <div class="table-wrap">
          <table class="data" id="tabel-vsi">
            <caption>VSI-jaartabel {year}: Trede en referentie</caption>
            <thead>
              <tr>
                <th scope="col">domein</th>
                <th scope="col">dossiers</th>
                <th scope="col">PJ</th>
                <th scope="col">voorgestelde terugvorderingen</th>
                <th scope="col">ref. dossiers</th>
                <th scope="col">ref. PJ</th>
                <th scope="col">ref. terugvorderingen</th>
                <th scope="col">bron</th>
              </tr>
            </thead>
            <tbody>
              {[r.computed.total, ...r.computed.domains].map((d) => {
                const x = d.domain === 'TOTAAL' ? r.reference?.total : ref.get(d.domain);
                return (
                  <tr class={d.domain === 'TOTAAL' ? 'total' : undefined}>
                    <th scope="row">{d.domain}</th>
                    <td class="num">{n(d.dossiers)}</td>
                    <td class="num">{n(d.pj)}</td>
                    <td class="num">{formatEuroCents(d.recoveriesCents)}</td>
                    <td class="num">{n(x?.dossiers)}</td>
                    <td class="num">{n(x?.pj)}</td>
                    <td class="num">{x?.recoveriesEur == null ? '–' : formatEuro(x.recoveriesEur)}</td>
                    <td>
                      <small>{x?.source ?? ''}</small>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {r.reference && (
          <p id="vsi-controle">
            {r.reference.check.findings.length
              ? r.reference.check.findings.map((x) => `Afwijking: ${x.message} (${x.source}). `)
              : `Controle van de referentietabel: ${r.reference.check.checked.totals} totalen en ${r.reference.check.checked.trends} trends volgen uit de domeinen.`}
          </p>
        )}
        <Downloads year={year} name="vsi" label="VSI-jaartabel" />

        <h2 id="antidiscriminatie">Antidiscriminatie</h2>
        <Chart
          id="grafiek-antidiscriminatie"
          caption={`Antidiscriminatiecontroles ${year}`}
          label={`Staafgrafiek: antidiscriminatiecontroles in ${year}; Trede ${ad[0]?.value ?? 0} controles.`}
          option={{
            legend: { top: 0 },
            grid: { top: 40, left: 60, right: 20, bottom: 60 },
            xAxis: {
              type: 'category',
              data: ad.map((a) => a.metric),
              axisLabel: { interval: 0, rotate: 15 },
            },
            yAxis: { type: 'value', axisLabel: { formatter: nlAxis } },
            series: [{ name: 'Trede', type: 'bar', data: ad.map((a) => a.value) }],
          }}
        />
        <TableWrap label="Antidiscriminatie">
          <table class="data" id="tabel-antidiscriminatie">
            <caption>Antidiscriminatie {year}</caption>
            <thead>
              <tr>
                <th scope="col">metriek</th>
                <th scope="col">Trede</th>
                <th scope="col">referentie (bron)</th>
              </tr>
            </thead>
            <tbody>
              {ad.map((a) => (
                <tr>
                  <th scope="row">{a.metric}</th>
                  <td class="num">{n(a.value)}</td>
                  <td>
                    {[
                      ...(adRef?.figures ?? [])
                        .filter((x) => x.metric === a.metric)
                        .map((x) => `${formatNumber(x.value)} (${x.source})`),
                      ...(adRef?.notAvailable ?? [])
                        .filter((x) => x.metric === a.metric)
                        .map((x) => `? (${x.source})`),
                    ].join('; ') || '–'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
        {adRef?.findings.map((x) => (
          <p class="finding">Bronnen spreken elkaar tegen: {x.message}</p>
        ))}
        <Downloads year={year} name="antidiscriminatie" label="antidiscriminatie" />

        <h2 id="boetes">Doorlooptijd van administratieve geldboetes</h2>
        <p>
          Norm: {formatPercent(f.normShare, 0)} van de boetes binnen {f.normMonths} maanden na de beslissing
          van het parket om niet te vervolgen <small>({f.source})</small>.
        </p>
        <TableWrap label="Doorlooptijd van administratieve geldboetes">
          <table class="data" id="tabel-boetes">
            <caption>Boetes {year} tegen de norm</caption>
            <tbody>
              <tr>
                <th scope="row">boetes opgelegd (Trede)</th>
                <td class="num">{n(f.fines)}</td>
              </tr>
              <tr>
                <th scope="row">met gekende parketbeslissing</th>
                <td class="num">{n(f.measured)}</td>
              </tr>
              <tr>
                <th scope="row">binnen de termijn</th>
                <td class="num">{n(f.withinNorm)}</td>
              </tr>
              <tr>
                <th scope="row">aandeel binnen de termijn (Trede)</th>
                <td class="num">
                  {f.share === null ? '–' : formatPercent(f.share)}
                  {f.met !== null && (f.met ? ' · norm gehaald' : ' · norm niet gehaald')}
                </td>
              </tr>
              <tr>
                <th scope="row">aandeel binnen de termijn (gepubliceerd)</th>
                <td class="num">
                  {rf?.realisedShare == null ? '–' : formatPercent(rf.realisedShare, 2)}
                  {rf?.met != null && (rf.met ? ' · norm gehaald' : ' · norm niet gehaald')}
                  {rf?.realisedShare != null && <small> ({rf.source})</small>}
                </td>
              </tr>
            </tbody>
          </table>
        </TableWrap>
        {f.unmeasured.length > 0 && (
          <p>Zonder datum van de parketbeslissing (niet gemeten): {f.unmeasured.join(', ')}.</p>
        )}
        <Downloads year={year} name="boetes" label="boetes" />
      </Layout>,
    );
  });
  app.get('/download/:file', async (c) => {
    const auth = guard(c);
    const d = parseDownload(c.req.param('file'));
    if (!d) return c.notFound();
    const t = reportTables(await inspectionReport(c.var.deps.db, auth.actor, yearOf(c)))[d.name];
    if (!t) return c.notFound();
    return sendTable(c, t, d.format);
  });
  return app;
}
