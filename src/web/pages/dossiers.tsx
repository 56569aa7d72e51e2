/**
 * Dossiers: list with filters, a case handler's work queue, the dossier page with its timeline and
 * buttons for the next possible actions, the new-dossier form (measure first, then its facts) and
 * the lead times against the boordtabel's norms.
 */
import { Hono } from 'hono';
import { type Actor, can } from '../../access/index.ts';
import { pageRequestSchema } from '../../db/index.ts';
import {
  applyForMeasure,
  COLOUR_LABELS,
  type Colour,
  type DossierDetail,
  type DossierState,
  type DossierView,
  getDossier,
  leadTimeReport,
  listDossiers,
  measureOptions,
  type NextAction,
  PAYMENT_KINDS,
  STATE_LABELS,
  STATES,
  transitionCommandFor,
  workQueue,
} from '../../dossiers/index.ts';
import type { AppEnv } from '../../http/index.ts';
import { run } from '../../http/index.ts';
import { listOrganisations } from '../../registry/index.ts';
import { catalogue, presentFacts } from '../../rules/index.ts';
import { Actions, Csrf, ErrorSummary, Field, Select } from '../components/forms.tsx';
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
import {
  formatDate,
  formatDateTime,
  formatEuro,
  formatEuroCents,
  formatPercent,
  formatPoints,
  parseDecimalInput,
} from '../format.ts';

const BASE = '/dossiers';
const STATE_OPTIONS = STATES.map((s) => ({ value: s, label: STATE_LABELS[s] }));

function stateBadge(d: { state: DossierState; outcome: string | null }) {
  const cls =
    d.state === 'afgesloten' || d.state === 'ingetrokken'
      ? 'badge-muted'
      : d.outcome === 'geweigerd' || d.state === 'onontvankelijk' || d.state === 'terugvordering'
        ? 'badge-danger'
        : d.state === 'beroep'
          ? 'badge-warn'
          : 'badge-ok';
  return <span class={`badge ${cls}`}>{STATE_LABELS[d.state] + (d.outcome ? ` (${d.outcome})` : '')}</span>;
}

function dossierColumns(withOrganisation = true) {
  return [
    {
      key: 'reference',
      label: 'Referentie',
      sort: 'referentie',
      render: (d: DossierView) => <a href={`${BASE}/${d.id}`}>{d.reference}</a>,
    },
    { key: 'measure', label: 'Maatregel', sort: 'maatregel', render: (d: DossierView) => d.measureName },
    ...(withOrganisation
      ? [
          {
            key: 'organisation',
            label: 'Organisatie',
            sort: 'organisatie',
            render: (d: DossierView) => d.organisationName ?? '–',
          },
        ]
      : []),
    { key: 'state', label: 'Toestand', sort: 'toestand', render: (d: DossierView) => stateBadge(d) },
    { key: 'handler', label: 'Behandelaar', render: (d: DossierView) => d.handler?.name ?? '–' },
    {
      key: 'received',
      label: 'Ontvangen',
      sort: 'ontvangen',
      render: (d: DossierView) => formatDate(d.receivedAt),
    },
  ];
}

/** The dossiers of one organisation, shown on the organisation page. */
export async function OrganisationDossiers(props: { c: WebContext; organisationId: string }) {
  const { c } = props;
  if (!can(c.var.actor, 'dossiers:read')) return null;
  const page = await listDossiers(c.var.deps.db, c.var.actor, {
    organisationId: props.organisationId,
    page: 1,
    pageSize: 50,
    sort: '-ontvangen',
  });
  return (
    <section aria-labelledby="org-dossiers">
      <h2 id="org-dossiers">Dossiers</h2>
      <DataTable
        c={c}
        caption="Dossiers van deze organisatie"
        rows={page.items}
        columns={dossierColumns(false)}
        empty="Deze organisatie heeft nog geen dossiers."
      />
      {page.total > page.items.length && (
        <p>
          <a href={`${BASE}?organisatie=${props.organisationId}`}>Alle {page.total} dossiers</a>
        </p>
      )}
    </section>
  );
}

