/**
 * Register › personen, plaatsingen, import; and the registry sections of an organisation's page
 * (erkenningen, contingenten, plaatsingen, verbanden). Persons are shown with INSZ and name only to
 * roles that may see identities; others see the pseudonym.
 */

import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { Hono } from 'hono';
import { can } from '../../access/index.ts';
import { pageRequestSchema } from '../../db/index.ts';
import { ForbiddenError, isDomainError, NotFoundError, ValidationError } from '../../domain/index.ts';
import type { AppEnv } from '../../http/index.ts';
import { checkCsrf, run } from '../../http/index.ts';
import {
  addRecognition,
  createPerson,
  createPlacement,
  endPlacement,
  formatFromName,
  getOrganisation,
  getPerson,
  getPlacement,
  IMPORT_COLUMNS,
  IMPORT_KINDS,
  type ImportFormat,
  type ImportIssue,
  type ImportRecord,
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
  setContingent,
} from '../../registry/index.ts';
import { catalogue } from '../../rules/index.ts';
import { Actions, Csrf, Field, fieldBinder, PostForm, Select } from '../components/forms.tsx';
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
          bij één foute rij wordt niets ingelezen. Een bestand met meer dan 1.000 rijen wordt op de
          achtergrond ingelezen; u ziet dan hoe ver het staat.
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
        <button type="submit" data-busy="Bezig met inlezen…">
          Inlezen
        </button>
      </Actions>
    </form>
  );
}

