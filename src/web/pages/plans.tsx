/**
 * Ondernemingsplan: the goal tree (doelstelling → project) with status colours and counts, a
 * project page with its milestones as a table and a quarter timeline, filters (status, kwartaal,
 * project, tekst) in the query string, CSV/XLSX export and a print layout. Every signed-in role
 * reads; a beheerder also gets the forms that change the plan (commands with audit).
 */
import { Hono } from 'hono';
import { assertCan, can } from '../../access/index.ts';
import type { AppEnv } from '../../http/index.ts';
import { run } from '../../http/index.ts';
import {
  addMilestone,
  type MilestoneView,
  milestonesCsv,
  milestonesXlsx,
  moveMilestoneTiming,
  planMilestones,
  planSummary,
  type Rollup,
  referencePlan,
  resolveProject,
  STATUS_LABELS,
  setMilestoneStatus,
} from '../../plans/index.ts';
import { Csrf } from '../components/forms.tsx';
import { Layout } from '../components/layout.tsx';
import { TableWrap } from '../components/table-wrap.tsx';
import { flash, formErrors, readForm, requireWebUser, takeFlash, text, type WebContext } from '../context.ts';
import { formatNumber, formatPercent } from '../format.ts';

const BASE = '/plannen';
/** Status colours of the department's dashboards: green done, blue on track, orange late, grey other. */
const COLOUR: Record<string, string> = {
  Gerealiseerd: '#2e7d32',
  'Loopt op schema': '#1565c0',
  'Loopt met vertraging': '#ef6c00',
  'In voorbereiding': '#6a1b9a',
  'On hold': '#795548',
  Stopgezet: '#c62828',
  Geheroriënteerd: '#00838f',
  Nvt: '#9e9e9e',
};
const NONE = '#e0e0e0';
const PRINT_CSS = `.status-dot{display:inline-block;width:.8em;height:.8em;border-radius:50%;margin-right:.3em;vertical-align:middle}
.bar{display:flex;height:.9em;min-width:8em;border:1px solid #ccc}.bar span{display:block;height:100%}
.timeline td.q{width:3em;text-align:center}.timeline td.on{background:#1f4e79;color:#fff}
@media print{header,nav,footer,.filters,.downloads,.no-print,form{display:none!important}table{font-size:9pt}a{color:inherit;text-decoration:none}}`;

function filters(c: WebContext) {
  const v = (k: string) => c.req.query(k)?.trim() || undefined;
  const quarter = v('kwartaal');
  return {
    project: v('project'),
    status: v('status'),
    quarter: quarter && /^\d{4}-Q[1-4]$/.test(quarter) ? quarter : undefined,
    q: v('tekst'),
  };
}
const query = (f: Record<string, string | undefined>) =>
  new URLSearchParams(Object.entries(f).filter((e): e is [string, string] => !!e[1])).toString();

function StatusBadge(p: { m: MilestoneView }) {
  const s = p.m.status;
  if (!s) return <span class="muted">geen status</span>;
  return (
    <span title={s.meaning ?? undefined}>
      <span class="status-dot" style={`background:${COLOUR[s.label]}`} />
      {s.label}
      {s.asterisk ? '*' : ''}
    </span>
  );
}

function StatusBar(p: { r: Rollup }) {
  const total = p.r.items2022;
  if (!total) return <span class="muted">geen mijlpalen 2022</span>;
  const parts = STATUS_LABELS.map((s) => [s, p.r.status2022[s]!.count] as const).filter(([, n]) => n > 0);
  return (
    <span
      class="bar"
      role="img"
      aria-label={
        parts.map(([s, n]) => `${s}: ${n}`).join(', ') +
        (p.r.noStatus2022 ? `, geen status: ${p.r.noStatus2022}` : '')
      }
    >
      {parts.map(([s, n]) => (
        <span style={`width:${(n / total) * 100}%;background:${COLOUR[s]}`} title={`${s}: ${n}`} />
      ))}
      {p.r.noStatus2022 > 0 && (
        <span style={`width:${(p.r.noStatus2022 / total) * 100}%;background:${NONE}`} />
      )}
    </span>
  );
}

