/**
 * What the registry pages share: their sub-navigation, the placements table, measure names and
 * options from the rules catalogue (names, never ids), and the safe "back" path after a form.
 */
import { can } from '../../access/index.ts';
import { ForbiddenError } from '../../domain/index.ts';
import { type PlacementView, seesIdentity } from '../../registry/index.ts';
import { catalogue } from '../../rules/index.ts';
import { type Column, DataTable } from '../components/table.tsx';
import { requireWebUser, type WebContext } from '../context.ts';
import { formatDate, formatNumber } from '../format.ts';

export const fte = (n: number) => formatNumber(n, 2);

/** Links between the registry pages. */
export function RegistryNav(p: { c: WebContext }) {
  const actor = p.c.var.actor;
  const items = [
    { href: '/register/organisaties', label: 'Organisaties', show: true },
    {
      href: '/register/personen',
      label: 'Personen',
      show: can(actor, 'persons:read-identity') || can(actor, 'registry:read-pseudonymised'),
    },
    {
      href: '/register/plaatsingen',
      label: 'Plaatsingen',
      show: can(actor, 'persons:read-identity') || can(actor, 'registry:read-pseudonymised'),
    },
    { href: '/register/import', label: 'Inlezen', show: can(actor, 'registry:write') },
  ].filter((i) => i.show);
  return (
    <nav aria-label="Register" class="subnav">
      <ul>
        {items.map((i) => (
          <li>
            <a href={i.href} aria-current={p.c.req.path === i.href ? 'page' : undefined}>
              {i.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export async function PlacementTable(p: {
  c: WebContext;
  rows: PlacementView[];
  empty: string;
  sort?: string | undefined;
  showOrganisation?: boolean;
}) {
  return (
    <DataTable
      c={p.c}
      caption="Plaatsingen"
      sort={p.sort}
      empty={p.empty}
      rows={p.rows}
      columns={await placementColumns(p)}
    />
  );
}

/** The placement table's columns, also the columns of its download. */
export async function placementColumns(p: {
  c: WebContext;
  showOrganisation?: boolean;
}): Promise<Column<PlacementView>[]> {
  const identity = seesIdentity(p.c.var.actor);
  const names = await measureNames();
  return [
    {
      key: 'person',
      label: identity ? 'Persoon' : 'Pseudoniem',
      render: (r) => (
        <a href={`/register/personen/${r.person.id}`}>
          {identity ? (r.person.name ?? r.person.insz) : r.person.pseudonym}
        </a>
      ),
    },
    ...(p.showOrganisation
      ? [
          {
            key: 'organisation',
            label: 'Organisatie',
            sort: 'organisatie',
            render: (r: PlacementView) => (
              <a href={`/register/organisaties/${r.organisation.id}`}>{r.organisation.name}</a>
            ),
          },
        ]
      : []),
    {
      key: 'measure',
      label: 'Maatregel',
      sort: 'maatregel',
      render: (r) => names.get(r.measure) ?? r.measure,
    },
    { key: 'start', label: 'Start', sort: 'start', render: (r) => formatDate(r.start) },
    { key: 'end', label: 'Einde', sort: 'einde', render: (r) => (r.end ? formatDate(r.end) : 'lopend') },
    {
      key: 'fte',
      label: 'VTE',
      sort: 'vte',
      align: 'right',
      render: (r) => fte(r.fte),
      value: (r) => r.fte,
      kind: 'number',
    },
    ...(can(p.c.var.actor, 'registry:write')
      ? [
          {
            key: 'actions',
            label: 'Acties',
            noExport: true,
            render: (r: PlacementView) =>
              r.end ? (
                '–'
              ) : (
                <a
                  href={`/register/plaatsingen/${r.id}/beeindigen?terug=${encodeURIComponent(p.c.req.path)}`}
                >
                  Beëindigen<span class="visually-hidden"> (plaatsing vanaf {formatDate(r.start)})</span>
                </a>
              ),
          },
        ]
      : []),
  ];
}

/** Where to go back to after a form: only a path inside the registry, never another site. */
export function backPath(value: string | undefined, fallback: string): string {
  return value && /^\/register\/[\w\-/]*$/.test(value) ? value : fallback;
}

/** The measures of the rules catalogue as options, by name. */
export async function measureOptions(): Promise<{ value: string; label: string }[]> {
  const { measures } = await catalogue();
  return measures
    .map((m) => ({ value: m.id, label: m.meta.name }))
    .sort((a, b) => a.label.localeCompare(b.label, 'nl'));
}

/** Measure id → its Dutch name, for tables that store the id. */
export async function measureNames(): Promise<Map<string, string>> {
  const { measures } = await catalogue();
  return new Map(measures.map((m) => [m.id, m.meta.name]));
}

/** A form page for writers only: others get the 403 page before they fill anything in. */
export function requireWrite(c: WebContext, permission: 'registry:write' | 'organisations:write') {
  const auth = requireWebUser(c);
  if (!can(c.var.actor, permission)) throw new ForbiddenError('U mag deze gegevens niet wijzigen.');
  return auth;
}
