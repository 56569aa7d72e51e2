/**
 * The registry pages: persons (registry-persons.tsx), placements and their end, an organisation's
 * recognitions and contingents, and the import (registry-import.tsx). Every form follows the one
 * pattern of form-flow.ts.
 */
import { Hono } from 'hono';
import { can } from '../../access/index.ts';
import { pageRequestSchema } from '../../db/index.ts';
import type { AppEnv } from '../../http/index.ts';
import { run } from '../../http/index.ts';
import {
  addRecognition,
  createPlacement,
  endPlacement,
  getOrganisation,
  getPlacement,
  listPlacements,
  seesIdentity,
  setContingent,
} from '../../registry/index.ts';
import { Select } from '../components/forms.tsx';
import { Layout } from '../components/layout.tsx';
import { Details, Pager } from '../components/table.tsx';
import { type FormErrors, optional, requireWebUser, takeFlash, text, type WebContext } from '../context.ts';
import { allPages, buildExport, ExportLinks, exportFormat, exportResponse } from '../export.tsx';
import { submitForm } from '../form-flow.ts';
import { formatDate } from '../format.ts';
import {
  ContingentForm,
  decimal,
  EndPlacementForm,
  PlacementForm,
  placementErrors,
  RecognitionForm,
  type Values,
} from './registry-forms.tsx';
import { registerImportPages } from './registry-import.tsx';
import { registerPersonPages } from './registry-persons.tsx';
import {
  backPath,
  fte,
  measureNames,
  measureOptions,
  PlacementTable,
  placementColumns,
  RegistryNav,
  requireWrite,
} from './registry-shared.tsx';

export { organisationRegistrySections } from './registry-organisation.tsx';
export { RegistryNav };

