/** Form building blocks: labelled fields with their error next to them, an error summary, CSRF. */
import type { PropsWithChildren } from 'hono/jsx';
import type { FormErrors } from '../context.ts';

export function Csrf(props: { token: string | undefined }) {
  return <input type="hidden" name="_csrf" value={props.token ?? ''} />;
}

/** GOV.UK-style summary at the top of a form: every error, linked to its field. */
export function ErrorSummary(props: { errors?: FormErrors | undefined; labels?: Record<string, string> }) {
  const e = props.errors;
  if (!e || (Object.keys(e.fields).length === 0 && !e.general)) return null;
  const fields = Object.entries(e.fields).filter(([k]) => k !== '_');
  return (
    <div class="error-summary" role="alert" tabindex={-1}>
      <h2>Er is een probleem</h2>
      <ul>
        {e.general && <li>{e.general}</li>}
        {fields.map(([k, m]) => (
          <li>
            <a href={`#veld-${k}`}>{props.labels?.[k] ? `${props.labels[k]}: ${m}` : m}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface ShellProps {
  name: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean | undefined;
}

/** The label, hint and error every input shares; the control gets the ids to describe itself with. */
function FieldShell(p: PropsWithChildren<ShellProps>) {
  const id = `veld-${p.name}`;
  return (
    <div class={`field${p.error ? ' field-error' : ''}`}>
      <label for={id}>
        {p.label}
        {p.required ? null : <span class="optional"> (optioneel)</span>}
      </label>
      {p.hint && (
        <p class="hint" id={`${id}-hint`}>
          {p.hint}
        </p>
      )}
      {p.error && (
        <p class="error-message" id={`${id}-fout`}>
          <span class="visually-hidden">Fout: </span>
          {p.error}
        </p>
      )}
      {p.children}
    </div>
  );
}

/** `aria-describedby` for a control: its hint and its error, when present. */
function describedBy(p: ShellProps): string | undefined {
  const id = `veld-${p.name}`;
  return [p.hint ? `${id}-hint` : '', p.error ? `${id}-fout` : ''].filter(Boolean).join(' ') || undefined;
}

interface FieldProps {
  name: string;
  label: string;
  value?: string | undefined;
  error?: string | undefined;
  hint?: string;
  type?: string;
  required?: boolean;
  autocomplete?: string;
  inputmode?: 'text' | 'numeric' | 'decimal' | 'email' | 'tel' | 'url' | 'search';
  width?: 'short' | 'medium' | 'long';
  step?: string;
  min?: string;
  max?: string;
  placeholder?: string;
}

export function Field(p: FieldProps) {
  return (
    <FieldShell {...p}>
      <input
        id={`veld-${p.name}`}
        name={p.name}
        type={p.type ?? 'text'}
        value={p.value ?? ''}
        class={p.width ? `w-${p.width}` : undefined}
        required={p.required}
        autocomplete={p.autocomplete}
        inputmode={p.inputmode}
        step={p.step}
        min={p.min}
        max={p.max}
        placeholder={p.placeholder}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={describedBy(p)}
      />
    </FieldShell>
  );
}

interface SelectProps {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  value?: string | string[] | undefined;
  error?: string | undefined;
  hint?: string;
  required?: boolean;
  multiple?: boolean;
  /** Label of an empty first option; omitted means no empty option. */
  empty?: string;
}

export function Select(p: SelectProps) {
  const selected = new Set(Array.isArray(p.value) ? p.value : p.value ? [p.value] : []);
  return (
    <FieldShell {...p}>
      <select
        id={`veld-${p.name}`}
        name={p.name}
        multiple={p.multiple}
        required={p.required}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={describedBy(p)}
      >
        {p.empty !== undefined && <option value="">{p.empty}</option>}
        {p.options.map((o) => (
          <option value={o.value} selected={selected.has(o.value)}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function Checkboxes(p: {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  values: string[];
  error?: string | undefined;
}) {
  const id = `veld-${p.name}`;
  return (
    <fieldset class={`field${p.error ? ' field-error' : ''}`} id={id}>
      <legend>{p.legend}</legend>
      {p.error && (
        <p class="error-message">
          <span class="visually-hidden">Fout: </span>
          {p.error}
        </p>
      )}
      {p.options.map((o) => (
        <label class="check">
          <input type="checkbox" name={p.name} value={o.value} checked={p.values.includes(o.value)} />{' '}
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}

export function Actions(props: PropsWithChildren) {
  return <div class="form-actions">{props.children}</div>;
}

/**
 * A posted form with what every form of Trede has: the CSRF token, the error summary at the top and
 * the submit and cancel actions at the bottom. `confirm` asks before sending (destructive actions).
 */
export function PostForm(
  p: PropsWithChildren<{
    action: string;
    csrf: string | undefined;
    errors?: FormErrors | undefined;
    labels: Record<string, string>;
    submit: string;
    cancel: string;
    confirm?: string;
  }>,
) {
  return (
    <form method="post" action={p.action} novalidate data-confirm={p.confirm}>
      <Csrf token={p.csrf} />
      <ErrorSummary errors={p.errors} labels={p.labels} />
      {p.children}
      <Actions>
        <button type="submit">{p.submit}</button>
        <a href={p.cancel} class="button-secondary">
          Annuleren
        </a>
      </Actions>
    </form>
  );
}

/**
 * Binds fields to a form's labels, submitted values and errors: `<Field {...bind('insz')} … />`
 * instead of repeating name, label, value and error for every field.
 */
export function fieldBinder<L extends Record<string, string>>(
  labels: L,
  values: Partial<Record<string, string>>,
  errors?: FormErrors | undefined,
) {
  return (name: keyof L & string) => ({
    name,
    label: labels[name] as string,
    value: values[name],
    error: errors?.fields[name],
  });
}
