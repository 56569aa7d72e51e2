/** Register › Organisaties: list with search, filter, sort and paging; detail; create and edit. */
import { Hono } from 'hono';
import { can } from '../../access/index.ts';
import { pageRequestSchema } from '../../db/index.ts';
import type { AppEnv } from '../../http/index.ts';
import { run } from '../../http/index.ts';
import {
  createOrganisation,
  getOrganisation,
  listOrganisations,
  ORGANISATION_TYPES,
  type OrganisationType,
  type OrganisationView,
  updateOrganisation,
} from '../../registry/index.ts';
import { Field, fieldBinder, PostForm, Select } from '../components/forms.tsx';
import { Layout } from '../components/layout.tsx';
import { type Column, DataTable, Details, Pager } from '../components/table.tsx';
import {
  type FormErrors,
  type FormValues,
  flash,
  formErrors,
  optional,
  readForm,
  requireWebUser,
  takeFlash,
  text,
  type WebContext,
} from '../context.ts';
import { allPages, buildExport, ExportLinks, exportFormat, exportResponse } from '../export.tsx';
import { formatDateTime } from '../format.ts';
import { organisationRegistrySections, RegistryNav } from './registry.tsx';
import { requireWrite } from './registry-shared.tsx';

const BASE = '/register/organisaties';
const TYPE_OPTIONS = Object.entries(ORGANISATION_TYPES).map(([value, label]) => ({ value, label }));
const LABELS = {
  kbo: 'KBO-nummer',
  name: 'Naam',
  type: 'Type',
  legalForm: 'Rechtsvorm',
  street: 'Straat en nummer',
  postalCode: 'Postcode',
  municipality: 'Gemeente',
  nisCode: 'NIS-code',
};

function OrganisationForm(p: {
  c: WebContext;
  action: string;
  values: Partial<Record<string, string>>;
  errors?: FormErrors | undefined;
  withKbo: boolean;
  submit: string;
}) {
  const auth = requireWebUser(p.c);
  const bind = fieldBinder(LABELS, p.values, p.errors);
  return (
    <PostForm
      action={p.action}
      csrf={auth.csrfToken}
      errors={p.errors}
      labels={LABELS}
      submit={p.submit}
      cancel={BASE}
    >
      {p.withKbo && (
        <Field
          {...bind('kbo')}
          required
          hint="10 cijfers, bv. 0123.456.749; het controlegetal wordt nagekeken."
          width="medium"
          inputmode="numeric"
        />
      )}
      <Field {...bind('name')} required width="long" />
      <Select {...bind('type')} required options={TYPE_OPTIONS} empty="— kies een type —" />
      <Field {...bind('legalForm')} width="short" />
      <Field {...bind('street')} width="long" />
      <Field {...bind('postalCode')} width="short" inputmode="numeric" />
      <Field {...bind('municipality')} width="medium" />
      <Field
        {...bind('nisCode')}
        hint="5 cijfers; bepaalt de regio in de monitor (bv. 31005 voor Brugge)."
        width="short"
        inputmode="numeric"
      />
    </PostForm>
  );
}

function formInput(form: FormValues) {
  return {
    name: text(form, 'name'),
    type: text(form, 'type'),
    legalForm: optional(form, 'legalForm') ?? null,
    street: optional(form, 'street') ?? null,
    postalCode: optional(form, 'postalCode') ?? null,
    municipality: optional(form, 'municipality') ?? null,
    nisCode: optional(form, 'nisCode') ?? null,
  };
}

function valuesOf(o: OrganisationView): Record<string, string> {
  return {
    name: o.name,
    type: o.type,
    legalForm: o.legalForm ?? '',
    street: o.address.street ?? '',
    postalCode: o.address.postalCode ?? '',
    municipality: o.address.municipality ?? '',
    nisCode: o.nisCode ?? '',
  };
}

/** The list's columns, also the columns of its download. */
const ORGANISATION_COLUMNS: Column<OrganisationView>[] = [
  {
    key: 'name',
    label: 'Naam',
    sort: 'naam',
    render: (o) => <a href={`${BASE}/${o.id}`}>{o.name}</a>,
  },
  { key: 'kbo', label: 'KBO-nummer', sort: 'kbo', render: (o) => o.kboFormatted },
  { key: 'type', label: 'Type', sort: 'type', render: (o) => o.typeLabel },
  { key: 'municipality', label: 'Gemeente', render: (o) => o.address.municipality ?? '–' },
];