function Filters(p: { f: ReturnType<typeof filters>; quarters: string[] }) {
  const { data } = referencePlan();
  return (
    <form method="get" action={BASE} class="filters">
      <label>
        Project{' '}
        <select name="project">
          <option value="">alle</option>
          {data.projects.map((x) => (
            <option value={x.id} selected={p.f.project === x.id}>
              {x.id}
            </option>
          ))}
        </select>
      </label>{' '}
      <label>
        Status{' '}
        <select name="status">
          <option value="">alle</option>
          {[...STATUS_LABELS, 'geen'].map((s) => (
            <option value={s} selected={p.f.status === s}>
              {s}
            </option>
          ))}
        </select>
      </label>{' '}
      <label>
        Kwartaal{' '}
        <select name="kwartaal">
          <option value="">alle</option>
          {p.quarters.map((q) => (
            <option value={q} selected={p.f.quarter === q}>
              {q}
            </option>
          ))}
        </select>
      </label>{' '}
      <label>
        Tekst <input type="search" name="tekst" value={p.f.q ?? ''} />
      </label>{' '}
      <button type="submit">Filter</button>
    </form>
  );
}

function MilestoneTable(p: { items: MilestoneView[]; showProject?: boolean }) {
  return (
    <TableWrap label="Mijlpalen">
      <table class="data">
        <thead>
          <tr>
            <th>id</th>
            {p.showProject && <th>project</th>}
            <th>mijlpaal</th>
            <th>tabel</th>
            <th>status 2022</th>
            <th>timing 2023</th>
            <th>bron</th>
          </tr>
        </thead>
        <tbody>
          {p.items.map((m) => (
            <tr id={m.id}>
              <td>{m.id}</td>
              {p.showProject && (
                <td>
                  <a href={`${BASE}/project?id=${encodeURIComponent(m.project)}`}>{m.project}</a>
                </td>
              )}
              <td style={`padding-left:${(m.level - 1) * 1.5}em`}>
                {m.container ? <strong>{m.title}</strong> : m.title}
                {m.bijkomend && <span class="muted"> (bijkomend)</span>}
                {m.sameAs.length > 0 && <span class="muted"> — ook als {m.sameAs.join(', ')}</span>}
                {m.measures.length > 0 && (
                  <span class="muted">
                    {' '}
                    — maatregel:{' '}
                    {m.measures.map((x) => (
                      <a href={`/regelgeving/${x.id}`}>{x.id}</a>
                    ))}
                  </span>
                )}
                {m.changes.length > 0 && (
                  <div class="muted">
                    {m.changes.map((x) => `${x.kind} door ${x.actor}: ${x.reason}`).join(' · ')}
                  </div>
                )}
              </td>
              <td>{m.table}</td>
              <td>{m.table === '2023' && !m.status ? '' : <StatusBadge m={m} />}</td>
              <td>{m.timing?.text ?? ''}</td>
              <td class="source">{m.source.replace('seeds/001_4a57afe77d69f3a4.txt:', '001:')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function Timeline(p: { items: MilestoneView[]; quarters: string[] }) {
  const timed = p.items.filter((m) => m.timing && !m.container);
  if (!timed.length) return <p>Geen mijlpalen met timing.</p>;
  return (
    <TableWrap label="Tijdlijn van de mijlpalen">
      <table class="data timeline">
        <thead>
          <tr>
            <th>mijlpaal</th>
            {p.quarters.map((q) => (
              <th>{q}</th>
            ))}
            <th>anders</th>
          </tr>
        </thead>
        <tbody>
          {timed.map((m) => (
            <tr>
              <td>
                {m.id} {m.title.length > 80 ? `${m.title.slice(0, 79)}…` : m.title}
              </td>
              {p.quarters.map((q) => {
                const on = m.timing!.quarters.includes(q);
                return (
                  <td class={`q${on ? ' on' : ''}`} aria-label={on ? q : undefined}>
                    {on ? '■' : ''}
                  </td>
                );
              })}
              <td>{m.timing!.quarters.length ? '' : m.timing!.text}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function ChangeForms(p: {
  csrf: string | undefined;
  project: string;
  items: MilestoneView[];
  error?: string;
}) {
  const ids = p.items.filter((m) => !m.container).map((m) => m.id);
  const back = `${BASE}/project?id=${encodeURIComponent(p.project)}`;
  return (
    <section class="no-print">
      <h2>Het plan bijwerken (beheerder)</h2>
      {p.error && (
        <div class="error-summary" role="alert">
          {p.error}
        </div>
      )}
      <form method="post" action={`${BASE}/status`}>
        <Csrf token={p.csrf} />
        <input type="hidden" name="terug" value={back} />
        <h3>Status wijzigen</h3>
        <label>
          Mijlpaal{' '}
          <select name="id">
            {ids.map((id) => (
              <option value={id}>{id}</option>
            ))}
          </select>
        </label>{' '}
        <label>
          Status{' '}
          <select name="status">
            {STATUS_LABELS.map((s) => (
              <option value={s}>{s}</option>
            ))}
          </select>
        </label>{' '}
        <label>
          <input type="checkbox" name="asterisk" value="1" /> met sterretje (loopt door)
        </label>{' '}
        <label>
          Reden <input name="reason" required />
        </label>{' '}
        <button type="submit">Status opslaan</button>
      </form>
      <form method="post" action={`${BASE}/timing`}>
        <Csrf token={p.csrf} />
        <input type="hidden" name="terug" value={back} />
        <h3>Timing verplaatsen</h3>
        <label>
          Mijlpaal{' '}
          <select name="id">
            {ids.map((id) => (
              <option value={id}>{id}</option>
            ))}
          </select>
        </label>{' '}
        <label>
          Nieuwe timing <input name="timing" placeholder="2023/Q4" required />
        </label>{' '}
        <label>
          Reden <input name="reason" required />
        </label>{' '}
        <button type="submit">Timing opslaan</button>
      </form>
      <form method="post" action={`${BASE}/toevoegen`}>
        <Csrf token={p.csrf} />
        <input type="hidden" name="terug" value={back} />
        <input type="hidden" name="project" value={p.project} />
        <h3>Mijlpaal toevoegen</h3>
        <label>
          Titel <input name="title" required />
        </label>{' '}
        <label>
          Timing <input name="timing" placeholder="2023/Q4" />
        </label>{' '}
        <label>
          Reden <input name="reason" required />
        </label>{' '}
        <button type="submit">Toevoegen</button>
      </form>
    </section>
  );
}

const QUARTERS = ['2023-Q1', '2023-Q2', '2023-Q3', '2023-Q4', '2024-Q1'];

export function planPages() {
  const app = new Hono<AppEnv>();
  const guard = (c: WebContext) => {
    const auth = requireWebUser(c);
    assertCan(auth.actor, 'plans:read');
    return auth;
  };
  const today = (c: WebContext) => (c.var.deps.now?.() ?? new Date()).toISOString().slice(0, 10);

  app.get('/', async (c) => {
    const auth = guard(c);
    const f = filters(c);
    const s = await planSummary(c.var.deps.db, auth.actor, today(c));
    const { data } = referencePlan();
    const filtered = f.project || f.status || f.quarter || f.q;
    const items = filtered ? await planMilestones(c.var.deps.db, auth.actor, f) : [];
    const q = query({ project: f.project, status: f.status, kwartaal: f.quarter, tekst: f.q });
    const projectRow = (id: string) => {
      const p = s.projects.find((x) => x.id === id)!;
      const done = p.rollup.status2022['Gerealiseerd']!;
      return (
        <tr>
          <td>
            <a href={`${BASE}/project?id=${encodeURIComponent(p.id)}`}>{p.id}</a>
          </td>
          <td>{p.title}</td>
          <td class="num">{formatNumber(p.rollup.items2022)}</td>
          <td class="num">
            {formatNumber(done.count)} ({formatNumber(done.asterisk)}*)
          </td>
          <td class="num">{formatPercent(done.share)}</td>
          <td>
            <StatusBar r={p.rollup} />
          </td>
          <td class="num">{formatNumber(p.rollup.items2023)}</td>
          <td class="num">{formatNumber(p.rollup.late.length)}</td>
          <td class="num">{formatNumber(p.rollup.dueThisQuarter.length)}</td>
        </tr>
      );
    };
    const head = (
      <thead>
        <tr>
          <th>project</th>
          <th>titel</th>
          <th class="num">mijlpalen 2022</th>
          <th class="num">gerealiseerd</th>
          <th class="num">aandeel</th>
          <th>status 2022</th>
          <th class="num">mijlpalen 2023</th>
          <th class="num">te laat</th>
          <th class="num">in {s.quarter}</th>
        </tr>
      </thead>
    );
    const inNoGoal = data.projects.filter((p) => p.goals.length === 0).map((p) => p.id);
    return c.html(
      <Layout title="Ondernemingsplan 2023" auth={auth} path={c.req.path} flash={takeFlash(c)} wide>
        <style>{PRINT_CSS}</style>
        <p>
          Het ondernemingsplan 2023 van het Departement WSE met de evaluatie van 2022 ({data.plan.source}).
          Plan: {formatNumber(s.plan.items2022)} mijlpalen in de tabellen 2022, waarvan{' '}
          {formatNumber(s.plan.status2022['Gerealiseerd']!.count)} gerealiseerd (
          {formatNumber(s.plan.status2022['Gerealiseerd']!.asterisk)} met sterretje: {data.asterisk.meaning}),
          en {formatNumber(s.plan.items2023)} mijlpalen in de tabellen 2023. Peildatum {s.asOf} ({s.quarter}).
        </p>
        <p class="legend">
          {STATUS_LABELS.map((l) => (
            <span>
              <span class="status-dot" style={`background:${COLOUR[l]}`} />
              {l}{' '}
            </span>
          ))}
        </p>
        <Filters f={f} quarters={QUARTERS} />
        {filtered && (
          <section>
            <h2>Gevonden mijlpalen ({formatNumber(items.length)})</h2>
            <p class="downloads">
              <a href={`${BASE}/download/mijlpalen.csv?${q}`} download>
                Download (CSV)
              </a>{' '}
              ·{' '}
              <a href={`${BASE}/download/mijlpalen.xlsx?${q}`} download>
                Download (XLSX)
              </a>
            </p>
            <MilestoneTable items={items} showProject />
          </section>
        )}
        {s.goals.map((g) => (
          <section>
            <h2>
              {g.id}: {g.title}
            </h2>
            <TableWrap label={`${g.id}: ${g.title}`}>
              <table class="data">
                {head}
                <tbody>{g.projects.map(projectRow)}</tbody>
              </table>
            </TableWrap>
          </section>
        ))}
        <section>
          <h2>Mens en organisatie (hoofdstuk 8, zonder SOD)</h2>
          <TableWrap label="Mens en organisatie (hoofdstuk 8, zonder SOD)">
            <table class="data">
              {head}
              <tbody>{inNoGoal.map(projectRow)}</tbody>
            </table>
          </TableWrap>
        </section>
        <p class="downloads">
          <a href={`${BASE}/download/mijlpalen.csv`} download>
            Alle mijlpalen (CSV)
          </a>{' '}
          ·{' '}
          <a href={`${BASE}/download/mijlpalen.xlsx`} download>
            Alle mijlpalen (XLSX)
          </a>
        </p>
        <ul class="muted">
          {s.assumptions.map((a) => (
            <li>{a}</li>
          ))}
        </ul>
      </Layout>,
    );
  });

  app.get('/project', async (c) => {
    const auth = guard(c);
    const id = resolveProject(c.req.query('id') ?? '');
    const project = referencePlan().data.projects.find((p) => p.id === id);
    if (!project) return c.notFound();
    const items = await planMilestones(c.var.deps.db, auth.actor, { project: project.id, containers: true });
    const s = await planSummary(c.var.deps.db, auth.actor, today(c));
    const r = s.projects.find((p) => p.id === project.id)!.rollup;
    const t22 = items.filter((m) => m.table !== '2023');
    const t23 = items.filter((m) => m.table === '2023');
    return c.html(
      <Layout
        title={`${project.id} ${project.title}`}
        auth={auth}
        path={c.req.path}
        flash={takeFlash(c)}
        wide
        breadcrumbs={[{ href: BASE, label: 'Ondernemingsplan' }]}
      >
        <style>{PRINT_CSS}</style>
        <p>
          {project.kind}, sectie {project.section}
          {project.goals.length > 0 && `, doelstelling ${project.goals.join(', ')}`}
          {project.owner && `, trekker: ${project.owner.name} (${project.owner.source})`}. Bron:{' '}
          {referencePlan().data.plan.source}:{project.heading}.
        </p>
        <p>
          <StatusBar r={r} /> {formatNumber(r.items2022)} mijlpalen 2022, {formatNumber(r.items2023)}{' '}
          mijlpalen 2023, {formatNumber(r.late.length)} te laat, {formatNumber(r.dueThisQuarter.length)}{' '}
          gepland in {s.quarter}.
        </p>
        <p class="downloads">
          <a href={`${BASE}/download/mijlpalen.csv?project=${encodeURIComponent(project.id)}`} download>
            Download (CSV)
          </a>{' '}
          ·{' '}
          <a href={`${BASE}/download/mijlpalen.xlsx?project=${encodeURIComponent(project.id)}`} download>
            Download (XLSX)
          </a>
        </p>
        <h2>Mijlpalen 2022</h2>
        {t22.length ? <MilestoneTable items={t22} /> : <p>Geen mijlpalen 2022.</p>}
        <h2>Mijlpalen 2023</h2>
        {t23.length ? <MilestoneTable items={t23} /> : <p>Geen mijlpalen 2023.</p>}
        <h2>Tijdlijn per kwartaal</h2>
        <Timeline items={t23} quarters={QUARTERS} />
        {can(auth.actor, 'plans:manage') && (
          <ChangeForms csrf={auth.csrfToken} project={project.id} items={items} error={c.req.query('fout')} />
        )}
      </Layout>,
    );
  });

  const change = (
    path: string,
    exec: (c: WebContext, form: Record<string, string>) => Promise<MilestoneView>,
  ) =>
    app.post(path, async (c) => {
      requireWebUser(c);
      const values = await readForm(c);
      const form = Object.fromEntries(Object.keys(values).map((k) => [k, text(values, k)]));
      const back = form['terug']?.startsWith(`${BASE}/`) ? form['terug'] : BASE;
      try {
        const m = await exec(c, form);
        flash(c, `Mijlpaal ${m.id} is bijgewerkt.`);
        return c.redirect(`${back}#${m.id}`, 303);
      } catch (e) {
        const errors = formErrors(e);
        const msg =
          errors.general ??
          Object.entries(errors.fields)
            .map(([k, v]) => `${k}: ${v}`)
            .join('; ');
        return c.redirect(`${back}${back.includes('?') ? '&' : '?'}fout=${encodeURIComponent(msg)}`, 303);
      }
    });
  change('/status', (c, f) =>
    run(c, setMilestoneStatus, {
      id: f['id'],
      status: f['status'],
      asterisk: f['asterisk'] === '1',
      reason: f['reason'],
    }),
  );
  change('/timing', (c, f) =>
    run(c, moveMilestoneTiming, { id: f['id'], timing: f['timing'], reason: f['reason'] }),
  );
  change('/toevoegen', (c, f) =>
    run(c, addMilestone, {
      project: f['project'],
      title: f['title'],
      timing: f['timing'] || null,
      reason: f['reason'],
    }),
  );

  app.get('/download/mijlpalen.csv', async (c) => {
    const auth = guard(c);
    const items = await planMilestones(c.var.deps.db, auth.actor, filters(c));
    return c.body(`\uFEFF${milestonesCsv(items)}`, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="ondernemingsplan-mijlpalen.csv"',
    });
  });
  app.get('/download/mijlpalen.xlsx', async (c) => {
    const auth = guard(c);
    const buf = await milestonesXlsx(await planMilestones(c.var.deps.db, auth.actor, filters(c)));
    return c.body(new Uint8Array(buf), 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': 'attachment; filename="ondernemingsplan-mijlpalen.xlsx"',
    });
  });
  return app;
}
