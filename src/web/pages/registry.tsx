/**
 * Register › personen, plaatsingen, import; and the registry sections of an organisation's page
 * (erkenningen, contingenten, plaatsingen, verbanden). Persons are shown with INSZ and name only to
 * roles that may see identities; others see the pseudonym.
 */

import { Readable } from 'node:stream';
import { Hono } from 'hono';
import { can } from '../../access/index.ts';
import { pageRequestSchema } from '../../db/index.ts';
import { ForbiddenError, ValidationError } from '../../domain/index.ts';
import type { AppEnv } from '../../http/index.ts';
import { checkCsrf, run } from '../../http/index.ts';
import {
  formatFromName,
  getPerson,
  IMPORT_COLUMNS,
  IMPORT_KINDS,
  type ImportIssue,
  ImportRejectedError,
  type ImportReport,
  importRegistry,
  listContingents,
  listIndications,
  listOrganisationLinks,
  listPersons,
  listPlacements,
  listRecognitions,
  type PlacementView,
  recordsOf,
  seesIdentity,
} from '../../registry/index.ts';
import { Actions, Csrf, Field, Select } from '../components/forms.tsx';
import { Layout } from '../components/layout.tsx';
import { DataTable, Details, Pager } from '../components/table.tsx';
import { requireWebUser, type WebContext } from '../context.ts';
import { formatDate, formatNumber } from '../format.ts';
import { OrganisationDossiers } from './dossiers.tsx';

const fte = (n: number) => formatNumber(n, 2);

