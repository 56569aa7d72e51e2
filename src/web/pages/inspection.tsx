/**
 * Inspectie (inspecteur): the start section with open inspections and the risk hits, the risk
 * list with a filter per rule, and an inspection dossier with its timeline. Dutch UI.
 */
import { Hono } from 'hono';
import { assertCan } from '../../access/index.ts';
import type { AppEnv } from '../../http/index.ts';
import { run } from '../../http/index.ts';
import {
  getInspection,
  listInspections,
  openInspectionFromRisk,
  RISK_RULES,
  riskHits,
} from '../../inspection/index.ts';
import { Csrf } from '../components/forms.tsx';
import { Layout } from '../components/layout.tsx';
import { TableWrap } from '../components/table-wrap.tsx';
import { flash, requireWebUser, takeFlash, type WebContext } from '../context.ts';
import { submitForm } from '../form-flow.ts';
import { inspectionReportPages } from './inspection-report.tsx';

const BASE = '/inspectie';

export function inspectionPages() {
  const app = new Hono<AppEnv>();
  // The report is counts only: its own guard lets an analist in (inspection-report.tsx).
  app.route('/rapport', inspectionReportPages());
  const guard = (c: WebContext) => {
    const auth = requireWebUser(c);
    assertCan(auth.actor, 'inspection:handle');
    return auth;
  };
  app.get('/', async (c) => {
    const auth = guard(c);
    const db = c.var.deps.db;
    const open = (await listInspections(db, auth.actor)).filter((i) => i.state !== 'afgesloten');
    const hits = await riskHits(db, auth.actor);
    return c.html(
      <Layout title="Inspectie" auth={auth} path={c.req.path} wide>
        <h2>Open inspecties ({open.length})</h2>
        <TableWrap label="Open inspecties">
          <table class="data">
            <thead>
              <tr>
                <th>referentie</th>
                <th>organisatie</th>
                <th>domein</th>
                <th>herkomst</th>
                <th>toestand</th>
                <th>geopend</th>
              </tr>
            </thead>
            <tbody>
              {open.map((i) => (
                <tr>
                  <td>
                    <a href={`${BASE}/dossiers/${i.id}`}>{i.reference}</a>
                  </td>
                  <td>{i.organisation.name}</td>
                  <td>{i.domain}</td>
                  <td>{i.origin}</td>
                  <td>{i.state}</td>
                  <td>{i.openedOn}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
        <p>
          <a href={`${BASE}/rapport`}>Naar het inspectierapport (VSI-jaartabel, antidiscriminatie, boetes)</a>
        </p>
        <h2>Nieuwe risicotreffers</h2>
        <ul>
          {RISK_RULES.map((r) => (
            <li>
              <a href={`${BASE}/risicos?regel=${r.id}`}>{r.label}</a>:{' '}
              {hits.filter((h) => h.rule === r.id).length}
            </li>
          ))}
        </ul>
      </Layout>,
    );
  });
  app.get('/risicos', async (c) => {
    const auth = guard(c);
    const rule = c.req.query('regel') || undefined;
    const organisation = c.req.query('organisatie') || undefined;
    const all = await riskHits(c.var.deps.db, auth.actor, { rule });
    const organisations = [...new Map(all.map((h) => [h.organisation.id, h.organisation])).values()].sort(
      (a, b) => a.name.localeCompare(b.name, 'nl-BE'),
    );
    const hits = organisation ? all.filter((h) => h.organisation.id === organisation) : all;
    const def = RISK_RULES.find((r) => r.id === rule);
    return c.html(
      <Layout title="Risicolijst" auth={auth} path={c.req.path} wide flash={takeFlash(c)}>
        <form method="get" class="filters">
          <label>
            Regel{' '}
            <select name="regel">
              <option value="">alle regels</option>
              {RISK_RULES.map((r) => (
                <option value={r.id} selected={r.id === rule}>
                  {r.label}
                </option>
              ))}
            </select>
          </label>{' '}
          <label>
            Organisatie{' '}
            <select name="organisatie">
              <option value="">alle organisaties</option>
              {organisations.map((o) => (
                <option value={o.id} selected={o.id === organisation}>
                  {o.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit">Filter</button>
        </form>
        <p>
          {hits.length} {hits.length === 1 ? 'treffer' : 'treffers'}
        </p>
        {def && (
          <p>
            {def.reasoning} <small>({def.source})</small>
          </p>
        )}
        <TableWrap label="Nieuwe risicotreffers">
          <table class="data">
            <thead>
              <tr>
                <th>regel</th>
                <th>organisatie</th>
                <th>persoon (pseudoniem)</th>
                <th>reden</th>
                <th>gegevens</th>
                <th>actie</th>
              </tr>
            </thead>
            <tbody>
              {hits.map((h) => (
                <tr>
                  <td>{h.rule}</td>
                  <td>{h.organisation.name}</td>
                  <td>{h.person ?? '–'}</td>
                  <td>{h.reason}</td>
                  <td>{h.records.map((r) => `${r.kind}:${r.id}`).join(', ')}</td>
                  <td>
                    <form method="post" action={`${BASE}/risicos/openen`} class="inline">
                      <Csrf token={auth.csrfToken} />
                      <input type="hidden" name="rule" value={h.rule} />
                      <input type="hidden" name="organisationId" value={h.organisation.id} />
                      <input type="hidden" name="personId" value={h.personId ?? ''} />
                      <input type="hidden" name="reason" value={h.reason} />
                      <input type="hidden" name="records" value={JSON.stringify(h.records)} />
                      <button type="submit">Inspectie openen</button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </Layout>,
    );
  });
  // Opens an inspection dossier from a hit (origin risicolijst); the hit is on its first event.
  app.post('/risicos/openen', (c) => {
    guard(c);
    return submitForm(c, {
      run: (form) => {
        let records: unknown = [];
        try {
          records = JSON.parse(String(form['records'] ?? '[]'));
        } catch {}
        return run(c, openInspectionFromRisk, {
          rule: form['rule'],
          organisationId: form['organisationId'],
          personId: form['personId'] || null,
          reason: form['reason'],
          records,
        });
      },
      done: (d) => ({
        message: `Inspectiedossier ${d.reference} geopend vanuit de risicolijst.`,
        to: `${BASE}/dossiers/${d.id}`,
      }),
      again: (_form, errors) => {
        flash(c, errors.general ?? Object.values(errors.fields).join('; '));
        return c.redirect(`${BASE}/risicos`, 303);
      },
    });
  });
  app.get('/dossiers/:id', async (c) => {
    const auth = guard(c);
    const d = await getInspection(c.var.deps.db, auth.actor, c.req.param('id'));
    return c.html(
      <Layout title={`Inspectiedossier ${d.reference}`} auth={auth} path={c.req.path} flash={takeFlash(c)}>
        <dl>
          <dt>Organisatie</dt>
          <dd>{d.organisation.name}</dd>
          <dt>Domein</dt>
          <dd>{d.domain}</dd>
          <dt>Toestand</dt>
          <dd>{d.state}</dd>
          <dt>Uitkomst</dt>
          <dd>{d.outcome ?? '–'}</dd>
        </dl>
        <h2>Tijdlijn</h2>
        <ol class="timeline">
          {d.timeline.map((e) => (
            <li>
              <strong>{e.action}</strong> ({e.from ?? '–'} → {e.to}) door {e.actor} op{' '}
              {new Date(e.at).toLocaleString('nl-BE', { timeZone: 'Europe/Brussels' })}
              {e.note && <p>{e.note}</p>}
            </li>
          ))}
        </ol>
      </Layout>,
    );
  });
  return app;
}
