/** Lead times against the boordtabel's norms, per measure, coloured as the department's dashboard does. */
import type { Hono } from 'hono';
import { COLOUR_LABELS, type Colour, leadTimeReport } from '../../dossiers/index.ts';
import type { AppEnv } from '../../http/index.ts';
import { Field } from '../components/forms.tsx';
import { Layout } from '../components/layout.tsx';
import { requireWebUser } from '../context.ts';
import { formatNumber, formatPercent, formatPoints } from '../format.ts';
import { DossierTabs } from './dossiers-shared.tsx';
import { NormConflicts } from './norm-conflicts.tsx';

const COLOUR_CLASS: Record<Colour, string> = {
  donkergroen: 'badge-ok',
  lichtgroen: 'badge-ok',
  lichtoranje: 'badge-warn',
  donkeroranje: 'badge-danger',
};

export function registerLeadTimePages(web: Hono<AppEnv>): void {
  web.get('/doorlooptijden', async (c) => {
    const auth = requireWebUser(c);
    const yearParam = Number(c.req.query('jaar'));
    const year = Number.isInteger(yearParam) && yearParam >= 2000 ? yearParam : new Date().getUTCFullYear();
    const report = await leadTimeReport(c.var.deps.db, c.var.actor, { year });
    return c.html(
      <Layout title={`Doorlooptijden ${year}`} auth={auth} path={c.req.path} wide>
        <DossierTabs actor={c.var.actor} path={c.req.path} />
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
                  <td class="num">{formatNumber(n.counted)}</td>
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
        <NormConflicts conflicts={report.conflicts} />
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
}
