/**
 * Begroting: the budget tree (programma → ISE → artikel) with VAK/VEK per stage, the execution
 * rates, the check's findings and a waterfall BA → bewegingen → BA-JR → BU for one article.
 * Every table has a CSV and an XLSX download. Amounts in keuro with nl-BE dots.
 */
import { Hono } from 'hono';
import { assertCan } from '../../access/index.ts';
import {
  accrualsByArticle,
  budgetData,
  check,
  DOWNLOAD_TABLES,
  type DownloadName,
  downloadTable,
  execution,
  notCheckableClaims,
  showBudget,
  stagesOf,
  waterfall,
} from '../../budget/index.ts';
import type { AppEnv } from '../../http/index.ts';
import { Layout } from '../components/layout.tsx';
import { TableWrap } from '../components/table-wrap.tsx';
import { requireWebUser, type WebContext } from '../context.ts';
import { sendTable } from '../downloads.ts';
import { formatNumber } from '../format.ts';
import { loadSettled, SettledSection } from './budget-settled.tsx';

const BASE = '/begroting';
const YEARS = [2021, 2024];
const DEFAULT_ARTICLE: Record<number, string> = { 2021: 'JB0-1JEB2HA-WT', 2024: 'JB0-1JEC2HA-WT' };

function params(c: WebContext) {
  const y = Number(c.req.query('jaar') ?? '2024');
  const year = YEARS.includes(y) ? y : 2024;
  return { year, article: c.req.query('artikel') ?? DEFAULT_ARTICLE[year] ?? '' };
}
const keuro = (euro: number) => formatNumber(euro / 1000, Number.isInteger(euro / 1000) ? 0 : 3);
/** A finding's value in its unit: keuro for euro, '%' for percent, a plain count for aantal. */
const findingValue = (unit: string, v: number) =>
  unit === 'percent' ? `${formatNumber(v)} %` : unit === 'aantal' ? formatNumber(v) : keuro(v);

