/**
 * Afrekeningen: the settlement runs with their totals, one run with its lines (corrections beside
 * the line they correct), approval by another user than the preparer (four eyes) and the payment
 * file of an approved run. A werkgever sees only its own organisations' lines; an analist only
 * totals (the module's queries decide, not this page).
 */
import { Hono } from 'hono';
import { assertCan, can } from '../../access/index.ts';
import type { AppEnv } from '../../http/index.ts';
import { run } from '../../http/index.ts';
import { approveRun, confirmRun, createPaymentFile, getRun, listRuns } from '../../settlement/index.ts';
import { usersById } from '../../users/index.ts';
import { Csrf } from '../components/forms.tsx';
import { Layout } from '../components/layout.tsx';
import { flash, formErrors, requireWebUser, takeFlash, type WebContext } from '../context.ts';
import { formatDate, formatEuro } from '../format.ts';

const BASE = '/afrekeningen';

const STATUS_LABELS: Record<string, string> = {
  draft: 'Ontwerp',
  goedgekeurd: 'Goedgekeurd',
  'betaalbestand aangemaakt': 'Betaalbestand aangemaakt',
  betaald: 'Betaald',
};
const status = (s: string) => <span class="badge">{STATUS_LABELS[s] ?? s}</span>;

export function settlementPages() {
  const app = new Hono<AppEnv>();
  const guard = (c: WebContext) => {
    const auth = requireWebUser(c);
    assertCan(auth.actor, 'settlement:read');
    return auth;
  };

  app.get('/', async (c) => {
    const auth = guard(c);
    const runs = await listRuns(c.var.deps.db, auth.actor);
    return c.html(
      <Layout title="Afrekeningen" auth={auth} path={c.req.path} flash={takeFlash(c)} wide>
        <p>
          Elke run rekent een periode af uit de loongegevens en het register; wat betaald is, verandert nooit
          (een correctie is een nieuwe run met verschillen).
        </p>
        <section class="table-wrap" tabindex={0} aria-label="Afrekeningsruns">
          <table class="data">
            <caption>Runs ({runs.length})</caption>
            <thead>
              <tr>
                <th>Maatregel</th>
                <th>Periode</th>
                <th>Soort</th>
                <th>Toestand</th>
                <th class="num">Verschuldigd</th>
                <th class="num">Voorschotten</th>
                <th class="num">Saldo</th>
                <th>Aangemaakt</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((r) => (
                <tr>
                  <td>
                    <a href={`${BASE}/${r.id}`}>{r.measure}</a>
                  </td>
                  <td>{r.period}</td>
                  <td>{r.correction ? `${r.kind} (correctie)` : r.kind}</td>
                  <td>{status(r.status)}</td>
                  <td class="num">{formatEuro(r.totals.due)}</td>
                  <td class="num">{formatEuro(r.totals.advances)}</td>
                  <td class="num">{formatEuro(r.totals.balance)}</td>
                  <td>{formatDate(r.created_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </Layout>,
    );
  });

  app.get('/:id', async (c) => {
    const auth = guard(c);
    const r = await getRun(c.var.deps.db, auth.actor, c.req.param('id'));
    // A run prepared by a user names its id; one prepared by the system, its label.
    const isId = /^[0-9a-f-]{36}$/.test(r.prepared_by);
    const preparer = isId ? (await usersById(c.var.deps.db, [r.prepared_by])).get(r.prepared_by) : undefined;
    const act = (action: string, label: string) => (
      <form method="post" action={`${BASE}/${r.id}/${action}`} class="inline">
        <Csrf token={auth.csrfToken} />
        <button type="submit">{label}</button>
      </form>
    );
    const approver = can(auth.actor, 'settlement:approve');
    return c.html(
      <Layout
        title={`Afrekening ${r.measure} ${r.period}`}
        auth={auth}
        path={c.req.path}
        flash={takeFlash(c)}
        wide
      >
        <p>
          <a href={BASE}>← Alle runs</a>
        </p>
        <dl class="facts">
          <dt>Toestand</dt>
          <dd>{status(r.status)}</dd>
          <dt>Verschuldigd</dt>
          <dd>{formatEuro(r.totals.due)}</dd>
          <dt>Voorschotten</dt>
          <dd>{formatEuro(r.totals.advances)}</dd>
          <dt>Saldo</dt>
          <dd>{formatEuro(r.totals.balance)}</dd>
          <dt>Regelset</dt>
          <dd>{r.ruleset.version}</dd>
          <dt>Voorbereid door</dt>
          <dd>{preparer?.displayName ?? r.prepared_by}</dd>
        </dl>
        {approver && r.status === 'draft' && act('goedkeuren', 'Goedkeuren (vier ogen)')}
        {approver && r.status === 'goedgekeurd' && act('betaalbestand', 'Betaalbestand (SEPA) downloaden')}
        {approver && r.status === 'betaalbestand aangemaakt' && act('bevestigen', 'Betaling bevestigen')}
        <section class="table-wrap" tabindex={0} aria-label="Lijnen van de run">
          <table class="data">
            <caption>Lijnen ({r.lines.length})</caption>
            <thead>
              <tr>
                <th>KBO</th>
                <th>Werknemer</th>
                <th>Onderdeel</th>
                <th>Periode</th>
                <th class="num">Bedrag</th>
                <th>Begrotingsartikel</th>
                <th>Corrigeert</th>
              </tr>
            </thead>
            <tbody>
              {r.lines.map((l) => (
                <tr>
                  <td>{l.kbo}</td>
                  <td>{l.worker ?? '–'}</td>
                  <td>{l.component}</td>
                  <td>{l.period}</td>
                  <td class="num">{formatEuro(l.amount)}</td>
                  <td>{l.budget_article}</td>
                  <td>{l.corrects ? 'vorige lijn' : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </Layout>,
    );
  });

  const action = (path: string, exec: (c: WebContext, id: string) => Promise<Response | string>) =>
    app.post(`/:id/${path}`, async (c) => {
      guard(c);
      const id = c.req.param('id');
      try {
        const out = await exec(c, id);
        if (out instanceof Response) return out;
        flash(c, out);
      } catch (e) {
        const errors = formErrors(e);
        flash(c, errors.general ?? Object.values(errors.fields).join('; '));
      }
      return c.redirect(`${BASE}/${id}`, 303);
    });
  action('goedkeuren', async (c, id) => {
    await run(c, approveRun, { run: id });
    return 'De run is goedgekeurd.';
  });
  action('bevestigen', async (c, id) => {
    await run(c, confirmRun, { run: id });
    return 'De betaling is bevestigd.';
  });
  action('betaalbestand', async (c, id) => {
    const file = await run(c, createPaymentFile, { run: id, format: 'pain' });
    return new Response(file.content, {
      headers: {
        'content-type': file.media_type,
        'content-disposition': `attachment; filename="${file.file_name}"`,
      },
    });
  });
  return app;
}