function ImportErrors(p: { issues: ImportIssue[] }) {
  return (
    <div class="error-summary" role="alert" tabindex={-1}>
      <h2>Er is niets ingelezen: {new Set(p.issues.map((i) => i.line)).size} foute rij(en)</h2>
      <p>
        Elke fout staat hieronder met haar regel en kolom in het bestand. Verbeter het bestand en lees het
        opnieuw in.
      </p>
      <table class="data">
        <caption>Foutenrapport</caption>
        <thead>
          <tr>
            <th scope="col">Plaats</th>
            <th scope="col">Waarde</th>
            <th scope="col">Reden</th>
          </tr>
        </thead>
        <tbody>
          {p.issues.slice(0, 1000).map((i) => (
            <tr>
              <td>{`regel ${i.line}, kolom ${i.column}`}</td>
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

// ---- import jobs --------------------------------------------------------------------------------

/** CSV files with more data lines than this, and larger XLSX files, are imported in the background. */
const BACKGROUND_CSV_LINES = 1000;
const BACKGROUND_XLSX_BYTES = 100_000;
/** Finished jobs are kept this long for their result page, then forgotten. */
const JOB_TTL_MS = 60 * 60 * 1000;

/**
 * An import in progress, kept in this process's memory only: the import itself is one transaction
 * (all or nothing), so a restart loses nothing but the progress page.
 */
interface ImportJob {
  id: string;
  userId: string;
  kind: string;
  fileName: string;
  background: boolean;
  done: number;
  /** Data lines in the file; 0 when unknown (XLSX). */
  total: number;
  finished: boolean;
  finishedAt: number | null;
  report: ImportReport | null;
  issues: ImportIssue[] | null;
  message: string | null;
  promise: Promise<void>;
}

const importJobs = new Map<string, ImportJob>();

function forgetOldJobs(now: number): void {
  for (const [id, job] of importJobs)
    if (job.finishedAt !== null && now - job.finishedAt > JOB_TTL_MS) importJobs.delete(id);
}

/** Data lines of a CSV file: its lines without the header and a trailing empty line. */
function csvDataLines(content: Buffer): number {
  let lines = 0;
  for (const byte of content) if (byte === 0x0a) lines++;
  if (content.length > 0 && content[content.length - 1] !== 0x0a) lines++;
  return Math.max(0, lines - 1);
}

async function* counted(job: ImportJob, records: AsyncIterable<ImportRecord>): AsyncGenerator<ImportRecord> {
  for await (const r of records) {
    // Line 0 is the header the readers pass first.
    if (r.line > 0) job.done++;
    yield r;
  }
}

function startImportJob(
  c: WebContext,
  userId: string,
  kind: string,
  fileName: string,
  format: ImportFormat,
  content: Buffer,
): ImportJob {
  forgetOldJobs(Date.now());
  const total = format === 'csv' ? csvDataLines(content) : 0;
  const job: ImportJob = {
    id: randomUUID(),
    userId,
    kind,
    fileName,
    background: format === 'csv' ? total > BACKGROUND_CSV_LINES : content.length > BACKGROUND_XLSX_BYTES,
    done: 0,
    total,
    finished: false,
    finishedAt: null,
    report: null,
    issues: null,
    message: null,
    promise: Promise.resolve(),
  };
  importJobs.set(job.id, job);
  job.promise = run(c, importRegistry, {
    kind,
    fileName,
    records: counted(job, recordsOf(format, Readable.from(content, { objectMode: false }))),
  })
    .then((report) => {
      job.report = report;
    })
    .catch((e: unknown) => {
      if (e instanceof ImportRejectedError) job.issues = e.importIssues;
      else if (isDomainError(e)) job.message = e.message;
      else {
        job.message = 'Het inlezen is onverwacht mislukt; er is niets ingelezen. Probeer het opnieuw.';
        console.error('registry import failed', e);
      }
    })
    .finally(() => {
      job.finished = true;
      job.finishedAt = Date.now();
    });
  return job;
}

function progressLabel(job: ImportJob): string {
  if (job.finished) return 'Klaar.';
  const read = job.total
    ? `${formatNumber(job.done, 0)} van ${formatNumber(job.total, 0)} rijen gelezen`
    : `${formatNumber(job.done, 0)} rijen gelezen`;
  return job.total && job.done >= job.total ? `${read}; bezig met wegschrijven…` : `${read}…`;
}

function importResultPage(
  c: WebContext,
  r: {
    kind: string;
    report?: ImportReport | null;
    issues?: ImportIssue[] | null;
    message?: string | null;
  },
) {
  const auth = requireWebUser(c);
  const { report, issues, message } = r;
  return c.html(
    <Layout title="Gegevens inlezen" auth={auth} path={c.req.path}>
      <RegistryNav c={c} />
      {report && (
        <div class="flash" role="status">
          <p>
            {formatNumber(report.rows, 0)} rijen gelezen, {formatNumber(report.inserted + report.updated, 0)}{' '}
            weggeschreven: {formatNumber(report.inserted, 0)} nieuw, {formatNumber(report.updated, 0)}{' '}
            gewijzigd, {formatNumber(report.unchanged, 0)} ongewijzigd.
          </p>
        </div>
      )}
      {issues && <ImportErrors issues={issues} />}
      {message && (
        <div class="error-summary" role="alert">
          <p>{message}</p>
        </div>
      )}
      <ImportForm c={c} kind={r.kind} />
    </Layout>,
    issues || message ? 400 : 200,
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
    if (!can(c.var.actor, 'registry:write')) throw new ForbiddenError('U mag geen gegevens inlezen.');
    const body = await c.req.parseBody();
    await checkCsrf(c, typeof body['_csrf'] === 'string' ? body['_csrf'] : undefined);
    const kind = typeof body['kind'] === 'string' ? body['kind'] : '';
    const file = body['file'];
    let job: ImportJob;
    try {
      if (!(file instanceof File) || file.size === 0) throw ValidationError.field('file', 'kies een bestand');
      const format = formatFromName(file.name);
      if (!format) throw ValidationError.field('file', 'het bestand moet eindigen op .csv of .xlsx');
      const content = Buffer.from(await file.arrayBuffer());
      job = startImportJob(c, auth.user.id, kind, file.name, format, content);
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      return importResultPage(c, { kind, message: e.message });
    }
    // A small file is answered at once; a large one continues in the background with a progress page.
    if (!job.background) {
      await job.promise;
      importJobs.delete(job.id);
      return importResultPage(c, job);
    }
    return c.redirect(`/register/import/${job.id}`, 303);
  });

  const ownJob = (c: WebContext): ImportJob => {
    const auth = requireWebUser(c);
    const job = importJobs.get(c.req.param('job') ?? '');
    if (!job || job.userId !== auth.user.id) throw new NotFoundError('Import', c.req.param('job') ?? '');
    return job;
  };

  web.get('/import/:job/status', (c) => {
    const job = ownJob(c);
    return c.json({
      done: job.done,
      total: job.total,
      label: progressLabel(job),
      finished: job.finished,
      redirect: job.finished ? `/register/import/${job.id}` : null,
    });
  });

  web.get('/import/:job', (c) => {
    const auth = requireWebUser(c);
    const job = ownJob(c);
    if (job.finished) return importResultPage(c, job);
    return c.html(
      <Layout title="Gegevens inlezen" auth={auth} path={c.req.path}>
        <RegistryNav c={c} />
        <div class="progress" data-progress-url={`/register/import/${job.id}/status`}>
          <p>
            Bestand <strong>{job.fileName}</strong> wordt ingelezen.
          </p>
          <progress
            value={job.done}
            max={job.total || undefined}
            aria-label={`Voortgang van het inlezen van ${job.fileName}`}
          />
          <p data-progress-label role="status">
            {progressLabel(job)}
          </p>
          <p>
            Deze pagina volgt de voortgang vanzelf. Zonder JavaScript:{' '}
            <a href={c.req.path}>vernieuw de pagina</a>.
          </p>
        </div>
      </Layout>,
    );
  });

  return web;
}
