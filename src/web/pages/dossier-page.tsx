/**
 * The dossier page: its state, organisation and person, the amount and its period at the top, the
 * facts in Dutch (label, unit, nl-BE, linked to the measure's rule), the next step as the primary
 * action and destructive ones secondary with a confirmation, the timeline and the payments.
 */
import { randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import { isDomainError } from '../../domain/index.ts';
import {
  type DossierDetail,
  getDossier,
  type NextAction,
  PAYMENT_KINDS,
  STATE_LABELS,
  transitionCommandFor,
} from '../../dossiers/index.ts';
import type { AppEnv } from '../../http/index.ts';
import { run } from '../../http/index.ts';
import { getPerson, type PersonView, seesIdentity } from '../../registry/index.ts';
import {
  type CalcResult,
  calculateMeasure,
  catalogue,
  type FactView,
  presentFacts,
} from '../../rules/index.ts';
import { Csrf, ErrorSummary, Field, Select } from '../components/forms.tsx';
import { Layout } from '../components/layout.tsx';
import { DataTable, Details } from '../components/table.tsx';
import { type FormErrors, optional, requireWebUser, takeFlash, text, type WebContext } from '../context.ts';
import {
  AmountHeadline,
  formatFactValue,
  type HeadlineAmount,
  headlineAmounts,
  periodPhrase,
} from '../facts.tsx';
import { submitForm } from '../form-flow.ts';
import { formatDate, formatDateTime, formatEuro, formatEuroCents, parseDecimalInput } from '../format.ts';
import { BASE, stateBadge } from './dossiers-shared.tsx';

const PAYMENT_KIND_LABELS: Record<string, string> = {
  betaling: 'Betaling',
  voorschot: 'Voorschot',
  saldo: 'Saldo',
  schijf: 'Schijf',
};
const paymentKind = (k: string) => PAYMENT_KIND_LABELS[k] ?? k.replace(/[-_]/g, ' ');

/** Actions whose undoing is not possible: secondary, behind a confirmation. */
function isDestructive(a: NextAction): boolean {
  return a.destructive || a.action.startsWith('onontvankelijk') || a.action.startsWith('intrekken');
}

function ActionForm(p: {
  c: WebContext;
  d: DossierDetail;
  a: NextAction;
  primary: boolean;
  errors?: FormErrors;
}) {
  const auth = requireWebUser(p.c);
  const id = `actie-${p.a.action}`;
  const destructive = isDestructive(p.a);
  const f = p.errors?.fields ?? {};
  return (
    <form
      method="post"
      action={`${BASE}/${p.d.id}/acties`}
      class={`action-form${p.primary ? ' action-primary' : ''}`}
      aria-labelledby={id}
      data-confirm={
        destructive ? `Weet u zeker dat u '${p.a.label}' wilt uitvoeren voor ${p.d.reference}?` : undefined
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
            error={f['amount']}
          />
          {p.a.action === 'betalen' && (
            <Select
              name={`${p.a.action}-kind`}
              label="Soort betaling"
              required
              options={PAYMENT_KINDS.map((k) => ({ value: k, label: paymentKind(k) }))}
              value="betaling"
              error={f['kind']}
            />
          )}
          {p.a.action === 'betalen' && (
            <>
              {/* One key per rendered form: a double submit pays once. */}
              <input type="hidden" name="betalen-idempotencyKey" value={randomUUID()} />
              <Field
                name="betalen-excessReason"
                label="Reden voor een betaling boven het toegekende bedrag"
                hint="Enkel nodig als het totaal betaalde het toegekende bedrag overschrijdt."
                width="long"
                error={f['excessReason']}
              />
            </>
          )}
        </>
      )}
      {p.a.action !== 'toewijzen' && (
        <div class={`field${f['reason'] ? ' field-error' : ''}`}>
          <label for={`veld-${p.a.action}-reason`}>
            Reden{p.a.reasonRequired ? null : <span class="optional"> (optioneel)</span>}
          </label>
          {f['reason'] && (
            <p class="error-message" id={`veld-${p.a.action}-reason-fout`}>
              <span class="visually-hidden">Fout: </span>
              {f['reason']}
            </p>
          )}
          <textarea
            id={`veld-${p.a.action}-reason`}
            name={`${p.a.action}-reason`}
            rows={2}
            class="w-long"
            aria-invalid={f['reason'] ? 'true' : undefined}
            aria-describedby={f['reason'] ? `veld-${p.a.action}-reason-fout` : undefined}
          />
        </div>
      )}
      <button
        type="submit"
        class={destructive ? 'button-danger-secondary' : p.primary ? undefined : 'button-secondary'}
      >
        {p.a.action === 'toewijzen' ? 'Aan mij toewijzen' : p.a.label}
      </button>
    </form>
  );
}