export function registryPages(): Hono<AppEnv> {
  const web = new Hono<AppEnv>();
  registerPersonPages(web);

  web.get('/plaatsingen', async (c) => {
    const auth = requireWebUser(c);
    const paging = pageRequestSchema.parse(c.req.query());
    const measure = c.req.query('maatregel')?.trim() || undefined;
    const format = exportFormat(c);
    if (format) {
      const rows = await allPages((p, n) =>
        listPlacements(c.var.deps.db, c.var.actor, { sort: paging.sort, measure, page: p, pageSize: n }),
      );
      const columns = await placementColumns({ c, showOrganisation: true });
      return exportResponse(c, await buildExport('plaatsingen', 'Plaatsingen', columns, rows), format);
    }
    const page = await listPlacements(c.var.deps.db, c.var.actor, { ...paging, measure });
    return c.html(
      <Layout
        title="Plaatsingen"
        auth={auth}
        path={c.req.path}
        flash={takeFlash(c)}
        actions={
          can(c.var.actor, 'registry:write') ? (
            <a class="button" href="/register/plaatsingen/nieuw">
              Nieuwe plaatsing
            </a>
          ) : null
        }
      >
        <RegistryNav c={c} />
        <form method="get" class="filters" novalidate aria-label="Plaatsingen filteren">
          <Select
            name="maatregel"
            label="Maatregel"
            options={await measureOptions()}
            value={measure}
            empty="Alle"
            required
          />
          <button type="submit" class="button-secondary">
            Filteren
          </button>
        </form>
        <PlacementTable
          c={c}
          rows={page.items}
          sort={paging.sort}
          empty="Geen plaatsingen gevonden."
          showOrganisation
        />
        <Pager c={c} page={page.page} pageSize={page.pageSize} total={page.total} />
        {page.total > 0 && <ExportLinks c={c} label="plaatsingen" />}
      </Layout>,
    );
  });

  const placementCrumbs = [{ href: '/register/plaatsingen', label: 'Plaatsingen' }];

  web.get('/plaatsingen/nieuw', async (c) => {
    const auth = requireWrite(c, 'registry:write');
    const values: Values = {
      insz: c.req.query('insz') ?? '',
      terug: backPath(c.req.query('terug'), ''),
    };
    const organisationId = c.req.query('organisatie');
    if (organisationId) {
      const org = await getOrganisation(c.var.deps.db, c.var.actor, organisationId);
      values['kbo'] = org.kboFormatted;
      values['terug'] = `/register/organisaties/${org.id}`;
    }
    return c.html(
      <Layout title="Nieuwe plaatsing" auth={auth} path={c.req.path} breadcrumbs={placementCrumbs}>
        <PlacementForm c={c} values={values} measures={await measureOptions()} />
      </Layout>,
    );
  });

  web.post('/plaatsingen/nieuw', (c) =>
    submitForm(c, {
      run: (form) =>
        run(c, createPlacement, {
          insz: text(form, 'insz'),
          kbo: text(form, 'kbo'),
          measure: text(form, 'measure'),
          start: text(form, 'start'),
          end: optional(form, 'end') ?? null,
          fte: decimal(form, 'fte'),
          hoursPerWeek: decimal(form, 'hoursPerWeek') ?? null,
        }),
      done: (placement, form) => ({
        message: `Plaatsing vanaf ${formatDate(placement.start)} bij ${placement.organisation.name} is geregistreerd.`,
        to: backPath(optional(form, 'terug'), `/register/personen/${placement.person.id}`),
      }),
      errors: placementErrors,
      again: async (form, errors) =>
        c.html(
          <Layout title="Nieuwe plaatsing" auth={c.var.auth} path={c.req.path} breadcrumbs={placementCrumbs}>
            <PlacementForm c={c} values={form as Values} measures={await measureOptions()} errors={errors} />
          </Layout>,
          400,
        ),
    }),
  );

  const endPage = async (c: WebContext, values: Values, back: string, errors?: FormErrors) => {
    const auth = requireWrite(c, 'registry:write');
    const placement = await getPlacement(c.var.deps.db, c.var.actor, c.req.param('id')!);
    const identity = seesIdentity(c.var.actor);
    return c.html(
      <Layout title="Plaatsing beëindigen" auth={auth} path={c.req.path} breadcrumbs={placementCrumbs}>
        <Details
          items={[
            [
              identity ? 'Persoon' : 'Pseudoniem',
              identity ? (placement.person.name ?? placement.person.insz) : placement.person.pseudonym,
            ],
            ['Organisatie', placement.organisation.name],
            ['Maatregel', (await measureNames()).get(placement.measure) ?? placement.measure],
            ['Start', formatDate(placement.start)],
            ['Einde', placement.end ? formatDate(placement.end) : 'lopend'],
            ['VTE', fte(placement.fte)],
          ]}
        />
        <EndPlacementForm c={c} id={placement.id} back={back} values={values} errors={errors} />
      </Layout>,
      errors ? 400 : 200,
    );
  };

  web.get('/plaatsingen/:id/beeindigen', (c) =>
    endPage(c, {}, backPath(c.req.query('terug'), '/register/plaatsingen')),
  );

  web.post('/plaatsingen/:id/beeindigen', (c) =>
    submitForm(c, {
      run: (form) => run(c, endPlacement, { id: c.req.param('id'), end: text(form, 'end') }),
      done: (placement, form) => ({
        message: `De plaatsing is beëindigd op ${formatDate(placement.end!)}.`,
        to: backPath(optional(form, 'terug'), '/register/plaatsingen'),
      }),
      errors: placementErrors,
      again: (form, errors) =>
        endPage(c, form as Values, backPath(optional(form, 'terug'), '/register/plaatsingen'), errors),
    }),
  );

  const organisationForm = async (
    c: WebContext,
    kind: 'erkenning' | 'contingent',
    values: Values,
    errors?: FormErrors,
  ) => {
    const auth = requireWrite(c, 'organisations:write');
    const org = await getOrganisation(c.var.deps.db, c.var.actor, c.req.param('id')!);
    const measures = await measureOptions();
    return c.html(
      <Layout
        title={kind === 'erkenning' ? 'Erkenning toevoegen' : 'Contingent instellen'}
        auth={auth}
        path={c.req.path}
        breadcrumbs={[
          { href: '/register/organisaties', label: 'Organisaties' },
          { href: `/register/organisaties/${org.id}`, label: org.name },
        ]}
      >
        {kind === 'erkenning' ? (
          <RecognitionForm
            c={c}
            organisationId={org.id}
            measures={measures}
            values={values}
            errors={errors}
          />
        ) : (
          <ContingentForm c={c} organisationId={org.id} measures={measures} values={values} errors={errors} />
        )}
      </Layout>,
      errors ? 400 : 200,
    );
  };

  web.get('/organisaties/:id/erkenningen/nieuw', (c) => organisationForm(c, 'erkenning', {}));

  web.post('/organisaties/:id/erkenningen/nieuw', (c) =>
    submitForm(c, {
      run: (form) =>
        run(c, addRecognition, {
          organisationId: c.req.param('id'),
          measure: text(form, 'measure'),
          reference: optional(form, 'reference') ?? null,
          validFrom: text(form, 'validFrom'),
          validTo: optional(form, 'validTo') ?? null,
        }),
      done: () => ({
        message: 'De erkenning is toegevoegd.',
        to: `/register/organisaties/${c.req.param('id')}#erkenningen`,
      }),
      again: (form, errors) => organisationForm(c, 'erkenning', form as Values, errors),
    }),
  );

  web.get('/organisaties/:id/contingenten/nieuw', (c) => organisationForm(c, 'contingent', {}));

  web.post('/organisaties/:id/contingenten/nieuw', (c) =>
    submitForm(c, {
      run: (form) =>
        run(c, setContingent, {
          organisationId: c.req.param('id'),
          measure: text(form, 'measure'),
          quarter: text(form, 'quarter'),
          fte: decimal(form, 'fte'),
          reason: optional(form, 'reason') ?? null,
        }),
      done: () => ({
        message: 'Het contingent is opgeslagen.',
        to: `/register/organisaties/${c.req.param('id')}#contingenten`,
      }),
      again: (form, errors) => organisationForm(c, 'contingent', form as Values, errors),
    }),
  );

  registerImportPages(web);
  return web;
}
