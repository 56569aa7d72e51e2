/**
 * Monitor: the participation ladder as a dashboard. A summary of the headline figures with their
 * change against the year before, then sections to jump to (ladder, measures, regions, series,
 * lead times, KPIs), each with its chart, its table folded under it and its downloads. The filters
 * (year, region, source, series) stand in the URL, so a view can be shared.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../../../http/index.ts';
import {
  getCheck,
  getKpis,
  getTable,
  kpisCsv,
  ladderCsv,
  laddersCsv,
  monitorXlsx,
  normsCsv,
  seriesCsv,
  TABEL_39,
} from '../../../monitor/index.ts';
import { loadCharts } from '../../components/chart.tsx';
import { Layout } from '../../components/layout.tsx';
import { requireWebUser, type WebContext } from '../../context.ts';
import { ladderOf, loadMonitor, regionalLadders } from './data.ts';
import { Filters, JumpLinks } from './filters.tsx';
import { KpiSection } from './kpis.tsx';
import { LadderSection } from './ladder.tsx';
import { LeadTimesSection } from './leadtimes.tsx';
import { MeasuresSection } from './measures.tsx';
import { monitorParams } from './params.ts';
import { RegionsSection } from './regions.tsx';
import { SeriesSection } from './series.tsx';
import { Summary } from './summary.tsx';

const csvResponse = (c: WebContext, name: string, body: string) =>
  c.body(`\ufeff${body}`, 200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${name}"`,
  });

export function monitorPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/', async (c) => {
    const auth = requireWebUser(c);
    const p = await monitorParams(c, auth.actor);
    await loadCharts();
    const d = await loadMonitor(c, auth.actor, p);
    return c.html(
      <Layout title="Monitor" auth={auth} path={c.req.path} wide>
        <p>
          Tewerkstelling en arbeidsmatige participatie van personen met een afstand tot de arbeidsmarkt
          (treden 3, 4 en 5 van de participatieladder). Bron: <code>{TABEL_39.source}</code>.
        </p>
        <Filters p={p} />
        <JumpLinks />
        <Summary d={d} />
        <LadderSection d={d} />
        <MeasuresSection d={d} />
        <RegionsSection d={d} />
        <SeriesSection d={d} />
        <LeadTimesSection d={d} />
        <KpiSection d={d} />
      </Layout>,
    );
  });

  app.get('/download/ladder.csv', async (c) => {
    const actor = requireWebUser(c).actor;
    const p = await monitorParams(c, actor);
    const l = await ladderOf(c, actor, p, p.year, p.region);
    return csvResponse(c, `ladder-${p.region}-${p.year}.csv`, ladderCsv(l));
  });
  app.get('/download/tabel-39.csv', async (c) =>
    csvResponse(c, 'tabel-39.csv', seriesCsv(await getTable(requireWebUser(c).actor))),
  );
  app.get('/download/regios.csv', async (c) => {
    const actor = requireWebUser(c).actor;
    const p = await monitorParams(c, actor);
    const regions = await regionalLadders(c, actor, p);
    if (!regions) return c.text(`Geen cijfers per regio voor ${p.year}.`, 404);
    return csvResponse(c, `regios-${p.year}.csv`, laddersCsv(regions));
  });
  app.get('/download/normen.csv', async (c) =>
    csvResponse(c, 'normen.csv', normsCsv(await getKpis(requireWebUser(c).actor))),
  );
  app.get('/download/kpis.csv', async (c) =>
    csvResponse(c, 'kpis.csv', kpisCsv(await getKpis(requireWebUser(c).actor))),
  );
  app.get('/download/monitor.xlsx', async (c) => {
    const actor = requireWebUser(c).actor;
    const p = await monitorParams(c, actor);
    const buf = await monitorXlsx({
      ladder: await ladderOf(c, actor, p, p.year, p.region),
      table: await getTable(actor),
      check: await getCheck(actor),
      regions: (await regionalLadders(c, actor, p)) ?? [],
      kpis: await getKpis(actor),
    });
    return c.body(new Uint8Array(buf), 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="monitor-${p.region}-${p.year}.xlsx"`,
    });
  });
  return app;
}
