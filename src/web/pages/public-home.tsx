/**
 * The public start page for someone not signed in: what Trede is and the public material it holds
 * (every measure with its calculator, the participation ladder, open data, the budget), with the
 * sign-in beside it. Signed-in users get their role's start page instead (home.tsx).
 */

import { openLadder, YEARS } from '../../monitor/index.ts';
import { catalogue } from '../../rules/index.ts';
import { Layout } from '../components/layout.tsx';
import type { WebContext } from '../context.ts';
import { formatNumber } from '../format.ts';
import { plural } from '../plural.ts';

const RUNG_TEXT: Record<number, string> = {
  5: 'Trede 5 – betaald werk met ondersteuning',
  4: 'Trede 4 – tijdelijke activerende trajecten',
  3: 'Trede 3 – arbeidsmatige activiteiten onder begeleiding',
};

export async function PublicHome(_p: { c: WebContext }) {
  const cat = await catalogue();
  const withCalculator = cat.measures.filter((m) => m.formula !== undefined && m.formula !== null);
  const year = Math.max(...YEARS);
  const ladder = await openLadder({ year, region: 'west-vlaanderen', source: 'reference' });
  return (
    <Layout title="Trede: werk en sociale economie in Vlaanderen" auth={null} path="/">
      <div class="public-home">
        <div class="public-intro">
          <p class="lead">
            Trede is het open platform voor werk en sociale economie in Vlaanderen: de maatregelen die mensen
            met een afstand tot de arbeidsmarkt aan het werk helpen, de organisaties en personen die eraan
            deelnemen, het geld dat naar hen gaat en de monitor die toont of het werkt.
          </p>
          <p>
            De regels, de participatieladder en de open data zijn voor iedereen. Werkgevers,
            dossierbehandelaars, analisten, inspecteurs en beheerders melden zich aan voor hun eigen werk.
          </p>
        </div>
        <aside class="signin-box" aria-labelledby="aanmelden-kop">
          <h2 id="aanmelden-kop">Aanmelden</h2>
          <p>Werkt u met Trede? Meld u aan om uw dossiers, werkvoorraad of monitor te openen.</p>
          <p>
            <a class="button" href="/aanmelden">
              Aanmelden
            </a>
          </p>
        </aside>
      </div>
      <ul class="cards public-cards">
        <li>
          <a href="/regelgeving">Maatregelen en rekenmodules</a>
          <p>
            {plural(cat.measures.length, 'maatregel', 'maatregelen')} met hun rechtsgrond en parameters;{' '}
            {plural(withCalculator.length, 'maatregel heeft', 'maatregelen hebben')} een rekenmodule: "wat zou
            deze maatregel geven?"
          </p>
        </li>
        <li>
          <a href="#participatieladder">De participatieladder</a>
          <p>
            {formatNumber(ladder.total)} plaatsen op treden 3, 4 en 5 in {ladder.regionName} in {year}.
          </p>
        </li>
        <li>
          <a href="/api/docs">Open data</a>
          <p>De ladder, de reeksen per maatregel en de regels als open data, zonder aanmelden.</p>
        </li>
        <li>
          <a href="/begroting">Begroting</a>
          <p>De begrotingstabellen van Werk en Sociale Economie: kredieten, aanpassingen en uitvoering.</p>
        </li>
      </ul>
      <section aria-labelledby="participatieladder">
        <h2 id="participatieladder">De participatieladder</h2>
        <p>
          De participatieladder meet in zes treden hoe ver iemand deelneemt aan de samenleving, van geïsoleerd
          (trede 1) tot betaald werk (trede 6). Trede telt de plaatsen op de treden 3, 4 en 5.
        </p>
        <div class="table-wrap">
          <table>
            <caption>
              Plaatsen per trede, {ladder.regionName} {year}
            </caption>
            <thead>
              <tr>
                <th scope="col">Trede</th>
                <th scope="col" class="num">
                  Plaatsen
                </th>
              </tr>
            </thead>
            <tbody>
              {[...ladder.rungs]
                .sort((a, b) => b.rung - a.rung)
                .map((r) => (
                  <tr>
                    <th scope="row">{RUNG_TEXT[r.rung]}</th>
                    <td class="num">{formatNumber(r.total)}</td>
                  </tr>
                ))}
              <tr>
                <th scope="row">Totaal</th>
                <td class="num">{formatNumber(ladder.total)}</td>
              </tr>
            </tbody>
          </table>
        </div>
        <p class="hint">Bron: {ladder.source}</p>
        <p>
          Open data:{' '}
          <a href={`/api/v1/monitor/open/ladder?year=${year}&region=west-vlaanderen`}>de ladder als JSON</a> ·{' '}
          <a href="/api/docs">alle open-data-bronnen in de API-documentatie</a>
        </p>
      </section>
    </Layout>
  );
}
