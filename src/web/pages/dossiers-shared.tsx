/** What the dossier pages share: the state badge, the dossier columns, the sub-navigation, dossier lists. */
import { type Actor, can } from '../../access/index.ts';
import { type DossierState, type DossierView, listDossiers, STATE_LABELS } from '../../dossiers/index.ts';
import { DataTable } from '../components/table.tsx';
import type { WebContext } from '../context.ts';
import { formatDate } from '../format.ts';
import { plural } from '../plural.ts';

export const BASE = '/dossiers';

/** A dossier's state as a badge, the same everywhere a state is shown. */
export function stateBadge(d: { state: DossierState; outcome: string | null }) {
  const cls =
    d.state === 'afgesloten' || d.state === 'ingetrokken'
      ? 'badge-muted'
      : d.outcome === 'geweigerd' || d.state === 'onontvankelijk' || d.state === 'terugvordering'
        ? 'badge-danger'
        : d.state === 'beroep'
          ? 'badge-warn'
          : 'badge-ok';
  return <span class={`badge ${cls}`}>{STATE_LABELS[d.state] + (d.outcome ? ` (${d.outcome})` : '')}</span>;
}

export function dossierColumns(withOrganisation = true) {
  return [
    {
      key: 'reference',
      label: 'Referentie',
      sort: 'referentie',
      render: (d: DossierView) => (
        <a href={`${BASE}/${d.id}`} class="nowrap">
          {d.reference}
        </a>
      ),
    },
    { key: 'measure', label: 'Maatregel', sort: 'maatregel', render: (d: DossierView) => d.measureName },
    ...(withOrganisation
      ? [
          {
            key: 'organisation',
            label: 'Organisatie',
            sort: 'organisatie',
            render: (d: DossierView) => d.organisationName ?? '–',
          },
        ]
      : []),
    { key: 'state', label: 'Toestand', sort: 'toestand', render: (d: DossierView) => stateBadge(d) },
    { key: 'handler', label: 'Behandelaar', render: (d: DossierView) => d.handler?.name ?? '–' },
    {
      key: 'received',
      label: 'Ontvangen',
      sort: 'ontvangen',
      render: (d: DossierView) => formatDate(d.receivedAt),
    },
  ];
}

/** The tabs of the dossier pages: only those the actor may open (no tab that answers 403). */
export function DossierTabs(p: { actor: Actor; path: string }) {
  const items = [
    { href: BASE, label: 'Alle dossiers', show: can(p.actor, 'dossiers:read') },
    { href: `${BASE}/werkvoorraad`, label: 'Mijn werkvoorraad', show: can(p.actor, 'dossiers:handle') },
    { href: `${BASE}/doorlooptijden`, label: 'Doorlooptijden', show: can(p.actor, 'monitor:read') },
  ].filter((i) => i.show);
  if (items.length < 2) return null;
  return (
    <nav aria-label="Dossiers" class="subnav">
      <ul>
        {items.map((i) => (
          <li>
            <a href={i.href} aria-current={p.path === i.href ? 'page' : undefined}>
              {i.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The dossiers of one organisation or one person, shown on its page. */
export async function DossierList(props: {
  c: WebContext;
  organisationId?: string;
  personId?: string;
  empty: string;
}) {
  const { c } = props;
  if (!can(c.var.actor, 'dossiers:read')) return null;
  const page = await listDossiers(c.var.deps.db, c.var.actor, {
    ...(props.organisationId ? { organisationId: props.organisationId } : {}),
    ...(props.personId ? { personId: props.personId } : {}),
    page: 1,
    pageSize: 50,
    sort: '-ontvangen',
  });
  const headingId = props.personId ? 'persoon-dossiers' : 'org-dossiers';
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>Dossiers</h2>
      <DataTable
        c={c}
        caption={props.personId ? 'Dossiers van deze persoon' : 'Dossiers van deze organisatie'}
        rows={page.items}
        columns={dossierColumns(!props.organisationId)}
        empty={props.empty}
      />
      {props.organisationId && page.total > page.items.length && (
        <p>
          <a href={`${BASE}?organisatie=${props.organisationId}`}>
            Alle {plural(page.total, 'dossier', 'dossiers')}
          </a>
        </p>
      )}
    </section>
  );
}

/** The dossiers of one organisation, shown on the organisation page. */
export function OrganisationDossiers(props: { c: WebContext; organisationId: string }) {
  return (
    <DossierList
      c={props.c}
      organisationId={props.organisationId}
      empty="Deze organisatie heeft nog geen dossiers."
    />
  );
}
