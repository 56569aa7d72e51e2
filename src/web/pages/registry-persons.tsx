/** The persons of the registry: the list, a new person, and a person's page with placements, indications and dossiers. */
import type { Hono } from 'hono';
import { can } from '../../access/index.ts';
import { pageRequestSchema } from '../../db/index.ts';
import type { AppEnv } from '../../http/index.ts';
import { run } from '../../http/index.ts';
import {
  createPerson,
  getPerson,
  listIndications,
  listPersons,
  listPlacements,
  type PersonView,
  seesIdentity,
} from '../../registry/index.ts';
import { Field } from '../components/forms.tsx';
import { Layout } from '../components/layout.tsx';
import { type Column, DataTable, Details, Pager } from '../components/table.tsx';
import { optional, requireWebUser, takeFlash, text } from '../context.ts';
import { allPages, buildExport, ExportLinks, exportFormat, exportResponse } from '../export.tsx';
import { submitForm } from '../form-flow.ts';
import { formatDate, formatNumber } from '../format.ts';
import { DossierList } from './dossiers-shared.tsx';
import { PersonForm, type Values } from './registry-forms.tsx';
import { PlacementTable, RegistryNav, requireWrite } from './registry-shared.tsx';

export function registerPersonPages(web: Hono<AppEnv>): void {
  web.get('/personen', async (c) => {
    const auth = requireWebUser(c);
    const paging = pageRequestSchema.parse(c.req.query());
    const q = c.req.query('q')?.trim() || undefined;
    const identity = seesIdentity(c.var.actor);
    const format = exportFormat(c);
    if (format) {
      const rows = await allPages((p, n) =>
        listPersons(c.var.deps.db, c.var.actor, { sort: paging.sort, q, page: p, pageSize: n }),
      );
      return exportResponse(
        c,
        await buildExport('personen', 'Personen', personColumns(identity), rows),
        format,
      );
    }
    const page = await listPersons(c.var.deps.db, c.var.actor, { ...paging, q });
    return c.html(
      <Layout
        title="Personen"
        auth={auth}
        path={c.req.path}
        flash={takeFlash(c)}
        actions={
          can(c.var.actor, 'registry:write') ? (
            <a class="button" href="/register/personen/nieuw">
              Nieuwe persoon
            </a>
          ) : null
        }
      >
        <RegistryNav c={c} />
        <form method="get" class="filters" novalidate aria-label="Personen zoeken">
          <Field
            name="q"
            label={identity ? 'Zoek op INSZ, naam of pseudoniem' : 'Zoek op pseudoniem'}
            value={q}
            width="medium"
          />
          <button type="submit" class="button-secondary">
            Zoeken
          </button>
        </form>
        <DataTable
          c={c}
          caption="Personen"
          sort={paging.sort}
          empty="Geen personen gevonden."
          rows={page.items}
          columns={personColumns(identity)}
        />
        <Pager c={c} page={page.page} pageSize={page.pageSize} total={page.total} />
        {page.total > 0 && <ExportLinks c={c} label="personen" />}
      </Layout>,
    );
  });

  const personCrumbs = [{ href: '/register/personen', label: 'Personen' }];

  web.get('/personen/nieuw', (c) => {
    const auth = requireWrite(c, 'registry:write');
    return c.html(
      <Layout title="Nieuwe persoon" auth={auth} path={c.req.path} breadcrumbs={personCrumbs}>
        <PersonForm c={c} values={{}} />
      </Layout>,
    );
  });

  web.post('/personen/nieuw', (c) =>
    submitForm(c, {
      run: (form) =>
        run(c, createPerson, {
          insz: text(form, 'insz'),
          firstName: optional(form, 'firstName') ?? null,
          lastName: optional(form, 'lastName') ?? null,
        }),
      done: (person) => ({
        message: `Persoon ${person.inszFormatted ?? person.pseudonym} is geregistreerd.`,
        to: `/register/personen/${person.id}`,
      }),
      again: (form, errors) =>
        c.html(
          <Layout title="Nieuwe persoon" auth={c.var.auth} path={c.req.path} breadcrumbs={personCrumbs}>
            <PersonForm c={c} values={form as Values} errors={errors} />
          </Layout>,
          400,
        ),
    }),
  );

  web.get('/personen/:id', async (c) => {
    const auth = requireWebUser(c);
    const db = c.var.deps.db;
    const person = await getPerson(db, c.var.actor, c.req.param('id'));
    const identity = seesIdentity(c.var.actor);
    const [placements, indications] = await Promise.all([
      listPlacements(db, c.var.actor, { page: 1, pageSize: 100, personId: person.id }),
      listIndications(db, c.var.actor, { page: 1, pageSize: 100, personId: person.id }),
    ]);
    const title = identity
      ? [person.firstName, person.lastName].filter(Boolean).join(' ') || (person.inszFormatted ?? '')
      : person.pseudonym;
    return c.html(
      <Layout
        title={title}
        auth={auth}
        path={c.req.path}
        flash={takeFlash(c)}
        breadcrumbs={personCrumbs}
        actions={
          identity && can(c.var.actor, 'registry:write') && person.insz ? (
            <a
              class="button"
              href={`/register/plaatsingen/nieuw?insz=${person.insz}&terug=${encodeURIComponent(c.req.path)}`}
            >
              Plaatsing toevoegen
            </a>
          ) : null
        }
      >
        <Details
          items={[
            ...(identity
              ? ([
                  ['INSZ', person.inszFormatted],
                  ['Geboortedatum', person.birthDate ? formatDate(person.birthDate) : null],
                ] as [string, unknown][])
              : ([['Geboortejaar', person.birthDate]] as [string, unknown][])),
            ['Pseudoniem', person.pseudonym],
            ['Geslacht', person.sex === 'M' ? 'man' : person.sex === 'V' ? 'vrouw' : null],
          ]}
        />
        <h2>Plaatsingen</h2>
        <PlacementTable c={c} rows={placements.items} empty="Geen plaatsingen." showOrganisation />
        <DossierList c={c} personId={person.id} empty="Geen dossiers voor deze persoon." />
        <h2>Indiceringen</h2>
        <DataTable
          c={c}
          caption="Indiceringen"
          empty="Geen indiceringen."
          rows={indications.items}
          columns={[
            { key: 'date', label: 'Datum', render: (i) => formatDate(i.indicatedOn) },
            { key: 'rung', label: 'Trede', render: (i) => i.ladderRung ?? '–' },
            { key: 'target', label: 'Doelgroep', render: (i) => i.targetGroup ?? '–' },
            {
              key: 'loss',
              label: 'Productiviteitsverlies',
              render: (i) => (i.productivityLoss === null ? '–' : `${formatNumber(i.productivityLoss, 0)} %`),
            },
            { key: 'ticket', label: 'Ticket', render: (i) => i.ticketType ?? '–' },
            {
              key: 'valid',
              label: 'Geldig tot',
              render: (i) => (i.validTo ? formatDate(i.validTo) : 'onbepaald'),
            },
          ]}
        />
      </Layout>,
    );
  });
}

/** The list's columns (names and INSZ only for roles that see identities), also its download's. */
function personColumns(identity: boolean): Column<PersonView>[] {
  return identity
    ? [
        {
          key: 'name',
          label: 'Naam',
          sort: 'naam',
          render: (p) => (
            <a href={`/register/personen/${p.id}`}>
              {[p.firstName, p.lastName].filter(Boolean).join(' ') || '–'}
            </a>
          ),
        },
        { key: 'insz', label: 'INSZ', sort: 'insz', render: (p) => p.inszFormatted },
        { key: 'pseudonym', label: 'Pseudoniem', sort: 'pseudoniem', render: (p) => p.pseudonym },
      ]
    : [
        {
          key: 'pseudonym',
          label: 'Pseudoniem',
          sort: 'pseudoniem',
          render: (p) => <a href={`/register/personen/${p.id}`}>{p.pseudonym}</a>,
        },
        { key: 'birth', label: 'Geboortejaar', render: (p) => p.birthDate ?? '–' },
      ];
}
