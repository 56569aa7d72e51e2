/**
 * What Trede's own settlement runs did to the budget of a year: per article what was committed
 * (approved), paid by 31 December and carried over (overlopende rekening), what runs paid this year
 * for earlier years, and the recoveries on the receipts article. Read through src/budget.
 */
import type { Actor } from '../../access/index.ts';
import { recoveryReceipts, settledYearEnd } from '../../budget/index.ts';
import type { Queryable } from '../../db/index.ts';
import { formatEuroCents as euro, formatEuro } from '../format.ts';

export async function loadSettled(db: Queryable, actor: Actor, year: number) {
  return {
    articles: await settledYearEnd(db, actor, { year }),
    receipts: await recoveryReceipts(db, actor, year),
  };
}

export function SettledSection(p: { year: number } & Awaited<ReturnType<typeof loadSettled>>) {
  return (
    <>
      <h2 id="afrekeningen">Afrekeningen van Trede op de artikels, {p.year}</h2>
      {p.articles.length === 0 ? (
        <p>Geen goedgekeurde afrekeningen voor begrotingsjaar {p.year}.</p>
      ) : (
        <section class="table-wrap" tabindex={0} aria-label={`Afrekeningen per artikel, ${p.year}`}>
          <table class="data">
            <thead>
              <tr>
                <th>artikel</th>
                <th>maatregelen</th>
                <th class="num">vastgelegd</th>
                <th class="num">betaald vóór 31/12</th>
                <th class="num">overlopende rekening</th>
                <th class="num">betaald voor vorige jaren</th>
              </tr>
            </thead>
            <tbody>
              {p.articles.map((a) => (
                <tr>
                  <td>{a.article}</td>
                  <td>{a.measures.join(', ')}</td>
                  <td class="num">{euro(a.committedCents)}</td>
                  <td class="num">{euro(a.paidInYearCents)}</td>
                  <td class="num">{euro(a.accrualCents)}</td>
                  <td class="num">{euro(a.priorYearsPaidCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <h2 id="ontvangsten">Terugvorderingen op het ontvangstenartikel, {p.year}</h2>
      {p.receipts.length === 0 ? (
        <p>Geen terugvorderingen geregistreerd in {p.year}.</p>
      ) : (
        <section class="table-wrap" tabindex={0} aria-label={`Terugvorderingen, ${p.year}`}>
          <table class="data">
            <thead>
              <tr>
                <th>maatregel</th>
                <th>ontvangstenartikel</th>
                <th class="num">vorderingen</th>
                <th class="num">verrekend in een afrekening</th>
                <th class="num">nog open</th>
                <th>bron</th>
              </tr>
            </thead>
            <tbody>
              {p.receipts.map((r) => (
                <tr>
                  <td>{r.measure}</td>
                  <td>{r.article ?? 'geen in de bronnen'}</td>
                  <td class="num">{formatEuro(r.claimed)}</td>
                  <td class="num">{formatEuro(r.offset)}</td>
                  <td class="num">{formatEuro(r.open)}</td>
                  <td>{r.source ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <p>
        Een verrekende terugvordering is een negatieve lijn op het uitgavenartikel en telt niet opnieuw als
        ontvangst.
      </p>
    </>
  );
}
