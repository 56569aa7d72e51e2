/**
 * Regelgeving: the catalogue of measures, a page per measure (legal basis, lifecycle, successor
 * chain, every parameter as a timeline with its source lines) and a calculator that shows the
 * trace. Public, like the law it encodes: no sign-in needed.
 */
import { Hono } from 'hono';
import { isDomainError, isIsoDate } from '../../domain/index.ts';
import type { AppEnv } from '../../http/index.ts';
import {
  type CalcResult,
  type Catalogue,
  calculateMeasure,
  catalogue,
  citedText,
  DOMAINS,
  type FactView,
  getMeasure,
  LIFECYCLE,
  type MeasureView,
  presentMeasure,
  presentSummary,
  type TraceEntry,
} from '../../rules/index.ts';
import { Actions, ErrorSummary, Field, Select } from '../components/forms.tsx';
import { Layout } from '../components/layout.tsx';
import { DataTable, Details } from '../components/table.tsx';
import { type FormErrors, formErrors, type WebContext } from '../context.ts';
import {
  AmountHeadline,
  FACT_TYPE_NL,
  formatFactValue,
  headlineAmounts,
  optionLabel,
  periodPhrase,
} from '../facts.tsx';
import { formatDate, formatEuro, formatNumber, parseDecimalInput } from '../format.ts';

const BASE = '/regelgeving';

export const STATUS_LABELS: Record<(typeof LIFECYCLE)[number], string> = {
  planned: 'Gepland',
  'in-force': 'Van kracht',
  'phasing-out': 'Uitdovend',
  ended: 'Afgeschaft',
};
const STATUS_BADGE: Record<(typeof LIFECYCLE)[number], string> = {
  planned: 'badge-muted',
  'in-force': 'badge-ok',
  'phasing-out': 'badge-warn',
  ended: 'badge-muted',
};
const DOMAIN_LABELS: Record<(typeof DOMAINS)[number], string> = {
  werk: 'Werk',
  'sociale-economie': 'Sociale economie',
  welzijn: 'Welzijn',
  competenties: 'Competenties',
  onderwijs: 'Onderwijs',
};
const COUNTING_LABELS: Record<string, string> = {
  snapshot: 'personen op een peildatum',
  'annual-average': 'jaargemiddelde',
  started: 'gestarte personen',
  'school-year': 'schooljaar',
  'not-counted': 'niet geteld in de ladder',
};

function StatusBadge(p: { status: string }) {
  const s = p.status as (typeof LIFECYCLE)[number];
  return <span class={`badge ${STATUS_BADGE[s] ?? 'badge-muted'}`}>{STATUS_LABELS[s] ?? p.status}</span>;
}

/** A citation with its lines folded out beneath it, so a reader checks the law without leaving. */
function Source(p: { cite: string | string[] }) {
  const cites = Array.isArray(p.cite) ? p.cite : [p.cite];
  return (
    <>
      {cites.map((cite) => (
        <details class="source">
          <summary>
            <code>{cite}</code>
          </summary>
          <blockquote>
            {citedText(cite, 30).map((line) => (
              <>
                {line}
                <br />
              </>
            ))}
          </blockquote>
        </details>
      ))}
    </>
  );
}

function period(start: string | null | undefined, end: string | null | undefined): string {
  if (!start && !end) return '–';
  return `${start ? formatDate(start) : '…'} – ${end ? formatDate(end) : 'heden'}`;
}

function displayValue(value: unknown, type: string, unit: string | null): string {
  if (value === null || value === undefined) return '–';
  if (type === 'money') return formatEuro(value as number);
  if (type === 'money-list') return (value as number[]).map((v) => formatEuro(v)).join(' · ');
  if (type === 'rate') return `${formatNumber((value as number) * 100, 2).replace(/,?0+$/, '')} %`;
  if (typeof value === 'boolean') return value ? 'ja' : 'nee';
  if (typeof value === 'number')
    return `${formatNumber(value, Number.isInteger(value) ? 0 : 2)}${unit ? ` ${unit}` : ''}`;
  return String(value);
}

