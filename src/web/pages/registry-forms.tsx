/** The registry's forms: person, placement and its end, recognition, contingent. */
import { Field, fieldBinder, PostForm, Select } from '../components/forms.tsx';
import {
  type FormErrors,
  type FormValues,
  formErrors,
  optional,
  requireWebUser,
  type WebContext,
} from '../context.ts';
import { parseDecimalInput } from '../format.ts';
import { backPath } from './registry-shared.tsx';

export type Values = Partial<Record<string, string>>;

const PERSON_LABELS = { insz: 'INSZ', firstName: 'Voornaam', lastName: 'Achternaam' };

export function PersonForm(p: { c: WebContext; values: Values; errors?: FormErrors | undefined }) {
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

export function PlacementForm(p: {
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
export function decimal(form: FormValues, key: string): number | string | undefined {
  const v = optional(form, key);
  return v === undefined ? undefined : parseDecimalInput(v);
}

/**
 * Rule violations of a placement (overlap, more than 1 VTE, same start) are about its period: they are
 * shown at the start date as well as in the summary, so the user sees where to correct.
 */
export function placementErrors(e: unknown): FormErrors {
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

export function EndPlacementForm(p: {
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

export function RecognitionForm(p: {
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

export function ContingentForm(p: {
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