/** Links between the registry pages. */
export function RegistryNav(p: { c: WebContext }) {
  const actor = p.c.var.actor;
  const items = [
    { href: '/register/organisaties', label: 'Organisaties', show: true },
    {
      href: '/register/personen',
      label: 'Personen',
      show: can(actor, 'persons:read-identity') || can(actor, 'registry:read-pseudonymised'),
    },
    {
      href: '/register/plaatsingen',
      label: 'Plaatsingen',
      show: can(actor, 'persons:read-identity') || can(actor, 'registry:read-pseudonymised'),
    },
    { href: '/register/import', label: 'Inlezen', show: can(actor, 'registry:write') },
  ].filter((i) => i.show);
  return (
    <nav aria-label="Register" class="subnav">
      <ul>
        {items.map((i) => (
          <li>
            <a href={i.href} aria-current={p.c.req.path === i.href ? 'page' : undefined}>
              {i.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function PlacementTable(p: {
  c: WebContext;
  rows: PlacementView[];
  empty: string;
  sort?: string | undefined;
  showOrganisation?: boolean;
}) {
  const identity = seesIdentity(p.c.var.actor);
  return (
    <DataTable
      c={p.c}
      caption="Plaatsingen"
      sort={p.sort}
      empty={p.empty}
      rows={p.rows}
      columns={[
        {
          key: 'person',
          label: identity ? 'Persoon' : 'Pseudoniem',
          render: (r) => (
            <a href={`/register/personen/${r.person.id}`}>
              {identity ? (r.person.name ?? r.person.insz) : r.person.pseudonym}
            </a>
          ),
        },
        ...(p.showOrganisation
          ? [
              {
                key: 'organisation',
                label: 'Organisatie',
                sort: 'organisatie',
                render: (r: PlacementView) => (
                  <a href={`/register/organisaties/${r.organisation.id}`}>{r.organisation.name}</a>
                ),
              },
            ]
          : []),
        { key: 'measure', label: 'Maatregel', sort: 'maatregel', render: (r) => r.measure },
        { key: 'start', label: 'Start', sort: 'start', render: (r) => formatDate(r.start) },
        { key: 'end', label: 'Einde', sort: 'einde', render: (r) => (r.end ? formatDate(r.end) : 'lopend') },
        { key: 'fte', label: 'VTE', sort: 'vte', align: 'right', render: (r) => fte(r.fte) },
      ]}
    />
  );
}

/** The registry part of an organisation's page: recognitions, contingents, links, placements, dossiers. */
export async function organisationRegistrySections(c: WebContext, organisationId: string) {
  const db = c.var.deps.db;
  const actor = c.var.actor;
  const paging = pageRequestSchema.parse(c.req.query());
  const [recognitions, contingents, links] = await Promise.all([
    listRecognitions(db, actor, organisationId),
    listContingents(db, actor, organisationId),
    listOrganisationLinks(db, actor, organisationId),
  ]);
  const canSeePlacements = can(actor, 'persons:read-identity') || can(actor, 'registry:read-pseudonymised');
  const placements = canSeePlacements ? await listPlacements(db, actor, { ...paging, organisationId }) : null;
  return (
    <>
      <section aria-labelledby="erkenningen">
        <h2 id="erkenningen">Erkenningen</h2>
        <DataTable
          c={c}
          caption="Erkenningen"
          empty="Geen erkenningen geregistreerd."
          rows={recognitions}
          columns={[
            { key: 'measure', label: 'Maatregel', render: (r) => r.measure },
            { key: 'reference', label: 'Referentie', render: (r) => r.reference ?? '–' },
            { key: 'from', label: 'Geldig vanaf', render: (r) => formatDate(r.validFrom) },
            {
              key: 'to',
              label: 'Geldig tot',
              render: (r) => (r.validTo ? formatDate(r.validTo) : 'onbepaald'),
            },
          ]}
        />
      </section>
      <section aria-labelledby="contingenten">
        <h2 id="contingenten">Contingenten</h2>
        <DataTable
          c={c}
          caption="Contingenten in VTE per kwartaal"
          empty="Geen contingenten geregistreerd."
          rows={contingents}
          columns={[
            { key: 'measure', label: 'Maatregel', render: (r) => r.measure },
            { key: 'quarter', label: 'Kwartaal', render: (r) => r.quarter },
            { key: 'fte', label: 'VTE', align: 'right', render: (r) => fte(r.fte) },
            {
              key: 'history',
              label: 'Vorige waarden',
              render: (r) =>
                r.history.length
                  ? r.history
                      .map((h) => `${fte(h.fte)} (${formatDate(h.recordedAt.slice(0, 10))})`)
                      .join('; ')
                  : '–',
            },
          ]}
        />
      </section>
      {links.length > 0 && (
        <section aria-labelledby="verbanden">
          <h2 id="verbanden">Verbonden organisaties</h2>
          <ul>
            {links.map((l) => {
              const other = l.parent.id === organisationId ? l.child : l.parent;
              return (
                <li>
                  {l.kindLabel}: <a href={`/register/organisaties/${other.id}`}>{other.name}</a>
                </li>
              );
            })}
          </ul>
        </section>
      )}
      {placements && (
        <section aria-labelledby="plaatsingen">
          <h2 id="plaatsingen">Plaatsingen</h2>
          <PlacementTable
            c={c}
            rows={placements.items}
            sort={paging.sort}
            empty="Geen plaatsingen bij deze organisatie."
          />
          <Pager c={c} page={placements.page} pageSize={placements.pageSize} total={placements.total} />
        </section>
      )}
      <OrganisationDossiers c={c} organisationId={organisationId} />
    </>
  );
}

const KIND_LABELS: Record<string, string> = {
  organisaties: 'Organisaties',
  personen: 'Personen',
  plaatsingen: 'Plaatsingen',
  indicaties: 'Indiceringen',
  lonen: 'Loongegevens per kwartaal',
};

function ImportForm(p: { c: WebContext; kind?: string | undefined }) {
  const auth = requireWebUser(p.c);
  return (
    <form method="post" action="/register/import" enctype="multipart/form-data">
      <Csrf token={auth.csrfToken} />
      <Select
        name="kind"
        label="Soort gegevens"
        required
        value={p.kind}
        options={IMPORT_KINDS.map((k) => ({
          value: k,
          label: `${KIND_LABELS[k]} (${IMPORT_COLUMNS[k].required.join(', ')})`,
        }))}
      />
      <div class="field">
        <label for="veld-file">Bestand (.csv of .xlsx)</label>
        <p class="hint" id="veld-file-hint">
          Kopregel met exact deze kolomnamen; datums als JJJJ-MM-DD, decimalen met een punt. Alles of niets:
          bij één foute rij wordt niets ingelezen.
        </p>
        <input
          id="veld-file"
          type="file"
          name="file"
          accept=".csv,.xlsx"
          required
          aria-describedby="veld-file-hint"
        />
      </div>
      <Actions>
        <button type="submit">Inlezen</button>
      </Actions>
    </form>
  );
}

function ImportErrors(p: { issues: ImportIssue[] }) {
  return (
    <div class="error-summary" role="alert" tabindex={-1}>
      <h2>Er is niets ingelezen: {new Set(p.issues.map((i) => i.line)).size} foute rij(en)</h2>
      <table>
        <caption>Foutenrapport</caption>
        <thead>
          <tr>
            <th scope="col">Regel</th>
            <th scope="col">Kolom</th>
            <th scope="col">Waarde</th>
            <th scope="col">Reden</th>
          </tr>
        </thead>
        <tbody>
          {p.issues.slice(0, 1000).map((i) => (
            <tr>
              <td>{i.line}</td>
              <td>{i.column}</td>
              <td>{i.value}</td>
              <td>{i.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {p.issues.length > 1000 && (
        <p>En nog {p.issues.length - 1000} fouten; gebruik de API of de CLI voor het volledige rapport.</p>
      )}
    </div>
  );
}

export function registryPages(): Hono<AppEnv> {
  const web = new Hono<AppEnv>();

  web.get('/personen', async (c) => {
    const auth = requireWebUser(c);
    const paging = pageRequestSchema.parse(c.req.query());
    const q = c.req.query('q')?.trim() || undefined;
    const page = await listPersons(c.var.deps.db, c.var.actor, { ...paging, q });
    const identity = seesIdentity(c.var.actor);
    return c.html(
      <Layout title="Personen" auth={auth} path={c.req.path}>
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
          columns={
            identity
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
                ]
          }
        />
        <Pager c={c} page={page.page} pageSize={page.pageSize} total={page.total} />
      </Layout>,
    );
  });

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
        breadcrumbs={[{ href: '/register/personen', label: 'Personen' }]}
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

  web.get('/plaatsingen', async (c) => {
    const auth = requireWebUser(c);
    const paging = pageRequestSchema.parse(c.req.query());
    const measure = c.req.query('maatregel')?.trim() || undefined;
    const page = await listPlacements(c.var.deps.db, c.var.actor, { ...paging, measure });
    return c.html(
      <Layout title="Plaatsingen" auth={auth} path={c.req.path}>
        <RegistryNav c={c} />
        <form method="get" class="filters" novalidate aria-label="Plaatsingen filteren">
          <Field name="maatregel" label="Maatregel (id)" value={measure} width="medium" />
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
      </Layout>,
    );
  });

  web.get('/import', (c) => {
    const auth = requireWebUser(c);
    if (!can(c.var.actor, 'registry:write')) throw new ForbiddenError('U mag geen gegevens inlezen.');
    return c.html(
      <Layout title="Gegevens inlezen" auth={auth} path={c.req.path}>
        <RegistryNav c={c} />
        <ImportForm c={c} />
      </Layout>,
    );
  });

  web.post('/import', async (c) => {
    const auth = requireWebUser(c);
    const body = await c.req.parseBody();
    await checkCsrf(c, typeof body['_csrf'] === 'string' ? body['_csrf'] : undefined);
    const kind = typeof body['kind'] === 'string' ? body['kind'] : '';
    const file = body['file'];
    let report: ImportReport | null = null;
    let issues: ImportIssue[] | null = null;
    let message: string | null = null;
    try {
      if (!(file instanceof File) || file.size === 0) throw ValidationError.field('file', 'kies een bestand');
      const format = formatFromName(file.name);
      if (!format) throw ValidationError.field('file', 'het bestand moet eindigen op .csv of .xlsx');
      report = await run(c, importRegistry, {
        kind,
        fileName: file.name,
        records: recordsOf(format, Readable.fromWeb(file.stream() as never)),
      });
    } catch (e) {
      if (e instanceof ImportRejectedError) issues = e.importIssues;
      else if (e instanceof ValidationError) message = e.message;
      else throw e;
    }
    return c.html(
      <Layout title="Gegevens inlezen" auth={auth} path={c.req.path}>
        <RegistryNav c={c} />
        {report && (
          <div class="flash" role="status">
            {report.rows} rijen ingelezen: {report.inserted} nieuw, {report.updated} gewijzigd,{' '}
            {report.unchanged} ongewijzigd.
          </div>
        )}
        {issues && <ImportErrors issues={issues} />}
        {message && (
          <div class="error-summary" role="alert">
            <p>{message}</p>
          </div>
        )}
        <ImportForm c={c} kind={kind} />
      </Layout>,
      issues || message ? 400 : 200,
    );
  });

  return web;
}
