/** The filter form (GET, so the view stands in the URL) and the jump links to the sections. */
import { getArea, REFERENCE_REGIONS, TABEL_39 } from '../../../monitor/index.ts';
import { BASE, type MonitorParams, SOURCE_LABEL, SOURCES } from './params.ts';

export const SECTIONS = [
  ['samenvatting', 'Samenvatting'],
  ['ladder', 'Ladder'],
  ['maatregelen', 'Maatregelen'],
  ['regios', "Regio's"],
  ['reeksen', 'Reeksen'],
  ['doorlooptijden', 'Doorlooptijden'],
  ['kpis', "KPI's"],
] as const;

function Select(p: { id: string; name: string; label: string; options: [string, string][]; value: string }) {
  return (
    <div class="field">
      <label for={p.id}>{p.label}</label>
      <select id={p.id} name={p.name}>
        {p.options.map(([v, text]) => (
          <option value={v} selected={v === p.value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Filters(p: { p: MonitorParams }) {
  const v = p.p;
  return (
    <form method="get" action={BASE} class="filters" novalidate aria-label="Filters van de monitor">
      <Select
        id="filter-jaar"
        name="jaar"
        label="Jaar"
        value={String(v.year)}
        options={[...v.years].reverse().map((y) => [String(y), String(y)])}
      />
      <Select
        id="filter-regio"
        name="regio"
        label="Gebied"
        value={v.region}
        options={REFERENCE_REGIONS.map((r) => [r, getArea(r)?.name ?? r])}
      />
      <Select
        id="filter-bron"
        name="bron"
        label="Bron"
        value={v.source}
        options={SOURCES.map((s) => [s, SOURCE_LABEL[s]])}
      />
      <Select
        id="filter-reeks"
        name="reeks"
        label="Reeks"
        value={v.series}
        options={TABEL_39.rows.map((r) => [r.id, r.label])}
      />
      <button type="submit">Toon</button>
    </form>
  );
}

export function JumpLinks() {
  return (
    <nav aria-label="Op deze pagina" class="jumplinks">
      <ul>
        {SECTIONS.map(([id, label]) => (
          <li>
            <a href={`#${id}`}>{label}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