function subnav(actor: Actor, path: string) {
  const items = [
    { href: BASE, label: 'Alle dossiers', show: true },
    { href: `${BASE}/werkvoorraad`, label: 'Mijn werkvoorraad', show: can(actor, 'dossiers:handle') },
    { href: `${BASE}/doorlooptijden`, label: 'Doorlooptijden', show: can(actor, 'monitor:read') },
  ].filter((i) => i.show);
  return (
    <nav aria-label="Dossiers" class="filters">
      {items.map((i) => (
        <a href={i.href} aria-current={path === i.href ? 'page' : undefined} class="button-link">
          {i.label}
        </a>
      ))}
    </nav>
  );
}

// ---- new dossier ------------------------------------------------------------------------------

async function organisationOptions(c: WebContext) {
  const orgs = await listOrganisations(c.var.deps.db, c.var.actor, { page: 1, pageSize: 500, sort: 'naam' });
  return orgs.items.map((o) => ({ value: o.id, label: `${o.name} (${o.kboFormatted})` }));
}

async function NewDossierForm(p: { c: WebContext; values: FormValues; errors?: FormErrors | undefined }) {
  const auth = requireWebUser(p.c);
  const f = p.errors?.fields ?? {};
  const measureId = text(p.values, 'measureId');
  const cat = await catalogue();
  const measure = measureId ? cat.get(measureId) : undefined;
  const measures = await measureOptions();
  if (!measure) {
    return (
      <form method="get" action={`${BASE}/nieuw`}>
        <Select
          name="measureId"
          label="Maatregel"
          required
          options={measures}
          value={measureId}
          empty="— kies een maatregel —"
          error={measureId ? 'onbekende maatregel' : undefined}
        />
        <Actions>
          <button type="submit">Verder</button>
          <a href={BASE} class="button-secondary">
            Annuleren
          </a>
        </Actions>
      </form>
    );
  }
  const facts = presentFacts(measure);
  const labels: Record<string, string> = {
    organisationId: 'Organisatie',
    measureId: 'Maatregel',
    date: 'Datum',
    receivedOn: 'Ontvangen op',
    channel: 'Kanaal',
    ...Object.fromEntries(facts.map((x) => [`facts.${x.name}`, x.label])),
  };
  return (
    <form method="post" action={`${BASE}/nieuw`} novalidate>
      <Csrf token={auth.csrfToken} />
      <ErrorSummary errors={p.errors} labels={labels} />
      <input type="hidden" name="measureId" value={measure.id} />
      <Details items={[['Maatregel', `${measure.meta.name}`]]} />
      <p>
        <a href={`${BASE}/nieuw`}>Andere maatregel kiezen</a>
      </p>
      <Select
        name="organisationId"
        label="Organisatie"
        required
        options={await organisationOptions(p.c)}
        value={text(p.values, 'organisationId')}
        error={f['organisationId']}
        empty="— kies een organisatie —"
      />
      <Select
        name="channel"
        label="Kanaal"
        required
        options={[
          { value: 'online', label: 'Online' },
          { value: 'papier', label: 'Papier' },
        ]}
        value={text(p.values, 'channel') || 'online'}
        error={f['channel']}
      />
      <Field
        name="date"
        label="Datum waarop de regels gelden"
        hint="JJJJ-MM-DD, bv. de datum van aanwerving; leeg is vandaag."
        value={text(p.values, 'date')}
        error={f['date']}
        width="short"
      />
      {can(p.c.var.actor, 'dossiers:handle') && (
        <Field
          name="receivedOn"
          label="Ontvangen op"
          hint="JJJJ-MM-DD: de ontvangstdatum van een papieren aanvraag; leeg is nu."
          value={text(p.values, 'receivedOn')}
          error={f['receivedOn']}
          width="short"
        />
      )}
      {facts.length === 0 ? (
        <p class="notice">
          Voor deze maatregel geven de bronnen geen berekenbare regel: het recht wordt niet automatisch
          berekend.
        </p>
      ) : (
        <fieldset>
          <legend>Feiten</legend>
          {facts.map((x) =>
            x.type === 'boolean' || x.options ? (
              <Select
                name={`facts.${x.name}`}
                label={x.label}
                required={x.required}
                hint={x.description ?? undefined}
                options={
                  x.options
                    ? x.options.map((o) => ({ value: o, label: o }))
                    : [
                        { value: 'true', label: 'Ja' },
                        { value: 'false', label: 'Nee' },
                      ]
                }
                empty="— kies —"
                value={text(p.values, `facts.${x.name}`)}
                error={f[`facts.${x.name}`]}
              />
            ) : (
              <Field
                name={`facts.${x.name}`}
                label={x.unit ? `${x.label} (${x.unit})` : x.label}
                required={x.required}
                hint={x.description ?? undefined}
                value={text(p.values, `facts.${x.name}`)}
                error={f[`facts.${x.name}`]}
                width="short"
                inputmode={x.type === 'date' ? 'text' : 'decimal'}
              />
            ),
          )}
        </fieldset>
      )}
      <Actions>
        <button type="submit">Aanvraag indienen</button>
        <a href={BASE} class="button-secondary">
          Annuleren
        </a>
      </Actions>
    </form>
  );
}