export function organisationPages(): Hono<AppEnv> {
  const web = new Hono<AppEnv>();

  web.get('/', async (c) => {
    const auth = requireWebUser(c);
    const paging = pageRequestSchema.parse(c.req.query());
    const q = c.req.query('q')?.trim() || undefined;
    const typeParam = c.req.query('type');
    const type = typeParam && typeParam in ORGANISATION_TYPES ? (typeParam as OrganisationType) : undefined;
    const format = exportFormat(c);
    if (format) {
      const rows = await allPages((p, n) =>
        listOrganisations(c.var.deps.db, c.var.actor, { sort: paging.sort, q, type, page: p, pageSize: n }),
      );
      const t = await buildExport('organisaties', 'Organisaties', ORGANISATION_COLUMNS, rows);
      return exportResponse(c, t, format);
    }
    const page = await listOrganisations(c.var.deps.db, c.var.actor, { ...paging, q, type });
    const canWrite = can(c.var.actor, 'organisations:write');
    return c.html(
      <Layout
        title="Organisaties"
        auth={auth}
        path={c.req.path}
        flash={takeFlash(c)}
        actions={
          canWrite ? (
            <a class="button" href={`${BASE}/nieuw`}>
              Nieuwe organisatie
            </a>
          ) : null
        }
      >
        <RegistryNav c={c} />
        <form method="get" class="filters" novalidate aria-label="Organisaties zoeken">
          <Field name="q" label="Zoek op naam of KBO-nummer" value={q} width="medium" required />
          <Select name="type" label="Type" options={TYPE_OPTIONS} value={type} empty="Alle types" required />
          <button type="submit" class="button-secondary">
            Filteren
          </button>
        </form>
        <DataTable
          c={c}
          caption="Organisaties"
          sort={paging.sort}
          empty={
            q || type
              ? 'Geen organisaties gevonden met deze filters.'
              : 'Er zijn nog geen organisaties geregistreerd.'
          }
          rows={page.items}
          columns={ORGANISATION_COLUMNS}
        />
        <Pager c={c} page={page.page} pageSize={page.pageSize} total={page.total} />
        {page.total > 0 && <ExportLinks c={c} label="organisaties" />}
      </Layout>,
    );
  });

  web.get('/nieuw', (c) => {
    // A role that may not register gets the 403 page before it fills anything in.
    const auth = requireWrite(c, 'organisations:write');
    return c.html(
      <Layout
        title="Nieuwe organisatie"
        auth={auth}
        path={c.req.path}
        breadcrumbs={[{ href: BASE, label: 'Organisaties' }]}
      >
        <OrganisationForm
          c={c}
          action={`${BASE}/nieuw`}
          values={{}}
          withKbo
          submit="Organisatie registreren"
        />
      </Layout>,
    );
  });

  web.post('/nieuw', async (c) => {
    const auth = requireWebUser(c);
    const form = await readForm(c);
    try {
      const org = await run(c, createOrganisation, { kbo: text(form, 'kbo'), ...formInput(form) });
      flash(c, `Organisatie '${org.name}' is geregistreerd.`);
      return c.redirect(`${BASE}/${org.id}`, 303);
    } catch (e) {
      return c.html(
        <Layout
          title="Nieuwe organisatie"
          auth={auth}
          path={c.req.path}
          breadcrumbs={[{ href: BASE, label: 'Organisaties' }]}
        >
          <OrganisationForm
            c={c}
            action={`${BASE}/nieuw`}
            values={form as Record<string, string>}
            errors={formErrors(e)}
            withKbo
            submit="Organisatie registreren"
          />
        </Layout>,
        400,
      );
    }
  });

  web.get('/:id', async (c) => {
    const auth = requireWebUser(c);
    const org = await getOrganisation(c.var.deps.db, c.var.actor, c.req.param('id'));
    return c.html(
      <Layout
        title={org.name}
        auth={auth}
        path={c.req.path}
        flash={takeFlash(c)}
        breadcrumbs={[{ href: BASE, label: 'Organisaties' }]}
        actions={
          can(c.var.actor, 'organisations:write') ? (
            <a class="button-secondary" href={`${BASE}/${org.id}/wijzigen`}>
              Wijzigen
            </a>
          ) : null
        }
      >
        <Details
          items={[
            ['KBO-nummer', org.kboFormatted],
            ['Type', org.typeLabel],
            ['Rechtsvorm', org.legalForm],
            [
              'Adres',
              [
                org.address.street,
                [org.address.postalCode, org.address.municipality].filter(Boolean).join(' '),
              ]
                .filter(Boolean)
                .join(', '),
            ],
            ['NIS-code', org.nisCode],
            ['Geregistreerd', formatDateTime(org.createdAt)],
            ['Laatst gewijzigd', formatDateTime(org.updatedAt)],
          ]}
        />
        {await organisationRegistrySections(c, org.id)}
      </Layout>,
    );
  });

  web.get('/:id/wijzigen', async (c) => {
    const auth = requireWrite(c, 'organisations:write');
    const org = await getOrganisation(c.var.deps.db, c.var.actor, c.req.param('id'));
    return c.html(
      <Layout
        title={`${org.name} wijzigen`}
        auth={auth}
        path={c.req.path}
        breadcrumbs={[
          { href: BASE, label: 'Organisaties' },
          { href: `${BASE}/${org.id}`, label: org.name },
        ]}
      >
        <OrganisationForm
          c={c}
          action={`${BASE}/${org.id}/wijzigen`}
          values={valuesOf(org)}
          withKbo={false}
          submit="Wijzigingen opslaan"
        />
      </Layout>,
    );
  });

  web.post('/:id/wijzigen', async (c) => {
    const auth = requireWebUser(c);
    const id = c.req.param('id');
    const form = await readForm(c);
    try {
      const org = await run(c, updateOrganisation, { id, ...formInput(form) });
      flash(c, 'De wijzigingen zijn opgeslagen.');
      return c.redirect(`${BASE}/${org.id}`, 303);
    } catch (e) {
      const errors = formErrors(e);
      const org = await getOrganisation(c.var.deps.db, c.var.actor, id);
      return c.html(
        <Layout
          title={`${org.name} wijzigen`}
          auth={auth}
          path={c.req.path}
          breadcrumbs={[
            { href: BASE, label: 'Organisaties' },
            { href: `${BASE}/${org.id}`, label: org.name },
          ]}
        >
          <OrganisationForm
            c={c}
            action={`${BASE}/${id}/wijzigen`}
            values={form as Record<string, string>}
            errors={errors}
            withKbo={false}
            submit="Wijzigingen opslaan"
          />
        </Layout>,
        400,
      );
    }
  });

  return web;
}