/** The facts with their Dutch labels, units and nl-BE values, each linked to where the rule uses it. */
function FactsList(p: { measureId: string; facts: Record<string, unknown>; defs: FactView[] }) {
  const byName = new Map(p.defs.map((d) => [d.name, d]));
  const entries = Object.entries(p.facts);
  return (
    <dl class="details facts">
      {entries.map(([name, value]) => {
        const def = byName.get(name);
        return (
          <>
            <dt>
              <a href={`/regelgeving/${p.measureId}#feit-${name}`}>{def?.label ?? name.replace(/_/g, ' ')}</a>
            </dt>
            <dd>{formatFactValue(value, def)}</dd>
          </>
        );
      })}
    </dl>
  );
}

async function personOf(c: WebContext, d: DossierDetail): Promise<PersonView | null> {
  if (!d.personId) return null;
  try {
    return await getPerson(c.var.deps.db, c.var.actor, d.personId);
  } catch (e) {
    if (isDomainError(e) && (e.kind === 'forbidden' || e.kind === 'not_found')) return null;
    throw e;
  }
}

function personLabel(c: WebContext, person: PersonView): string {
  return seesIdentity(c.var.actor)
    ? [person.firstName, person.lastName].filter(Boolean).join(' ') ||
        (person.inszFormatted ?? person.pseudonym)
    : person.pseudonym;
}

/** The amounts of the dossier's calculation, with their period (outputs for WES). */
async function dossierAmounts(d: DossierDetail): Promise<HeadlineAmount[]> {
  const e = d.eligibility;
  if (!e?.eligible) return [];
  let r: CalcResult | null = null;
  try {
    r = await calculateMeasure(d.measureId, e.date, d.facts);
  } catch {
    r = null;
  }
  if (r) return headlineAmounts(r);
  return e.amount !== null
    ? [{ label: 'Bedrag', text: `${formatEuro(e.amount)} ${periodPhrase(e.period)}`.trim() }]
    : [];
}

function verdict(d: DossierDetail, amounts: HeadlineAmount[]): string {
  const e = d.eligibility;
  if (e === null || e.eligible === null) return 'Niet gemodelleerd: de bronnen geven geen berekenbare regel';
  if (!e.eligible) return `Nee · ${[...new Set(e.reasons)].join('; ')}`;
  return amounts.length ? `Ja · ${amounts[0]!.text}` : 'Ja';
}