async function factsFromForm(form: FormValues, measureId: string): Promise<Record<string, unknown>> {
  const m = (await catalogue()).get(measureId);
  if (!m) return {};
  const out: Record<string, unknown> = {};
  for (const x of presentFacts(m)) {
    const v = optional(form, `facts.${x.name}`);
    if (v === undefined) continue;
    if (x.type === 'boolean') out[x.name] = v === 'true';
    else if (['integer', 'number', 'money', 'rate'].includes(x.type)) {
      out[x.name] = parseDecimalInput(v);
    } else out[x.name] = v;
  }
  return out;
}

// ---- dossier page -----------------------------------------------------------------------------

function ActionForm(p: { c: WebContext; d: DossierDetail; a: NextAction }) {
  const auth = requireWebUser(p.c);
  const id = `actie-${p.a.action}`;
  return (
    <form
      method="post"
      action={`${BASE}/${p.d.id}/acties`}
      class="action-form"
      aria-labelledby={id}
      data-confirm={
        p.a.destructive
          ? `Weet u zeker dat u '${p.a.label}' wilt uitvoeren voor ${p.d.reference}?`
          : undefined
      }
    >
      <Csrf token={auth.csrfToken} />
      <input type="hidden" name="action" value={p.a.action} />
      <h3 id={id}>{p.a.label}</h3>
      {p.a.amount && (
        <>
          <Field
            name={`${p.a.action}-amount`}
            label="Bedrag in euro"
            required
            width="short"
            inputmode="decimal"
          />
          {p.a.action === 'betalen' && (
            <Select
              name={`${p.a.action}-kind`}
              label="Soort betaling"
              required
              options={PAYMENT_KINDS.map((k) => ({ value: k, label: k }))}
              value="betaling"
            />
          )}
        </>
      )}
      {p.a.action !== 'toewijzen' && (
        <div class="field">
          <label for={`veld-${p.a.action}-reason`}>
            Reden{p.a.reasonRequired ? null : <span class="optional"> (optioneel)</span>}
          </label>
          <textarea id={`veld-${p.a.action}-reason`} name={`${p.a.action}-reason`} rows={2} class="w-long" />
        </div>
      )}
      <button type="submit" class={p.a.destructive ? 'button-danger' : undefined}>
        {p.a.action === 'toewijzen' ? 'Aan mij toewijzen' : p.a.label}
      </button>
    </form>
  );
}