/** Predecessors and successors followed to the ends of the chain. */
function chain(cat: Catalogue, id: string, key: 'predecessors' | 'successors'): string[] {
  const seen = new Set<string>([id]);
  const out: string[] = [];
  let frontier = [id];
  while (frontier.length) {
    const next: string[] = [];
    for (const m of frontier) {
      for (const linked of cat.get(m)?.meta[key] ?? []) {
        if (seen.has(linked)) continue;
        seen.add(linked);
        out.push(linked);
        next.push(linked);
      }
    }
    frontier = next;
  }
  return key === 'predecessors' ? out.reverse() : out;
}

function MeasureLink(p: { cat: Catalogue; id: string }) {
  const m = p.cat.get(p.id);
  return <a href={`${BASE}/${p.id}`}>{m ? m.meta.name : p.id}</a>;
}

function factInput(f: FactView, value: string | undefined, error: string | undefined) {
  const hint = [f.description, f.unit ? `eenheid: ${f.unit}` : null].filter(Boolean).join(' — ') || undefined;
  if (f.type === 'boolean' || f.type === 'choice') {
    const options =
      f.type === 'boolean'
        ? [
            { value: 'true', label: 'ja' },
            { value: 'false', label: 'nee' },
          ]
        : (f.options ?? []).map((o) => ({ value: o, label: optionLabel(o) }));
    return (
      <Select
        name={f.name}
        label={f.label}
        options={options}
        value={value}
        error={error}
        required={f.required}
        empty="— kies —"
        {...(hint ? { hint } : {})}
      />
    );
  }
  return (
    <Field
      name={f.name}
      label={f.label}
      type={f.type === 'date' ? 'date' : 'text'}
      inputmode={f.type === 'date' ? undefined : 'decimal'}
      value={value}
      error={error}
      required={f.required}
      width="short"
      {...(hint ? { hint } : {})}
    />
  );
}

/** Form strings → the typed facts the engine expects; the engine itself validates ranges. */
function factsFromQuery(facts: FactView[], q: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of facts) {
    const raw = q[f.name]?.trim();
    if (raw === undefined || raw === '') continue;
    if (f.type === 'boolean') out[f.name] = raw === 'true' ? true : raw === 'false' ? false : raw;
    else if (f.type === 'integer' || f.type === 'number' || f.type === 'money') {
      out[f.name] = parseDecimalInput(raw);
    } else out[f.name] = raw;
  }
  return out;
}

function TraceTable(p: { trace: TraceEntry[] }) {
  const KIND: Record<TraceEntry['kind'], string> = {
    fact: 'Gegeven',
    parameter: 'Parameter',
    condition: 'Voorwaarde',
    step: 'Stap',
    output: 'Resultaat',
    amount: 'Bedrag',
    assumption: 'Aanname',
  };
  return (
    <div class="table-wrap">
      <table class="data trace">
        <caption>Berekening stap voor stap</caption>
        <thead>
          <tr>
            <th scope="col">Soort</th>
            <th scope="col">Naam</th>
            <th scope="col">Waarde</th>
            <th scope="col">Toelichting en bron</th>
          </tr>
        </thead>
        <tbody>
          {p.trace
            // A measure without an amount has no amount row ("Bedrag amount –").
            .filter((t) => !(t.kind === 'amount' && t.value === null))
            .map((t) => (
              <tr class={t.kind === 'condition' && !t.holds ? 'row-danger' : undefined}>
                <td>{KIND[t.kind]}</td>
                <td>
                  <code>{t.name}</code>
                </td>
                <td>
                  {t.kind === 'condition' ? (
                    <span class={`badge ${t.holds ? 'badge-ok' : 'badge-danger'}`}>
                      {t.holds ? 'voldaan' : 'niet voldaan'}
                    </span>
                  ) : t.kind === 'amount' ? (
                    formatEuro(t.value)
                  ) : (
                    displayValue(
                      t.value,
                      typeof t.value === 'number' && 'unit' in t && t.unit === 'EUR' ? 'money' : '',
                      'unit' in t ? (t.unit ?? null) : null,
                    )
                  )}
                </td>
                <td>
                  {t.kind === 'fact' && t.label}
                  {t.kind === 'parameter' && (
                    <>
                      {t.description} (geldig vanaf {formatDate(t.valid_from)}
                      {t.reform ? ', hervorming' : ''}) <Source cite={t.source} />
                    </>
                  )}
                  {t.kind === 'condition' && (
                    <>
                      {t.text} <Source cite={t.source} />
                    </>
                  )}
                  {t.kind === 'step' && t.text}
                  {t.kind === 'output' && t.label}
                  {t.kind === 'assumption' && (
                    <>
                      Aanname, geen wettekst: {t.text} <Source cite={t.source} />
                    </>
                  )}
                  {t.kind === 'amount' && `${t.label}${t.period ? ` (${periodPhrase(t.period)})` : ''}`}
                </td>
              </tr>
            ))}
        </tbody>
      </table>
    </div>
  );
}

