/** The new-dossier form: the measure first, then the organisation and/or person and the facts it asks. */
import type { Hono } from 'hono';
import { can } from '../../access/index.ts';
import { ValidationError } from '../../domain/index.ts';
import { applyForMeasure, measureOptions } from '../../dossiers/index.ts';
import type { AppEnv } from '../../http/index.ts';
import { run } from '../../http/index.ts';
import { listOrganisations, listPersons, seesIdentity } from '../../registry/index.ts';
import { catalogue, presentFacts } from '../../rules/index.ts';
import { Actions, Csrf, ErrorSummary, Field, Select } from '../components/forms.tsx';
import { Layout } from '../components/layout.tsx';
import { Details } from '../components/table.tsx';
import {
  type FormErrors,
  type FormValues,
  optional,
  requireWebUser,
  text,
  type WebContext,
} from '../context.ts';
import { optionLabel } from '../facts.tsx';
import { submitForm } from '../form-flow.ts';
import { parseDecimalInput } from '../format.ts';
import { BASE } from './dossiers-shared.tsx';

async function organisationOptions(c: WebContext) {
  const orgs = await listOrganisations(c.var.deps.db, c.var.actor, { page: 1, pageSize: 500, sort: 'naam' });
  return orgs.items.map((o) => ({ value: o.id, label: `${o.name} (${o.kboFormatted})` }));
}

export async function NewDossierForm(p: {
  c: WebContext;
  values: FormValues;
  errors?: FormErrors | undefined;
}) {
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
    insz: 'INSZ van de persoon',
    personId: 'INSZ van de persoon',
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
        required={!seesIdentity(p.c.var.actor)}
        options={await organisationOptions(p.c)}
        value={text(p.values, 'organisationId')}
        error={f['organisationId']}
        empty="— kies een organisatie —"
      />
      {seesIdentity(p.c.var.actor) && (
        <Field
          name="insz"
          label="INSZ van de persoon"
          hint="Voor een aanvraag voor een persoon: rijksregister- of bisnummer van een geregistreerde persoon. Geef een organisatie, een persoon of beide."
          value={text(p.values, 'insz')}
          error={f['insz'] ?? f['personId']}
          width="medium"
          inputmode="numeric"
          autocomplete="off"
        />
      )}
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
                    ? x.options.map((o) => ({ value: o, label: optionLabel(o) }))
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

export async function factsFromForm(form: FormValues, measureId: string): Promise<Record<string, unknown>> {
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

/** The person a typed INSZ names, for roles that see identities; a field error when there is none. */
async function personFromForm(c: WebContext, form: FormValues): Promise<string | null> {
  const insz = optional(form, 'insz')?.replace(/\D/g, '');
  if (!insz || !seesIdentity(c.var.actor)) return null;
  const found = await listPersons(c.var.deps.db, c.var.actor, { page: 1, pageSize: 5, q: insz });
  const person = found.items.find((x) => x.insz === insz);
  if (!person)
    throw ValidationError.field(
      'insz',
      'geen persoon met dit INSZ in het register; registreer de persoon eerst',
    );
  return person.id;
}

export function registerNewDossierPages(web: Hono<AppEnv>): void {
  const page = (c: WebContext, values: FormValues, errors?: FormErrors) =>
    c.html(
      <Layout
        title="Nieuw dossier"
        auth={c.var.auth}
        path={c.req.path}
        breadcrumbs={[{ href: BASE, label: 'Dossiers' }]}
      >
        <NewDossierForm c={c} values={values} errors={errors} />
      </Layout>,
      errors ? 400 : 200,
    );

  web.get('/nieuw', (c) => {
    requireWebUser(c);
    if (!can(c.var.actor, 'dossiers:apply')) return c.redirect(BASE, 303);
    return page(c, c.req.query());
  });

  web.post('/nieuw', (c) =>
    submitForm(c, {
      run: async (form) => {
        const measureId = text(form, 'measureId');
        return run(c, applyForMeasure, {
          measureId,
          organisationId: optional(form, 'organisationId') ?? null,
          personId: await personFromForm(c, form),
          channel: text(form, 'channel') || 'online',
          date: optional(form, 'date'),
          receivedOn: optional(form, 'receivedOn'),
          facts: await factsFromForm(form, measureId),
        });
      },
      done: (d) => ({ message: `Dossier ${d.reference} is ontvangen.`, to: `${BASE}/${d.id}` }),
      again: (form, errors) => page(c, form, errors),
    }),
  );
}