function DossierPage(p: { c: WebContext; d: DossierDetail; errors?: FormErrors | undefined }) {
  const { d } = p;
  const auth = requireWebUser(p.c);
  const e = d.eligibility;
  // Assigning a dossier to oneself again is no next step.
  const actions = d.nextActions.filter(
    (a) => !(a.action === 'toewijzen' && d.handler?.id === auth.actor.userId),
  );
  return (
    <Layout
      title={`Dossier ${d.reference}`}
      auth={auth}
      path={p.c.req.path}
      flash={takeFlash(p.c)}
      breadcrumbs={[{ href: BASE, label: 'Dossiers' }]}
    >
      <ErrorSummary errors={p.errors} />
      <p>
        Toestand: <strong class="dossier-state">{stateBadge(d)}</strong>
      </p>
      <Details
        items={[
          ['Maatregel', d.measureName],
          ['Organisatie', d.organisationName],
          ['Kanaal', d.channel === 'online' ? 'Online' : 'Papier'],
          ['Datum voor de regels', formatDate(d.date)],
          ['Ontvangen', formatDateTime(d.receivedAt)],
          ['Behandelaar', d.handler?.name ?? 'Niet toegewezen'],
          [
            'Recht volgens de regels',
            e === null || e.eligible === null
              ? 'Niet gemodelleerd: de bronnen geven geen berekenbare regel'
              : e.eligible
                ? `Ja${e.amount !== null ? ` · ${formatEuro(e.amount)}` : ''}`
                : `Nee · ${e.reasons.join('; ')}`,
          ],
          ['Regelset', d.ruleset ? `${d.ruleset.version} (${d.ruleset.hash.slice(0, 12)})` : null],
          ['Betaald', formatEuroCents(d.paidCents)],
          ...(d.recoveredCents
            ? [['Teruggevorderd', formatEuroCents(d.recoveredCents)] as [string, unknown]]
            : []),
        ]}
      />
      {Object.keys(d.facts).length > 0 && (
        <>
          <h2>Feiten</h2>
          <Details items={Object.entries(d.facts).map(([k, v]) => [k, String(v)])} />
        </>
      )}
      <h2>Volgende stappen</h2>
      {actions.length === 0 ? (
        <p>Er zijn geen acties mogelijk voor u in deze toestand.</p>
      ) : (
        <div class="cards">
          {actions.map((a) => (
            <ActionForm c={p.c} d={d} a={a} />
          ))}
        </div>
      )}
      <h2>Tijdlijn</h2>
      <ol class="timeline">
        {d.timeline.map((t) => (
          <li>
            <strong>{t.actionLabel}</strong> · {formatDateTime(t.occurredAt)} · {t.actor}
            {t.fromState !== t.toState && ` · ${STATE_LABELS[t.toState]}`}
            {typeof t.data['amountCents'] === 'number' &&
              ` · ${formatEuroCents(t.data['amountCents'] as number)}`}
            {t.reason && <p class="hint">{t.reason}</p>}
          </li>
        ))}
      </ol>
    </Layout>
  );
}

// ---- lead times -------------------------------------------------------------------------------

