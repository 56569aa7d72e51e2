import { Hono } from 'hono';
import { can } from '../../access/index.ts';
import { pageRequestSchema } from '../../db/index.ts';
import { ForbiddenError } from '../../domain/index.ts';
import type { AppEnv } from '../../http/index.ts';
import { run } from '../../http/index.ts';
import {
  addRecognition,
  createPerson,
  createPlacement,
  endPlacement,
  getOrganisation,
  getPerson,
  getPlacement,
  listContingents,
  listIndications,
  listOrganisationLinks,
  listPersons,
  listPlacements,
  listRecognitions,
  type PlacementView,
  seesIdentity,
  setContingent,
} from '../../registry/index.ts';
import { catalogue } from '../../rules/index.ts';
import { Field, fieldBinder, PostForm, Select } from '../components/forms.tsx';
import { Layout } from '../components/layout.tsx';
import { DataTable, Details, Pager } from '../components/table.tsx';
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
import { formatDate, formatNumber, parseDecimalInput } from '../format.ts';
import { OrganisationDossiers } from './dossiers.tsx';
import { registerImportPages } from './registry-import.tsx';

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
        ...(can(p.c.var.actor, 'registry:write')
          ? [
              {
                key: 'actions',
                label: 'Acties',
                render: (r: PlacementView) =>
                  r.end ? (
                    '–'
                  ) : (
                    <a
                      href={`/register/plaatsingen/${r.id}/beeindigen?terug=${encodeURIComponent(p.c.req.path)}`}
                    >
                      Beëindigen<span class="visually-hidden"> (plaatsing vanaf {formatDate(r.start)})</span>
                    </a>
                  ),
              },
            ]
          : []),
      ]}
    />
  );
}

/** Where to go back to after a form: only a path inside the registry, never another site. */
function backPath(value: string | undefined, fallback: string): string {
  return value && /^\/register\/[\w\-/]*$/.test(value) ? value : fallback;
}

