/**
 * Tables that sort, filter and page on the server: headers are links that set `?sort=`, the pager
 * sets `?page=`; every other query parameter (filters) is kept.
 */
import type { CellKind } from '../../domain/index.ts';
import type { WebContext } from '../context.ts';
import { withQuery } from '../context.ts';
import { formatNumber } from '../format.ts';

export interface Column<T> {
  key: string;
  label: string;
  /** Sort key understood by the query (`naam`); omitted means not sortable. */
  sort?: string;
  align?: 'right';
  render: (row: T) => unknown;
  /** The cell in a CSV/XLSX download (src/web/export.tsx); default: the rendered cell as text. */
  value?: (row: T) => string | number | null;
  /** How a download formats the column's numbers; default text. */
  kind?: CellKind;
  /** Left out of downloads (action buttons). */
  noExport?: boolean;
}

export interface TableProps<T> {
  c: WebContext;
  caption: string;
  columns: Column<T>[];
  rows: T[];
  /** Shown instead of the table when there are no rows. */
  empty: string;
  /** The sort key in effect (`naam` or `-naam`). */
  sort?: string | undefined;
}

export function DataTable<T>(p: TableProps<T>) {
  if (p.rows.length === 0) {
    return (
      <div class="empty-state">
        <p>{p.empty}</p>
      </div>
    );
  }
  const current = p.sort?.replace(/^-/, '');
  const desc = p.sort?.startsWith('-') ?? false;
  return (
    <div class="table-wrap">
      <table class="data">
        <caption class="visually-hidden">{p.caption}</caption>
        <thead>
          <tr>
            {p.columns.map((col) => {
              const active = col.sort && col.sort === current;
              const ariaSort = active ? (desc ? 'descending' : 'ascending') : undefined;
              return (
                <th scope="col" class={col.align === 'right' ? 'num' : undefined} aria-sort={ariaSort}>
                  {col.sort ? (
                    <a
                      href={withQuery(p.c, {
                        sort: active && !desc ? `-${col.sort}` : col.sort,
                        page: undefined,
                      })}
                    >
                      {col.label}
                      <span class="sort-indicator" aria-hidden="true">
                        {active ? (desc ? ' ▼' : ' ▲') : ' ↕'}
                      </span>
                    </a>
                  ) : (
                    col.label
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {p.rows.map((row) => (
            <tr>
              {p.columns.map((col) => (
                <td class={col.align === 'right' ? 'num' : undefined}>{col.render(row)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Pager(p: { c: WebContext; page: number; pageSize: number; total: number }) {
  const pages = Math.max(1, Math.ceil(p.total / p.pageSize));
  const from = p.total === 0 ? 0 : (p.page - 1) * p.pageSize + 1;
  const to = Math.min(p.total, p.page * p.pageSize);
  return (
    <nav class="pager" aria-label="Paginering">
      <p>
        {formatNumber(from)}–{formatNumber(to)} van {formatNumber(p.total)}
      </p>
      {pages > 1 && (
        <ul>
          <li>
            {p.page > 1 ? (
              <a href={withQuery(p.c, { page: p.page - 1 })} rel="prev">
                ‹ Vorige
              </a>
            ) : (
              <span aria-disabled="true">‹ Vorige</span>
            )}
          </li>
          <li>
            <span>
              Pagina {p.page} van {pages}
            </span>
          </li>
          <li>
            {p.page < pages ? (
              <a href={withQuery(p.c, { page: p.page + 1 })} rel="next">
                Volgende ›
              </a>
            ) : (
              <span aria-disabled="true">Volgende ›</span>
            )}
          </li>
        </ul>
      )}
    </nav>
  );
}

/** A label–value list for detail pages. */
export function Details(p: { items: [string, unknown][] }) {
  return (
    <dl class="details">
      {p.items.map(([k, v]) => (
        <>
          <dt>{k}</dt>
          <dd>{v === null || v === undefined || v === '' ? '–' : v}</dd>
        </>
      ))}
    </dl>
  );
}
