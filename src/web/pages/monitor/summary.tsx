/**
 * The summary at the top: the places on the ladder in the chosen year and region, in total and per
 * rung, each with its change against the year before (difference of the exact sums, rounded at
 * output, and the growth in % as the module's series compute it).
 */
import { growth, roundHalfAway } from '../../../domain/index.ts';
import type { Ladder } from '../../../monitor/index.ts';
import { formatNumber, formatPercent } from '../../format.ts';
import type { MonitorData } from './data.ts';
import { RUNG_LABEL } from './parts.tsx';

interface Figure {
  id: string;
  label: string;
  value: number | null;
  exact: number | null;
  previous: number | null;
}

function figures(l: Ladder, prev: Ladder | null): Figure[] {
  const rung = (x: Ladder | null, r: number) => x?.rungs.find((y) => y.rung === r)?.exact ?? null;
  return [
    {
      id: 'tegel-totaal',
      label: 'plaatsen op treden 3 tot 5',
      value: l.total,
      exact: l.totalExact,
      previous: prev?.totalExact ?? null,
    },
    ...l.rungs.map((r) => ({
      id: `tegel-trede-${r.rung}`,
      label: RUNG_LABEL[r.rung] ?? `Trede ${r.rung}`,
      value: r.total,
      exact: r.exact,
      previous: rung(prev, r.rung),
    })),
  ];
}

/** `+6.090 (+10,6 %) t.o.v.` the year before, or a note when there is no previous year to compare with. */
export function changeText(f: { exact: number | null; previous: number | null }, previousYear: number) {
  if (f.exact === null || f.previous === null) return `geen vergelijking met ${previousYear}`;
  const diff = roundHalfAway(f.exact - f.previous);
  const pct = growth(f.previous, f.exact);
  const sign = (v: number) => (v > 0 ? '+' : '');
  return `${sign(diff)}${formatNumber(diff)} (${pct === null ? '–' : `${sign(pct)}${formatPercent(pct)}`}) t.o.v. ${previousYear}`;
}

export function Summary(p: { d: MonitorData }) {
  const { ladder, previous, p: view } = p.d;
  return (
    <section class="monitor-summary" id="samenvatting" aria-labelledby="samenvatting-kop">
      <h2 id="samenvatting-kop">
        Samenvatting: {ladder.regionName} {view.year}
      </h2>
      <div class="tiles">
        {figures(ladder, previous).map((f) => (
          <div class="tile" id={f.id}>
            <div>{f.id === 'tegel-totaal' ? `${ladder.regionName} ${view.year}` : f.label}</div>
            <div class="value">{formatNumber(f.value)}</div>
            {f.id === 'tegel-totaal' ? <div>{f.label}</div> : null}
            <div class="change">{changeText(f, view.year - 1)}</div>
          </div>
        ))}
      </div>
      <p class="muted">
        Bron: <code>{ladder.source}</code>
        {ladder.basis === 'registry' ? ' (geteld uit het register)' : ''}. Alle totalen zijn berekend uit de
        maatregelen; SINE telt voor 40 % mee.
      </p>
    </section>
  );
}