const COLOUR_CLASS: Record<Colour, string> = {
  donkergroen: 'badge-ok',
  lichtgroen: 'badge-ok',
  lichtoranje: 'badge-warn',
  donkeroranje: 'badge-danger',
};

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
    const page = await listDossiers(c.var.deps.db, c.var.actor, {
      ...paging,
      sort: paging.sort ?? '-ontvangen',
      state,
      measureId,
      organisationId,
      handler,
      q,
    });
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
        {subnav(c.var.actor, c.req.path)}
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
        {subnav(c.var.actor, c.req.path)}
        <h2>Aan mij toegewezen ({mine.total})</h2>
        <DataTable
          c={c}
          caption="Aan mij toegewezen, oudste eerst"
          rows={mine.items}
          columns={dossierColumns()}
          empty="Er zijn geen open dossiers aan u toegewezen."
        />
        <h2>Niet toegewezen ({unassigned.total})</h2>
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

  web.get('/doorlooptijden', async (c) => {
    const auth = requireWebUser(c);
    const yearParam = Number(c.req.query('jaar'));
    const year = Number.isInteger(yearParam) && yearParam >= 2000 ? yearParam : new Date().getUTCFullYear();
    const report = await leadTimeReport(c.var.deps.db, c.var.actor, { year });
    return c.html(
      <Layout title={`Doorlooptijden ${year}`} auth={auth} path={c.req.path} wide>
        {subnav(c.var.actor, c.req.path)}
        <form method="get" class="filters" novalidate aria-label="Jaar kiezen">
          <Field name="jaar" label="Jaar" value={String(year)} width="short" inputmode="numeric" required />
          <button type="submit" class="button-secondary">
            Tonen
          </button>
        </form>
        <p>
          Aandeel dossiers binnen de streefnorm van de boordtabel, gemeten op de tijdlijn van de dossiers; een
          dossier telt in het jaar van zijn eindgebeurtenis.
        </p>
        <div class="table-wrap">
          <table>
            <caption>Streefnormen en resultaten {year}</caption>
            <thead>
              <tr>
                <th scope="col">Maatregel</th>
                <th scope="col">Norm</th>
                <th scope="col" class="num">
                  Streefdoel
                </th>
                <th scope="col" class="num">
                  Dossiers
                </th>
                <th scope="col" class="num">
                  Behaald
                </th>
                <th scope="col" class="num">
                  t.o.v. {year - 1}
                </th>
                <th scope="col">Beoordeling</th>
              </tr>
            </thead>
            <tbody>
              {report.norms.map((n) => (
                <tr>
                  <td>{n.measureName}</td>
                  <td>
                    {n.label}
                    <br />
                    <small class="hint">{n.source}</small>
                  </td>
                  <td class="num">{formatPercent(n.target, 0)}</td>
                  <td class="num">{n.counted}</td>
                  <td class="num">{formatPercent(n.achieved, 2)}</td>
                  <td class="num">{formatPoints(n.changePoints, 2)}</td>
                  <td>
                    {n.colour ? (
                      <span class={`badge ${COLOUR_CLASS[n.colour]}`} data-colour={n.colour}>
                        {COLOUR_LABELS[n.colour]}
                      </span>
                    ) : (
                      <span class="badge badge-muted">Geen dossiers</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <h2>Legende</h2>
        <ul>
          {report.legend.map((l) => (
            <li>
              <span class={`badge ${COLOUR_CLASS[l.colour as Colour]}`}>
                {l.colour.replace('donker', 'donker ').replace('licht', 'licht ')}
              </span>{' '}
              {l.label}
            </li>
          ))}
        </ul>
        <p class="hint">Bron: {report.legendSource}</p>
        <h2>Niet gemodelleerd</h2>
        <ul>
          {report.notModelled.map((n) => (
            <li>
              {n.rule} <small class="hint">({n.source})</small>
            </li>
          ))}
        </ul>
        <h2>Tegenstrijdigheden in de bron</h2>
        <ul>
          {report.inconsistencies.map((n) => (
            <li>
              {n.what} <small class="hint">({n.source})</small>
            </li>
          ))}
        </ul>
      </Layout>,
    );
  });

  web.get('/nieuw', async (c) => {
    const auth = requireWebUser(c);
    if (!can(c.var.actor, 'dossiers:apply')) return c.redirect(BASE, 303);
    return c.html(
      <Layout
        title="Nieuw dossier"
        auth={auth}
        path={c.req.path}
        breadcrumbs={[{ href: BASE, label: 'Dossiers' }]}
      >
        <NewDossierForm c={c} values={c.req.query()} />
      </Layout>,
    );
  });

  web.post('/nieuw', async (c) => {
    const auth = requireWebUser(c);
    const form = await readForm(c);
    const measureId = text(form, 'measureId');
    try {
      const d = await run(c, applyForMeasure, {
        measureId,
        organisationId: optional(form, 'organisationId') ?? null,
        channel: text(form, 'channel') || 'online',
        date: optional(form, 'date'),
        receivedOn: optional(form, 'receivedOn'),
        facts: await factsFromForm(form, measureId),
      });
      flash(c, `Dossier ${d.reference} is ontvangen.`);
      return c.redirect(`${BASE}/${d.id}`, 303);
    } catch (e) {
      return c.html(
        <Layout
          title="Nieuw dossier"
          auth={auth}
          path={c.req.path}
          breadcrumbs={[{ href: BASE, label: 'Dossiers' }]}
        >
          <NewDossierForm c={c} values={form} errors={formErrors(e)} />
        </Layout>,
        400,
      );
    }
  });

  web.get('/:id', async (c) => {
    const d = await getDossier(c.var.deps.db, c.var.actor, c.req.param('id'));
    return c.html(<DossierPage c={c} d={d} />);
  });

  web.post('/:id/acties', async (c) => {
    const id = c.req.param('id');
    const form = await readForm(c);
    const action = text(form, 'action');
    try {
      const d = await run(c, transitionCommandFor(action), {
        id,
        reason: optional(form, `${action}-reason`) ?? null,
        amount: ((a) => (a === undefined ? null : parseDecimalInput(a)))(optional(form, `${action}-amount`)),
        kind: optional(form, `${action}-kind`) ?? null,
      });
      flash(c, `${d.reference}: ${STATE_LABELS[d.state]}${d.outcome ? ` (${d.outcome})` : ''}.`);
      const back = text(form, 'terug');
      return c.redirect(back === `${BASE}/werkvoorraad` ? back : `${BASE}/${d.id}`, 303);
    } catch (e) {
      const errors = formErrors(e);
      const d = await getDossier(c.var.deps.db, c.var.actor, id);
      return c.html(<DossierPage c={c} d={d} errors={errors} />, 400);
    }
  });

  return web;
}