function Result(p: { r: CalcResult }) {
  const { r } = p;
  return (
    <section aria-labelledby="resultaat" class="result">
      <h2 id="resultaat">Resultaat op {formatDate(r.date)}</h2>
      <p class="result-amount">
        {r.eligible ? (
          <span class="badge badge-ok">Voorwaarden voldaan</span>
        ) : (
          <span class="badge badge-danger">Geen recht</span>
        )}
      </p>
      {r.eligible && <AmountHeadline amounts={headlineAmounts(r)} />}
      {r.reasons.length > 0 && (
        <ul class="reasons">
          {r.reasons.map((reason) => (
            <li>{reason}</li>
          ))}
        </ul>
      )}
      <TraceTable trace={r.trace} />
      <p class="muted">
        Regelset {r.ruleset.version} ({r.ruleset.hash.slice(0, 12)}). Dezelfde berekening via de API:{' '}
        <code>POST /api/v1/calculate</code> of de CLI: <code>npx trede calc {r.measure}</code>.
      </p>
    </section>
  );
}

function MeasurePage(p: { c: WebContext; m: MeasureView; cat: Catalogue }) {
  const { m, cat } = p;
  const before = chain(cat, m.id, 'predecessors');
  const after = chain(cat, m.id, 'successors');
  return (
    <>
      <p class="lead">{m.description}</p>
      <Details
        items={[
          ['Afkorting', m.abbreviation],
          ['Status', <StatusBadge status={m.lifecycle.status} />],
          ['Looptijd', period(m.lifecycle.start, m.lifecycle.end)],
          ['Beleidsdomein', DOMAIN_LABELS[m.domain as (typeof DOMAINS)[number]] ?? m.domain],
          ['Trede(n) van de participatieladder', m.rungs.length ? m.rungs.join(', ') : 'buiten de ladder'],
          ['Plaats in de ladder', m.group.length ? m.group.join(' › ') : null],
          ['Uitvoerder', m.body],
          [
            'Telling in de monitor',
            m.monitor
              ? `${COUNTING_LABELS[m.monitor.counting] ?? m.monitor.counting}${m.monitor.weight !== 1 ? `, weegt ${formatNumber(m.monitor.weight * 100)} %` : ''}`
              : null,
          ],
        ]}
      />
      {m.lifecycle.note && <p>{m.lifecycle.note}</p>}
      {(before.length > 0 || after.length > 0) && (
        <section aria-labelledby="keten">
          <h2 id="keten">Voorgangers en opvolgers</h2>
          <ol class="chain">
            {before.map((id) => (
              <li>
                <MeasureLink cat={cat} id={id} />
              </li>
            ))}
            <li aria-current="true">
              <strong>{m.name}</strong>
            </li>
            {after.map((id) => (
              <li>
                <MeasureLink cat={cat} id={id} />
              </li>
            ))}
          </ol>
        </section>
      )}
      <section aria-labelledby="rechtsgrond">
        <h2 id="rechtsgrond">Rechtsgrond</h2>
        {m.legal_basis.length === 0 ? (
          <p class="empty-state">De bronnen noemen geen afzonderlijke rechtsgrond.</p>
        ) : (
          <div class="table-wrap">
            <table class="data">
              <caption class="visually-hidden">Rechtsgrond</caption>
              <thead>
                <tr>
                  <th scope="col">Tekst</th>
                  <th scope="col">Goedgekeurd</th>
                  <th scope="col">In werking</th>
                  <th scope="col">Operationeel</th>
                  <th scope="col">Einde</th>
                  <th scope="col">Bron</th>
                </tr>
              </thead>
              <tbody>
                {m.legal_basis.map((l) => (
                  <tr>
                    <td>
                      {l.title}
                      {l.note && <div class="hint">{l.note}</div>}
                    </td>
                    <td>{formatDate(l.approved)}</td>
                    <td>{formatDate(l.in_force)}</td>
                    <td>{formatDate(l.operational)}</td>
                    <td>{formatDate(l.end)}</td>
                    <td>
                      <Source cite={l.source} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {m.calculable && (
        <p>
          <a class="button" href={`${BASE}/${m.id}/berekenen`}>
            Bereken wat deze maatregel geeft
          </a>
        </p>
      )}
      {m.parameters.length > 0 && (
        <section aria-labelledby="parameters">
          <h2 id="parameters">Parameters in de tijd</h2>
          {m.parameters.map((param) => (
            <div class="parameter">
              <h3>
                {param.description} <code>{param.name}</code>
              </h3>
              <ol class="timeline">
                {param.values.map((v) => (
                  <li>
                    <span class="when">vanaf {formatDate(v.valid_from)}</span>{' '}
                    <strong>{displayValue(v.value, param.type, param.unit)}</strong>
                    {v.note && <span class="hint"> — {v.note}</span>}
                    {v.assumption && <span class="hint"> — aanname: {v.assumption}</span>}
                    <Source cite={v.source} />
                  </li>
                ))}
              </ol>
            </div>
          ))}
        </section>
      )}
      {m.versions.length > 0 && (
        <section aria-labelledby="voorwaarden">
          <h2 id="voorwaarden">Versies van de rekenregel</h2>
          {m.versions.map((v) => (
            <div class="version">
              <h3>{period(v.from, v.until)}</h3>
              <Source cite={v.source} />
              {v.assumption && <p class="hint">Aanname, geen wettekst: {v.assumption}</p>}
              {v.conditions.length > 0 && (
                <ul>
                  {v.conditions.map((cond) => (
                    <li>
                      Voorwaarde <code>{cond.id}</code> <Source cite={cond.source} />
                    </li>
                  ))}
                </ul>
              )}
            </div>
          ))}
        </section>
      )}
      {m.facts.length > 0 && (
        <section aria-labelledby="gegevens">
          <h2 id="gegevens">Gegevens die de berekening vraagt</h2>
          <DataTable
            c={p.c}
            caption="Gegevens"
            rows={m.facts}
            empty="Geen gegevens nodig."
            columns={[
              {
                key: 'label',
                label: 'Gegeven',
                render: (f) => (
                  <span id={`feit-${f.name}`}>
                    <strong>{f.label}</strong>
                    {f.description && f.description !== f.label ? <br /> : null}
                    {f.description && f.description !== f.label ? f.description : null}
                  </span>
                ),
              },
              {
                key: 'type',
                label: 'Soort',
                render: (f) =>
                  f.options ? f.options.map(optionLabel).join(' · ') : (FACT_TYPE_NL[f.type] ?? f.type),
              },
              { key: 'unit', label: 'Eenheid', render: (f) => f.unit ?? '–' },
              {
                key: 'required',
                label: 'Verplicht',
                render: (f) =>
                  f.required
                    ? 'ja'
                    : f.default === undefined || f.default === null
                      ? 'nee'
                      : `nee (standaard: ${formatFactValue(f.default, f)})`,
              },
              { key: 'name', label: 'Naam in de API', render: (f) => <code>{f.name}</code> },
            ]}
          />
        </section>
      )}
      <section aria-labelledby="niet-gemodelleerd">
        <h2 id="niet-gemodelleerd">Niet gemodelleerd</h2>
        {m.not_modelled.length === 0 ? (
          <p>Alle regels die de bronnen geven, zijn gemodelleerd.</p>
        ) : (
          <ul>
            {m.not_modelled.map((n) => (
              <li>
                {n.rule} <Source cite={n.source} />
              </li>
            ))}
          </ul>
        )}
      </section>
      {m.inconsistencies.length > 0 && (
        <section aria-labelledby="tegenstrijdig" class="notice">
          <h2 id="tegenstrijdig">Tegenstrijdigheden in de bronnen</h2>
          <ul>
            {m.inconsistencies.map((i) => (
              <li>
                {i.text} <Source cite={i.sources} />
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="bronnen">
        <h2 id="bronnen">Bronnen</h2>
        <Source cite={m.sources} />
      </section>
    </>
  );
}

export function rulesPages(): Hono<AppEnv> {
  const web = new Hono<AppEnv>();

  web.get('/', async (c) => {
    const cat = await catalogue();
    const q = c.req.query('q')?.trim().toLowerCase() ?? '';
    const status = c.req.query('status') ?? '';
    const domain = c.req.query('domein') ?? '';
    const rung = c.req.query('trede') ?? '';
    const sort = c.req.query('sort') ?? 'naam';
    const rows = cat.measures
      .map(presentSummary)
      .filter(
        (m) =>
          (!q || `${m.id} ${m.name} ${m.abbreviation ?? ''} ${m.body}`.toLowerCase().includes(q)) &&
          (!status || m.lifecycle.status === status) &&
          (!domain || m.domain === domain) &&
          (!rung || m.rungs.includes(Number(rung))),
      );
    const key = sort.replace(/^-/, '');
    const by: Record<string, (m: (typeof rows)[number]) => string> = {
      naam: (m) => m.name.toLowerCase(),
      start: (m) => m.lifecycle.start ?? '',
      status: (m) => m.lifecycle.status,
    };
    const pick = by[key] ?? by['naam']!;
    rows.sort((a, b) => pick(a).localeCompare(pick(b), 'nl') * (sort.startsWith('-') ? -1 : 1));
    return c.html(
      <Layout title="Regelgeving" auth={c.var.auth} path={c.req.path} wide>
        <p class="lead">
          Elke maatregel uit de bronnen, met haar rechtsgrond, looptijd, parameters en rekenregels. Regelset{' '}
          {cat.ruleset.version}.
        </p>
        <form method="get" class="filters" novalidate aria-label="Maatregelen zoeken">
          <Field
            name="q"
            label="Zoek op naam, afkorting of uitvoerder"
            value={c.req.query('q')}
            width="medium"
            required
          />
          <Select
            name="status"
            label="Status"
            options={LIFECYCLE.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
            value={status}
            empty="Alle"
            required
          />
          <Select
            name="domein"
            label="Domein"
            options={DOMAINS.map((d) => ({ value: d, label: DOMAIN_LABELS[d] }))}
            value={domain}
            empty="Alle"
            required
          />
          <Select
            name="trede"
            label="Trede"
            options={[1, 2, 3, 4, 5, 6].map((r) => ({ value: String(r), label: `Trede ${r}` }))}
            value={rung}
            empty="Alle"
            required
          />
          <button type="submit" class="button-secondary">
            Filteren
          </button>
        </form>
        <p role="status">
          {formatNumber(rows.length)} van {formatNumber(cat.measures.length)} maatregelen
        </p>
        <DataTable
          c={c}
          caption="Maatregelen"
          sort={sort}
          rows={rows}
          empty="Geen maatregelen gevonden met deze filters."
          columns={[
            {
              key: 'name',
              label: 'Maatregel',
              sort: 'naam',
              render: (m) => (
                <>
                  <a href={`${BASE}/${m.id}`}>{m.name}</a>
                  {m.abbreviation && <span class="muted"> ({m.abbreviation})</span>}
                </>
              ),
            },
            {
              key: 'domain',
              label: 'Domein',
              render: (m) => DOMAIN_LABELS[m.domain as (typeof DOMAINS)[number]],
            },
            { key: 'rungs', label: 'Trede', render: (m) => m.rungs.join(', ') || '–' },
            {
              key: 'status',
              label: 'Status',
              sort: 'status',
              render: (m) => <StatusBadge status={m.lifecycle.status} />,
            },
            {
              key: 'start',
              label: 'Looptijd',
              sort: 'start',
              render: (m) => period(m.lifecycle.start, m.lifecycle.end),
            },
            { key: 'calc', label: 'Rekenregel', render: (m) => (m.calculable ? 'ja' : '–') },
          ]}
        />
      </Layout>,
    );
  });

  web.get('/:id', async (c) => {
    const cat = await catalogue();
    const m = presentMeasure(await getMeasure(c.req.param('id')));
    return c.html(
      <Layout
        title={m.name}
        auth={c.var.auth}
        path={c.req.path}
        breadcrumbs={[{ href: BASE, label: 'Regelgeving' }]}
      >
        <MeasurePage c={c} m={m} cat={cat} />
      </Layout>,
    );
  });

  /** The calculator is a GET form: a result is a link one can share. */
  web.get('/:id/berekenen', async (c) => {
    const measure = await getMeasure(c.req.param('id'));
    const m = presentMeasure(measure);
    const q = c.req.query();
    const submitted = 'datum' in q;
    let result: CalcResult | null = null;
    let errors: FormErrors | undefined;
    if (submitted) {
      if (!isIsoDate(q['datum'] ?? '')) {
        errors = { fields: { datum: 'Vul een datum in (dd/mm/jjjj).' } };
      } else {
        try {
          result = await calculateMeasure(m.id, q['datum']!, factsFromQuery(m.facts, q));
        } catch (e) {
          if (!isDomainError(e)) throw e;
          const fe = formErrors(e);
          // The engine names fields `facts.<name>`; the form names them `<name>`.
          errors = {
            ...fe,
            fields: Object.fromEntries(
              Object.entries(fe.fields).map(([k, v]) => [k.replace(/^facts\./, ''), v]),
            ),
          };
        }
      }
    }
    const labels = Object.fromEntries([['datum', 'Datum'], ...m.facts.map((f) => [f.name, f.label])]);
    return c.html(
      <Layout
        title={`Berekenen: ${m.name}`}
        auth={c.var.auth}
        path={c.req.path}
        breadcrumbs={[
          { href: BASE, label: 'Regelgeving' },
          { href: `${BASE}/${m.id}`, label: m.name },
        ]}
      >
        <form method="get" novalidate>
          <ErrorSummary errors={errors} labels={labels} />
          <Field
            name="datum"
            label="Datum"
            type="date"
            hint={m.amount ? undefined : 'De dag waarop de regels gelden.'}
            value={q['datum'] ?? new Date().toISOString().slice(0, 10)}
            error={errors?.fields['datum']}
            required
          />
          {m.facts.map((f) => factInput(f, q[f.name], errors?.fields[f.name]))}
          <Actions>
            <button type="submit">Berekenen</button>
            <a class="button-secondary" href={`${BASE}/${m.id}`}>
              Terug naar de maatregel
            </a>
          </Actions>
        </form>
        {result && <Result r={result} />}
      </Layout>,
    );
  });

  return web;
}