function Waterfall(p: { steps: ReturnType<typeof waterfall> }) {
  if (p.steps.length === 0) return <p>Geen gegevens voor dit artikel.</p>;
  const w = 640;
  const h = 220;
  let run = 0;
  const bars = p.steps.map((s) => {
    const from = s.kind === 'stage' ? 0 : run;
    const to = s.kind === 'stage' ? s.amountCents : run + s.amountCents;
    run = s.kind === 'stage' ? s.amountCents : to;
    return { ...s, lo: Math.min(from, to), hi: Math.max(from, to) };
  });
  const max = Math.max(...bars.map((b) => b.hi), 1);
  const bw = w / bars.length;
  return (
    <svg
      viewBox={`0 0 ${w} ${h + 40}`}
      role="img"
      aria-label="Waterval van BA via de bewegingen naar BA-JR en BU"
      width="100%"
    >
      {bars.map((b, i) => {
        const y = h - (b.hi / max) * h;
        const bh = Math.max(((b.hi - b.lo) / max) * h, 1);
        const fill = b.kind === 'stage' ? '#1f4e79' : b.amountCents < 0 ? '#c62828' : '#2e7d32';
        return (
          <g>
            <rect x={i * bw + 4} y={y} width={bw - 8} height={bh} fill={fill}>
              <title>{`${b.label}: ${keuro(b.amountCents / 100)} keuro (${b.source})`}</title>
            </rect>
            <text x={i * bw + bw / 2} y={h + 14} text-anchor="middle" font-size="10">
              {b.label.slice(0, 18)}
            </text>
            <text x={i * bw + bw / 2} y={h + 28} text-anchor="middle" font-size="10">
              {keuro(b.amountCents / 100)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** The CSV and XLSX links of one table (src/budget/tables.ts defines both from one table). */
function Downloads(p: { file: string; label: string; query?: string }) {
  const q = p.query ? `?${p.query}` : '';
  return (
    <p class="downloads">
      <a href={`${BASE}/download/${p.file}.csv${q}`} download>
        Download {p.label} (CSV)
      </a>
      {' · '}
      <a href={`${BASE}/download/${p.file}.xlsx${q}`} download>
        Download {p.label} (XLSX)
      </a>
    </p>
  );
}

export function budgetPages() {
  const app = new Hono<AppEnv>();
  const guard = (c: WebContext) => {
    const auth = requireWebUser(c);
    assertCan(auth.actor, 'budget:read');
    return auth;
  };
  app.get('/', async (c) => {
    const auth = guard(c);
    const { year, article } = params(c);
    const settled = await loadSettled(c.var.deps.db, auth.actor, year);
    const data = budgetData();
    const s = stagesOf(year);
    const stages = [s.ba, s.baJr, s.bu];
    const rows = showBudget(data, { year }).rows.filter((r) => r.credit === 'VAK' || r.credit === 'VEK');
    const codes = [...new Map(rows.map((r) => [`${r.level}|${r.code}`, r])).values()];
    const amount = (code: string, level: string, credit: string, stage: string) =>
      rows.find((r) => r.code === code && r.level === level && r.credit === credit && r.stage === stage)
        ?.amount;
    const max = Math.max(...rows.filter((r) => r.level !== 'domein').map((r) => r.amount), 1);
    const ex = execution(data, year);
    const findings = check(data).filter((f) => f.where.startsWith(String(year)) || f.kind === 'text-claim');
    const q = `jaar=${year}`;
    return c.html(
      <Layout title="Begroting" auth={auth} path={c.req.path} wide>
        <form method="get" class="filters">
          <label>
            Begrotingsjaar{' '}
            <select name="jaar">
              {YEARS.map((y) => (
                <option value={String(y)} selected={y === year}>
                  {y}
                </option>
              ))}
            </select>
          </label>
          <button type="submit">Toon</button>
        </form>
        <p>
          Bedragen in duizend euro (keuro). Totalen van ISE, programma en domein zijn berekend uit de
          artikels; waar het gedrukte totaal afwijkt, staat dat bij de controle.
        </p>
        <h2>Programma → ISE → artikel</h2>
        <Downloads file="begroting" label="begroting" query={q} />
        <TableWrap label="Programma → ISE → artikel">
          <table class="data">
            <thead>
              <tr>
                <th>niveau</th>
                <th>code</th>
                <th>naam</th>
                {stages.flatMap((st) => [<th class="num">VAK {st}</th>, <th class="num">VEK {st}</th>])}
                <th>VAK BU</th>
              </tr>
            </thead>
            <tbody>
              {codes.map((r) => {
                const bu = amount(r.code, r.level, 'VAK', s.bu) ?? 0;
                return (
                  <tr>
                    <td>{r.level}</td>
                    <td>
                      {r.level === 'artikel' ? (
                        <a href={`${BASE}?${q}&artikel=${encodeURIComponent(r.code)}#waterval`}>{r.code}</a>
                      ) : (
                        r.code
                      )}
                    </td>
                    <td>{r.name}</td>
                    {stages.flatMap((st) => [
                      <td class="num">{keuro(amount(r.code, r.level, 'VAK', st) ?? 0)}</td>,
                      <td class="num">{keuro(amount(r.code, r.level, 'VEK', st) ?? 0)}</td>,
                    ])}
                    <td>
                      {r.level !== 'domein' && (
                        <svg width="120" height="10" aria-hidden="true">
                          <rect width={Math.max(0, (bu / max) * 120)} height="10" fill="#1f4e79" />
                        </svg>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
        <h2>Uitvoeringsgraad (BU / BA-JR)</h2>
        <Downloads file="uitvoering" label="uitvoering" query={q} />
        <TableWrap label="Uitvoeringsgraad (BU / BA-JR)">
          <table class="data">
            <thead>
              <tr>
                <th>niveau</th>
                <th>code</th>
                <th>krediet</th>
                <th class="num">BA-JR</th>
                <th class="num">BU</th>
                <th class="num">%</th>
                <th class="num">onderbenutting</th>
              </tr>
            </thead>
            <tbody>
              {ex.map((e) => (
                <tr>
                  <td>{e.level}</td>
                  <td>{e.code}</td>
                  <td>{e.credit}</td>
                  <td class="num">{keuro(e.baJrEuro)}</td>
                  <td class="num">{keuro(e.buEuro)}</td>
                  <td class="num">
                    {e.ratePercent === null ? '–' : formatNumber(e.ratePercent, year === 2021 ? 0 : 1)}
                  </td>
                  <td class="num">{keuro(e.underuseEuro)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
        <h2 id="waterval">Waterval {article} (VAK)</h2>
        <Waterfall steps={waterfall(data, year, article, 'VAK')} />
        <Downloads file="waterval" label="waterval" query={`${q}&artikel=${encodeURIComponent(article)}`} />
        <h2>Overlopende rekening per artikel</h2>
        <p>
          Het deel van de BU dat op de overlopende rekening staat (kosten van het jaar, later betaald) en de
          afrekeningen van het vorige jaar die in de BU zitten, zoals de bronnen ze drukken.
        </p>
        <Downloads file="overlopend" label="overlopende rekening" query={q} />
        <TableWrap label="Overlopende rekening per artikel">
          <table class="data">
            <thead>
              <tr>
                <th>artikel</th>
                <th>krediet</th>
                <th class="num">BU</th>
                <th class="num">overlopende rekening</th>
                <th class="num">afrekening vorig jaar</th>
                <th>bronnen</th>
              </tr>
            </thead>
            <tbody>
              {accrualsByArticle(data, year).map((a) => (
                <tr>
                  <td>{a.article}</td>
                  <td>{a.credit}</td>
                  <td class="num">{a.buEuro === null ? '–' : keuro(a.buEuro)}</td>
                  <td class="num">{keuro(a.accrualEuro)}</td>
                  <td class="num">{keuro(a.priorYearEuro)}</td>
                  <td>{[...new Set(a.rows.map((r) => r.source))].join(' · ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
        <SettledSection year={year} {...settled} />
        <h2>Controle: cijfers die niet kloppen</h2>
        <Downloads file="controle" label="controle" />
        <TableWrap label="Controle: cijfers die niet kloppen">
          <table class="data">
            <thead>
              <tr>
                <th>soort</th>
                <th>waar</th>
                <th class="num">gedrukt</th>
                <th class="num">berekend</th>
                <th class="num">verschil</th>
                <th>bronnen</th>
              </tr>
            </thead>
            <tbody>
              {findings.map((f) => (
                <tr>
                  <td>{f.kind}</td>
                  <td>{f.where}</td>
                  <td class="num">{findingValue(f.unit, f.printed)}</td>
                  <td class="num">{findingValue(f.unit, f.computed)}</td>
                  <td class="num">{findingValue(f.unit, f.difference)}</td>
                  <td>{f.sources.join(' · ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
        <h3>Niet te controleren met de gegevens</h3>
        <ul>
          {notCheckableClaims().map((n) => (
            <li>
              {n.id}: {n.where}. {n.reason} ({n.sources.join(' · ')})
            </li>
          ))}
        </ul>
      </Layout>,
    );
  });
  // Every table of the page as CSV and as XLSX, from one definition (src/budget/tables.ts).
  app.get('/download/:file', async (c) => {
    guard(c);
    const m = /^([a-z]+)\.(csv|xlsx)$/.exec(c.req.param('file'));
    if (!m || !(DOWNLOAD_TABLES as readonly string[]).includes(m[1]!)) return c.notFound();
    const { year, article } = params(c);
    return sendTable(c, downloadTable(m[1] as DownloadName, { year, article }), m[2] as 'csv' | 'xlsx');
  });
  return app;
}
