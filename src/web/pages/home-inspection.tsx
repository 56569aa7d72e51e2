/**
 * The inspecteur's part of the start page: the open inspections and the current risk hits per
 * rule (the risk list is computed afresh; a hit does not record whether a dossier was opened from
 * it, so "new" means: on today's list), each a click away from the inspection pages.
 */
import { can } from '../../access/index.ts';
import { listInspections, RISK_RULES, riskHits } from '../../inspection/index.ts';
import type { WebContext } from '../context.ts';
import { formatDate, formatNumber } from '../format.ts';

const SHOWN = 5;

export async function InspectionStart(p: { c: WebContext }) {
  const { db } = p.c.var.deps;
  const actor = p.c.var.actor;
  if (!can(actor, 'inspection:handle')) return null;
  const open = (await listInspections(db, actor)).filter((i) => i.state !== 'afgesloten');
  const hits = await riskHits(db, actor);
  const perRule = RISK_RULES.map((r) => ({
    rule: r,
    count: hits.filter((h) => h.rule === r.id).length,
  })).filter((x) => x.count > 0);
  return (
    <section aria-labelledby="inspecties-start">
      <h2 id="inspecties-start">Open inspecties ({formatNumber(open.length)})</h2>
      {open.length === 0 ? (
        <p>Er zijn geen open inspecties.</p>
      ) : (
        <ul id="open-inspecties">
          {open.slice(0, SHOWN).map((i) => (
            <li>
              <a href={`/inspectie/dossiers/${i.id}`}>{i.reference}</a> · {i.organisation.name} · {i.domain} ·{' '}
              {i.state} · geopend op {formatDate(i.openedOn)}
            </li>
          ))}
        </ul>
      )}
      <h2 id="risicotreffers-start">Nieuwe risicotreffers ({formatNumber(hits.length)})</h2>
      {perRule.length === 0 ? (
        <p>De risicolijst heeft geen treffers.</p>
      ) : (
        <ul id="risicotreffers">
          {perRule.map((x) => (
            <li>
              <a href={`/inspectie/risicos?regel=${x.rule.id}`}>{x.rule.label}</a>: {formatNumber(x.count)}
            </li>
          ))}
        </ul>
      )}
      <p class="more">
        <a href="/inspectie">Naar Inspectie</a> · <a href="/inspectie/rapport">Inspectierapport</a>
      </p>
    </section>
  );
}