/** The measures of the rules catalogue as options, by name. */
async function measureOptions(): Promise<{ value: string; label: string }[]> {
  const { measures } = await catalogue();
  return measures
    .map((m) => ({ value: m.id, label: `${m.meta.name} (${m.id})` }))
    .sort((a, b) => a.label.localeCompare(b.label, 'nl'));
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
        {can(actor, 'organisations:write') && (
          <p>
            <a class="button-secondary" href={`/register/organisaties/${organisationId}/erkenningen/nieuw`}>
              Erkenning toevoegen
            </a>
          </p>
        )}
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
        {can(actor, 'organisations:write') && (
          <p>
            <a class="button-secondary" href={`/register/organisaties/${organisationId}/contingenten/nieuw`}>
              Contingent instellen
            </a>
          </p>
        )}
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
                  ? r.history.map((h) => `${fte(h.fte)} (${formatDate(h.recordedAt)})`).join('; ')
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
          {can(actor, 'registry:write') && (
            <p>
              <a class="button-secondary" href={`/register/plaatsingen/nieuw?organisatie=${organisationId}`}>
                Plaatsing toevoegen
              </a>
            </p>
          )}
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

// ---- forms --------------------------------------------------------------------------------------

type Values = Partial<Record<string, string>>;

const PERSON_LABELS = { insz: 'INSZ', firstName: 'Voornaam', lastName: 'Achternaam' };

function PersonForm(p: { c: WebContext; values: Values; errors?: FormErrors | undefined }) {
  const auth = requireWebUser(p.c);
  const bind = fieldBinder(PERSON_LABELS, p.values, p.errors);
  return (
    <PostForm
      action="/register/personen/nieuw"
      csrf={auth.csrfToken}
      errors={p.errors}
      labels={PERSON_LABELS}
      submit="Persoon registreren"
      cancel="/register/personen"
    >
      <Field
        {...bind('insz')}
        required
        hint="Rijksregister- of bisnummer, 11 cijfers, bv. 85.07.30-033.28; het controlegetal wordt nagekeken."
        width="medium"
        inputmode="numeric"
        autocomplete="off"
      />
      <Field {...bind('firstName')} width="medium" autocomplete="off" />
      <Field {...bind('lastName')} width="medium" autocomplete="off" />
    </PostForm>
  );
}

const PLACEMENT_LABELS = {
  insz: 'INSZ van de persoon',
  kbo: 'KBO-nummer van de organisatie',
  measure: 'Maatregel',
  start: 'Startdatum',
  end: 'Einddatum',
  fte: 'VTE',
  hoursPerWeek: 'Uren per week',
};

function PlacementForm(p: {
  c: WebContext;
  values: Values;
  measures: { value: string; label: string }[];
  errors?: FormErrors | undefined;
}) {
  const auth = requireWebUser(p.c);
  const bind = fieldBinder(PLACEMENT_LABELS, p.values, p.errors);
  return (
    <PostForm
      action="/register/plaatsingen/nieuw"
      csrf={auth.csrfToken}
      errors={p.errors}
      labels={PLACEMENT_LABELS}
      submit="Plaatsing registreren"
      cancel={backPath(p.values['terug'], '/register/plaatsingen')}
    >
      <input type="hidden" name="terug" value={p.values['terug'] ?? ''} />
      <Field
        {...bind('insz')}
        required
        hint="De persoon moet al geregistreerd zijn."
        width="medium"
        inputmode="numeric"
        autocomplete="off"
      />
      <Field
        {...bind('kbo')}
        required
        hint="10 cijfers, bv. 0123.456.749."
        width="medium"
        inputmode="numeric"
      />
      <Select {...bind('measure')} required options={p.measures} empty="— kies een maatregel —" />
      <Field {...bind('start')} type="date" required width="medium" />
      <Field {...bind('end')} type="date" hint="Leeg laten voor een lopende plaatsing." width="medium" />
      <Field
        {...bind('fte')}
        required
        hint="Tussen 0 en 1, bv. 0,8 voor vier vijfde."
        width="short"
        inputmode="decimal"
      />
      <Field {...bind('hoursPerWeek')} width="short" inputmode="decimal" />
    </PostForm>
  );
}

/** A decimal typed the Belgian way (0,8) is read as 0.8; an empty field is "not given". */
function decimal(form: FormValues, key: string): number | string | undefined {
  const v = optional(form, key);
  return v === undefined ? undefined : parseDecimalInput(v);
}

/**
 * Rule violations of a placement (overlap, more than 1 VTE, same start) are about its period: they are
 * shown at the start date as well as in the summary, so the user sees where to correct.
 */
function placementErrors(e: unknown): FormErrors {
  const errors = formErrors(e);
  if (
    errors.general &&
    Object.keys(errors.fields).length === 0 &&
    /overlapt|VTE|startdatum/.test(errors.general)
  )
    return { ...errors, fields: { start: errors.general.replace(/^Plaatsing: /, '') } };
  return errors;
}

const END_LABELS = { end: 'Einddatum' };

function EndPlacementForm(p: {
  c: WebContext;
  id: string;
  back: string;
  values: Values;
  errors?: FormErrors | undefined;
}) {
  const auth = requireWebUser(p.c);
  const bind = fieldBinder(END_LABELS, p.values, p.errors);
  return (
    <PostForm
      action={`/register/plaatsingen/${p.id}/beeindigen`}
      csrf={auth.csrfToken}
      errors={p.errors}
      labels={END_LABELS}
      submit="Plaatsing beëindigen"
      cancel={p.back}
      confirm="Deze plaatsing beëindigen? De einddatum telt mee in rapporten en berekeningen."
    >
      <input type="hidden" name="terug" value={p.back} />
      <Field {...bind('end')} type="date" required hint="De laatste dag van de plaatsing." width="medium" />
    </PostForm>
  );
}

const RECOGNITION_LABELS = {
  measure: 'Maatregel',
  reference: 'Referentie',
  validFrom: 'Geldig vanaf',
  validTo: 'Geldig tot',
};

function RecognitionForm(p: {
  c: WebContext;
  organisationId: string;
  measures: { value: string; label: string }[];
  values: Values;
  errors?: FormErrors | undefined;
}) {
  const auth = requireWebUser(p.c);
  const bind = fieldBinder(RECOGNITION_LABELS, p.values, p.errors);
  return (
    <PostForm
      action={`/register/organisaties/${p.organisationId}/erkenningen/nieuw`}
      csrf={auth.csrfToken}
      errors={p.errors}
      labels={RECOGNITION_LABELS}
      submit="Erkenning toevoegen"
      cancel={`/register/organisaties/${p.organisationId}`}
    >
      <Select {...bind('measure')} required options={p.measures} empty="— kies een maatregel —" />
      <Field {...bind('reference')} width="medium" />
      <Field {...bind('validFrom')} type="date" required width="medium" />
      <Field
        {...bind('validTo')}
        type="date"
        hint="Leeg laten voor een erkenning van onbepaalde duur."
        width="medium"
      />
    </PostForm>
  );
}

const CONTINGENT_LABELS = { measure: 'Maatregel', quarter: 'Kwartaal', fte: 'VTE', reason: 'Reden' };

function ContingentForm(p: {
  c: WebContext;
  organisationId: string;
  measures: { value: string; label: string }[];
  values: Values;
  errors?: FormErrors | undefined;
}) {
  const auth = requireWebUser(p.c);
  const bind = fieldBinder(CONTINGENT_LABELS, p.values, p.errors);
  return (
    <PostForm
      action={`/register/organisaties/${p.organisationId}/contingenten/nieuw`}
      csrf={auth.csrfToken}
      errors={p.errors}
      labels={CONTINGENT_LABELS}
      submit="Contingent opslaan"
      cancel={`/register/organisaties/${p.organisationId}`}
    >
      <Select {...bind('measure')} required options={p.measures} empty="— kies een maatregel —" />
      <Field {...bind('quarter')} required hint="JJJJ-Qn, bv. 2026-Q1." width="short" />
      <Field
        {...bind('fte')}
        required
        hint="Het aantal VTE voor dat kwartaal; een vorige waarde blijft in de geschiedenis."
        width="short"
        inputmode="decimal"
      />
      <Field {...bind('reason')} width="long" />
    </PostForm>
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

  const requireWrite = (c: WebContext, permission: 'registry:write' | 'organisations:write') => {
    const auth = requireWebUser(c);
    if (!can(c.var.actor, permission)) throw new ForbiddenError('U mag deze gegevens niet wijzigen.');
    return auth;
  };
  const personCrumbs = [{ href: '/register/personen', label: 'Personen' }];

  web.get('/personen/nieuw', (c) => {
    const auth = requireWrite(c, 'registry:write');
    return c.html(
      <Layout title="Nieuwe persoon" auth={auth} path={c.req.path} breadcrumbs={personCrumbs}>
        <PersonForm c={c} values={{}} />
      </Layout>,
    );
  });

  web.post('/personen/nieuw', async (c) => {
    const auth = requireWebUser(c);
    const form = await readForm(c);
    try {
      const person = await run(c, createPerson, {
        insz: text(form, 'insz'),
        firstName: optional(form, 'firstName') ?? null,
        lastName: optional(form, 'lastName') ?? null,
      });
      flash(c, `Persoon ${person.inszFormatted ?? person.pseudonym} is geregistreerd.`);
      return c.redirect(`/register/personen/${person.id}`, 303);
    } catch (e) {
      return c.html(
        <Layout title="Nieuwe persoon" auth={auth} path={c.req.path} breadcrumbs={personCrumbs}>
          <PersonForm c={c} values={form as Values} errors={formErrors(e)} />
        </Layout>,
        400,
      );
    }
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

  web.post('/plaatsingen/nieuw', async (c) => {
    const auth = requireWebUser(c);
    const form = await readForm(c);
    try {
      const placement = await run(c, createPlacement, {
        insz: text(form, 'insz'),
        kbo: text(form, 'kbo'),
        measure: text(form, 'measure'),
        start: text(form, 'start'),
        end: optional(form, 'end') ?? null,
        fte: decimal(form, 'fte'),
        hoursPerWeek: decimal(form, 'hoursPerWeek') ?? null,
      });
      flash(
        c,
        `Plaatsing vanaf ${formatDate(placement.start)} bij ${placement.organisation.name} is geregistreerd.`,
      );
      return c.redirect(backPath(optional(form, 'terug'), `/register/personen/${placement.person.id}`), 303);
    } catch (e) {
      return c.html(
        <Layout title="Nieuwe plaatsing" auth={auth} path={c.req.path} breadcrumbs={placementCrumbs}>
          <PlacementForm
            c={c}
            values={form as Values}
            measures={await measureOptions()}
            errors={placementErrors(e)}
          />
        </Layout>,
        400,
      );
    }
  });

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
            ['Maatregel', placement.measure],
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

  web.post('/plaatsingen/:id/beeindigen', async (c) => {
    requireWebUser(c);
    const form = await readForm(c);
    const back = backPath(optional(form, 'terug'), '/register/plaatsingen');
    try {
      const placement = await run(c, endPlacement, { id: c.req.param('id'), end: text(form, 'end') });
      flash(c, `De plaatsing is beëindigd op ${formatDate(placement.end!)}.`);
      return c.redirect(back, 303);
    } catch (e) {
      return endPage(c, form as Values, back, placementErrors(e));
    }
  });

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

  web.post('/organisaties/:id/erkenningen/nieuw', async (c) => {
    requireWebUser(c);
    const form = await readForm(c);
    const organisationId = c.req.param('id');
    try {
      await run(c, addRecognition, {
        organisationId,
        measure: text(form, 'measure'),
        reference: optional(form, 'reference') ?? null,
        validFrom: text(form, 'validFrom'),
        validTo: optional(form, 'validTo') ?? null,
      });
      flash(c, 'De erkenning is toegevoegd.');
      return c.redirect(`/register/organisaties/${organisationId}#erkenningen`, 303);
    } catch (e) {
      return organisationForm(c, 'erkenning', form as Values, formErrors(e));
    }
  });

  web.get('/organisaties/:id/contingenten/nieuw', (c) => organisationForm(c, 'contingent', {}));

  web.post('/organisaties/:id/contingenten/nieuw', async (c) => {
    requireWebUser(c);
    const form = await readForm(c);
    const organisationId = c.req.param('id');
    try {
      await run(c, setContingent, {
        organisationId,
        measure: text(form, 'measure'),
        quarter: text(form, 'quarter'),
        fte: decimal(form, 'fte'),
        reason: optional(form, 'reason') ?? null,
      });
      flash(c, 'Het contingent is opgeslagen.');
      return c.redirect(`/register/organisaties/${organisationId}#contingenten`, 303);
    } catch (e) {
      return organisationForm(c, 'contingent', form as Values, formErrors(e));
    }
  });

  registerImportPages(web);
  return web;
}