export async function DossierPage(p: {
  c: WebContext;
  d: DossierDetail;
  errors?: FormErrors | undefined;
  action?: string;
}) {
  const { d, c } = p;
  const auth = requireWebUser(c);
  // Assigning a dossier to oneself again is no next step.
  const actions = d.nextActions.filter(
    (a) => !(a.action === 'toewijzen' && d.handler?.id === auth.actor.userId),
  );
  const primary = actions.find((a) => !isDestructive(a));
  const ordered = [...actions].sort((a, b) => Number(isDestructive(a)) - Number(isDestructive(b)));
  const [person, amounts, cat] = await Promise.all([personOf(c, d), dossierAmounts(d), catalogue()]);
  const measure = cat.get(d.measureId);
  const defs = measure ? presentFacts(measure) : [];
  return (
    <Layout
      title={`Dossier ${d.reference}`}
      auth={auth}
      path={c.req.path}
      flash={takeFlash(c)}
      breadcrumbs={[{ href: BASE, label: 'Dossiers' }]}
    >
      <ErrorSummary
        errors={p.errors}
        labels={{ reason: 'Reden', amount: 'Bedrag', kind: 'Soort betaling' }}
      />
      <p>
        Toestand: <strong class="dossier-state">{stateBadge(d)}</strong>
      </p>
      <AmountHeadline amounts={amounts} />
      <Details
        items={[
          ['Maatregel', <a href={`/regelgeving/${d.measureId}`}>{d.measureName}</a>],
          [
            'Organisatie',
            d.organisationId && d.organisationName ? (
              <a href={`/register/organisaties/${d.organisationId}`}>{d.organisationName}</a>
            ) : null,
          ],
          [
            'Persoon',
            person ? (
              <a href={`/register/personen/${person.id}`}>{personLabel(c, person)}</a>
            ) : d.personId ? (
              'geregistreerd (niet zichtbaar voor uw rol)'
            ) : null,
          ],
          ['Kanaal', d.channel === 'online' ? 'Online' : 'Papier'],
          ['Datum voor de regels', formatDate(d.date)],
          ['Ontvangen', formatDateTime(d.receivedAt)],
          ['Behandelaar', d.handler?.name ?? 'Niet toegewezen'],
          ['Recht volgens de regels', verdict(d, amounts)],
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
          <FactsList measureId={d.measureId} facts={d.facts} defs={defs} />
        </>
      )}
      <h2>Volgende stappen</h2>
      {ordered.length === 0 ? (
        <p>Er zijn geen acties mogelijk voor u in deze toestand.</p>
      ) : (
        <div class="actions-grid">
          {ordered.map((a) => (
            <ActionForm
              c={c}
              d={d}
              a={a}
              primary={a === primary}
              {...(p.errors && p.action === a.action ? { errors: p.errors } : {})}
            />
          ))}
        </div>
      )}
      {d.payments.length > 0 && (
        <>
          <h2>Betalingen</h2>
          <DataTable
            c={c}
            caption="Betalingen van dit dossier"
            rows={d.payments}
            empty="Nog geen betalingen."
            columns={[
              { key: 'date', label: 'Datum', render: (x) => formatDate(x.occurredAt) },
              { key: 'kind', label: 'Soort', render: (x) => paymentKind(x.kind) },
              {
                key: 'amount',
                label: 'Bedrag',
                align: 'right',
                render: (x) => formatEuroCents(x.amountCents),
              },
            ]}
          />
        </>
      )}
      <h2>Tijdlijn</h2>
      <ol class="timeline">
        {d.timeline.map((t) => (
          <li>
            <strong>{t.actionLabel}</strong> · {formatDateTime(t.occurredAt)} · {t.actor}
            {t.fromState !== t.toState && ` · ${STATE_LABELS[t.toState]}`}
            {typeof t.data['kind'] === 'string' && ` · ${paymentKind(t.data['kind'] as string)}`}
            {typeof t.data['amountCents'] === 'number' &&
              ` · ${formatEuroCents(t.data['amountCents'] as number)}`}
            {t.reason && <p class="hint">{t.reason}</p>}
          </li>
        ))}
      </ol>
    </Layout>
  );
}

export function registerDossierPage(web: Hono<AppEnv>): void {
  web.get('/:id', async (c) => {
    const d = await getDossier(c.var.deps.db, c.var.actor, c.req.param('id'));
    return c.html(<DossierPage c={c} d={d} />);
  });

  web.post('/:id/acties', (c) =>
    submitForm(c, {
      run: (form) => {
        const action = text(form, 'action');
        return run(c, transitionCommandFor(action), {
          id: c.req.param('id'),
          reason: optional(form, `${action}-reason`) ?? null,
          amount: ((a) => (a === undefined ? null : parseDecimalInput(a)))(
            optional(form, `${action}-amount`),
          ),
          kind: optional(form, `${action}-kind`) ?? null,
          idempotencyKey: optional(form, `${action}-idempotencyKey`) ?? null,
          excessReason: optional(form, `${action}-excessReason`) ?? null,
        });
      },
      done: (d, form) => {
        const back = text(form, 'terug');
        return {
          message: `${d.reference}: ${STATE_LABELS[d.state]}${d.outcome ? ` (${d.outcome})` : ''}.`,
          to: back === `${BASE}/werkvoorraad` ? back : `${BASE}/${d.id}`,
        };
      },
      again: async (form, errors) => {
        const d = await getDossier(c.var.deps.db, c.var.actor, c.req.param('id'));
        return c.html(<DossierPage c={c} d={d} errors={errors} action={text(form, 'action')} />, 400);
      },
    }),
  );
}
