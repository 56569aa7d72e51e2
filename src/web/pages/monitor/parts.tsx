/**
 * Building blocks of the monitor page: a section with its heading, chart, folded table and
 * downloads; a table that scrolls sideways in its own box on a phone; a year-by-year table.
 */
import type { Child } from 'hono/jsx';
import { formatNumber } from '../../format.ts';

export const RUNG_LABEL: Record<number, string> = {
  5: 'Trede 5 – betaald werk met ondersteuning',
  4: 'Trede 4 – tijdelijke activerende trajecten',
  3: 'Trede 3 – arbeidsmatige activiteiten onder begeleiding',
};
export const COLOUR_NL: Record<string, string> = {
  donkergroen: 'boven streefdoel',
  lichtgroen: 'op streefdoel',
  lichtoranje: 'minder dan 10 % onder streefdoel',
  donkeroranje: 'meer dan 10 % onder streefdoel',
  groen: 'norm gehaald',
  oranje: 'norm niet gehaald',
  grijs: 'geen vergelijking',
};
export const COLOUR_HEX: Record<string, string> = {
  donkergroen: '#1b5e20',
  lichtgroen: '#66bb6a',
  lichtoranje: '#ffb74d',
  donkeroranje: '#e65100',
  groen: '#2e7d32',
  oranje: '#ef6c00',
  grijs: '#9e9e9e',
};

/** One section of the page: an anchor to jump to, a heading and its content. */
export function Section(p: { id: string; title: string; children?: Child }) {
  return (
    <section class="monitor-section" id={p.id} aria-labelledby={`${p.id}-kop`}>
      <h2 id={`${p.id}-kop`}>{p.title}</h2>
      {p.children}
    </section>
  );
}

/** A table folded under its chart; it scrolls sideways in its own box instead of squeezing words. */
export function Folded(p: { label: string; open?: boolean; children?: Child }) {
  return (
    <details class="data-table" open={p.open}>
      <summary>Tabel: {p.label}</summary>
      <section class="table-wrap" tabindex={0} aria-label={`Tabel: ${p.label}`}>
        {p.children}
      </section>
    </details>
  );
}

export function Downloads(p: { links: { href: string; label: string }[] }) {
  return (
    <p class="downloads">
      {p.links.map((l) => (
        <a href={l.href} download>
          {l.label}
        </a>
      ))}
    </p>
  );
}

export interface YearRow {
  label: string;
  values: readonly (number | null)[];
  format?: (v: number | null) => string;
  strong?: boolean;
}

/** A table with one column per year: the data behind a chart. */
export function YearTable(p: {
  id: string;
  caption: string;
  first: string;
  years: readonly number[];
  rows: YearRow[];
}) {
  return (
    <table class="data" id={p.id}>
      <caption>{p.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{p.first}</th>
          {p.years.map((y) => (
            <th scope="col" class="num">
              {y}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {p.rows.map((r) => (
          <tr>
            <th scope="row">{r.label}</th>
            {r.values.map((v) => (
              <td class="num">
                {r.strong ? <strong>{(r.format ?? formatNumber)(v)}</strong> : (r.format ?? formatNumber)(v)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
