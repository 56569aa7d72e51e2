/**
 * Dossiers: the list with filters and a case handler's work queue; the dossier page
 * (dossier-page.tsx), the new-dossier form (dossier-new.tsx) and the lead times
 * (dossier-leadtimes.tsx) are their own files.
 */
import { Hono } from 'hono';
import { can } from '../../access/index.ts';
import { pageRequestSchema } from '../../db/index.ts';
import {
  type DossierState,
  type DossierView,
  listDossiers,
  measureOptions,
  STATE_LABELS,
  STATES,
  workQueue,
} from '../../dossiers/index.ts';
import type { AppEnv } from '../../http/index.ts';
import { Csrf, Field, Select } from '../components/forms.tsx';
import { Layout } from '../components/layout.tsx';
import { DataTable, Pager } from '../components/table.tsx';
import { requireWebUser, takeFlash } from '../context.ts';
import { allPages, buildExport, ExportLinks, exportFormat, exportResponse } from '../export.tsx';
import { formatNumber } from '../format.ts';
import { registerLeadTimePages } from './dossier-leadtimes.tsx';
import { registerNewDossierPages } from './dossier-new.tsx';
import { registerDossierPage } from './dossier-page.tsx';
import { BASE, DossierTabs, dossierColumns } from './dossiers-shared.tsx';

export { DossierList, OrganisationDossiers } from './dossiers-shared.tsx';

const STATE_OPTIONS = STATES.map((s) => ({ value: s, label: STATE_LABELS[s] }));

export function dossierPages(): Hono<AppEnv> {
  const web = new Hono<AppEnv>();

  web.get('/', async (c) => {
    const auth = requireWebUser(c);
    const paging = pageRequestSchema.parse(c.req.query());
    const stateParam = c.req.query('toestand');
    const state = (STATES as readonly string[]).includes(stateParam ?? '')
      ? (stateParam as DossierState)
      : undefined;
    const measureId = c.req.query('maatregel') || undefined;
    const organisationId = c.req.query('organisatie') || undefined;
    const q = c.req.query('q')?.trim() || undefined;
    const handlerParam = c.req.query('behandelaar');
    const handler = handlerParam === 'mij' || handlerParam === 'geen' ? handlerParam : undefined;
    const filter = { sort: paging.sort ?? '-ontvangen', state, measureId, organisationId, handler, q };
    const format = exportFormat(c);
    if (format) {
      const rows = await allPages((p, n) =>
        listDossiers(c.var.deps.db, c.var.actor, { ...filter, page: p, pageSize: n }),
      );
      return exportResponse(c, await buildExport('dossiers', 'Dossiers', dossierColumns(), rows), format);
    }
    const page = await listDossiers(c.var.deps.db, c.var.actor, { ...paging, ...filter });
    return c.html(
      <Layout
        title="Dossiers"
        auth={auth}
        path={c.req.path}
        flash={takeFlash(c)}
        actions={
          can(c.var.actor, 'dossiers:apply') ? (
            <a class="button" href={`${BASE}/nieuw`}>
              Nieuw dossier
            </a>
          ) : null
        }
      >
        <DossierTabs actor={c.var.actor} path={c.req.path} />
        <form method="get" class="filters" novalidate aria-label="Dossiers filteren">
          <Field name="q" label="Referentie" value={q} width="medium" required />
          <Select
            name="toestand"
            label="Toestand"
            options={STATE_OPTIONS}
            value={state}
            empty="Alle"
            required
          />
          <Select
            name="maatregel"
            label="Maatregel"
            options={await measureOptions()}
            value={measureId}
            empty="Alle"
            required
          />
          {can(c.var.actor, 'dossiers:handle') && (
            <Select
              name="behandelaar"
              label="Behandelaar"
              options={[
                { value: 'mij', label: 'Aan mij toegewezen' },
                { value: 'geen', label: 'Niet toegewezen' },
              ]}
              value={handler}
              empty="Alle"
              required
            />
          )}
          <button type="submit" class="button-secondary">
            Filteren
          </button>
        </form>
        <DataTable
          c={c}
          caption="Dossiers"
          sort={paging.sort ?? '-ontvangen'}
          rows={page.items}
          columns={dossierColumns()}
          empty={
            state || measureId || q
              ? 'Geen dossiers gevonden met deze filters.'
              : 'Er zijn nog geen dossiers.'
          }
        />
        <Pager c={c} page={page.page} pageSize={page.pageSize} total={page.total} />
        {page.total > 0 && <ExportLinks c={c} label="dossiers" />}
      </Layout>,
    );
  });

  web.get('/werkvoorraad', async (c) => {
    const auth = requireWebUser(c);
    const db = c.var.deps.db;
    const [mine, unassigned] = await Promise.all([
      workQueue(db, c.var.actor, { which: 'mij', page: 1, pageSize: 100 }),
      workQueue(db, c.var.actor, { which: 'geen', page: 1, pageSize: 100 }),
    ]);
    return c.html(
      <Layout title="Mijn werkvoorraad" auth={auth} path={c.req.path} flash={takeFlash(c)}>
        <DossierTabs actor={c.var.actor} path={c.req.path} />
        <h2>Aan mij toegewezen ({formatNumber(mine.total)})</h2>
        <DataTable
          c={c}
          caption="Aan mij toegewezen, oudste eerst"
          rows={mine.items}
          columns={dossierColumns()}
          empty="Er zijn geen open dossiers aan u toegewezen."
        />
        <h2>Niet toegewezen ({formatNumber(unassigned.total)})</h2>
        <DataTable
          c={c}
          caption="Niet toegewezen, oudste eerst"
          rows={unassigned.items}
          columns={[
            ...dossierColumns(),
            {
              key: 'take',
              label: 'Actie',
              render: (d: DossierView) => (
                <form method="post" action={`${BASE}/${d.id}/acties`} class="inline-form">
                  <Csrf token={auth.csrfToken} />
                  <input type="hidden" name="action" value="toewijzen" />
                  <input type="hidden" name="terug" value={`${BASE}/werkvoorraad`} />
                  <button type="submit" class="button-small">
                    Neem op
                  </button>
                </form>
              ),
            },
          ]}
          empty="Er zijn geen open dossiers zonder behandelaar."
        />
      </Layout>,
    );
  });

  registerLeadTimePages(web);
  registerNewDossierPages(web);
  registerDossierPage(web);

  return web;
}
