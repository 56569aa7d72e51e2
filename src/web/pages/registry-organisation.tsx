/** The registry part of an organisation's page: recognitions, contingents, links, placements, dossiers. */
import { can } from '../../access/index.ts';
import { pageRequestSchema } from '../../db/index.ts';
import {
  listContingents,
  listOrganisationLinks,
  listPlacements,
  listRecognitions,
} from '../../registry/index.ts';
import { DataTable, Pager } from '../components/table.tsx';
import type { WebContext } from '../context.ts';
import { formatDate, formatQuarter } from '../format.ts';
import { OrganisationDossiers } from './dossiers.tsx';
import { fte, measureNames, PlacementTable } from './registry-shared.tsx';

/** The registry part of an organisation's page: recognitions, contingents, links, placements, dossiers. */
export async function organisationRegistrySections(c: WebContext, organisationId: string) {
  const db = c.var.deps.db;
  const actor = c.var.actor;
  const paging = pageRequestSchema.parse(c.req.query());
  const [recognitions, contingents, links] = await Promise.all([
    listRecognitions(db, actor, organisationId),
    listContingents(db, actor, organisationId),
    listOrganisationLinks(db, actor, organisationId),
  ]);
  const canSeePlacements = can(actor, 'persons:read-identity') || can(actor, 'registry:read-pseudonymised');
  const names = await measureNames();
  const placements = canSeePlacements ? await listPlacements(db, actor, { ...paging, organisationId }) : null;
  return (
    <>
      <section aria-labelledby="erkenningen">
        <h2 id="erkenningen">Erkenningen</h2>
        {can(actor, 'organisations:write') && (
          <p>
            <a class="button-secondary" href={`/register/organisaties/${organisationId}/erkenningen/nieuw`}>
              Erkenning toevoegen
            </a>
          </p>
        )}
        <DataTable
          c={c}
          caption="Erkenningen"
          empty="Geen erkenningen geregistreerd."
          rows={recognitions}
          columns={[
            { key: 'measure', label: 'Maatregel', render: (r) => names.get(r.measure) ?? r.measure },
            { key: 'reference', label: 'Referentie', render: (r) => r.reference ?? '–' },
            { key: 'from', label: 'Geldig vanaf', render: (r) => formatDate(r.validFrom) },
            {
              key: 'to',
              label: 'Geldig tot',
              render: (r) => (r.validTo ? formatDate(r.validTo) : 'onbepaald'),
            },
          ]}
        />
      </section>
      <section aria-labelledby="contingenten">
        <h2 id="contingenten">Contingenten</h2>
        {can(actor, 'organisations:write') && (
          <p>
            <a class="button-secondary" href={`/register/organisaties/${organisationId}/contingenten/nieuw`}>
              Contingent instellen
            </a>
          </p>
        )}
        <DataTable
          c={c}
          caption="Contingenten in VTE per kwartaal"
          empty="Geen contingenten geregistreerd."
          rows={contingents}
          columns={[
            { key: 'measure', label: 'Maatregel', render: (r) => names.get(r.measure) ?? r.measure },
            { key: 'quarter', label: 'Kwartaal', render: (r) => formatQuarter(r.quarter) },
            { key: 'fte', label: 'VTE', align: 'right', render: (r) => fte(r.fte) },
            {
              key: 'history',
              label: 'Vorige waarden',
              render: (r) =>
                r.history.length
                  ? r.history.map((h) => `${fte(h.fte)} (${formatDate(h.recordedAt)})`).join('; ')
                  : '–',
            },
          ]}
        />
      </section>
      {links.length > 0 && (
        <section aria-labelledby="verbanden">
          <h2 id="verbanden">Verbonden organisaties</h2>
          <ul>
            {links.map((l) => {
              const other = l.parent.id === organisationId ? l.child : l.parent;
              return (
                <li>
                  {l.kindLabel}: <a href={`/register/organisaties/${other.id}`}>{other.name}</a>
                </li>
              );
            })}
          </ul>
        </section>
      )}
      {placements && (
        <section aria-labelledby="plaatsingen">
          <h2 id="plaatsingen">Plaatsingen</h2>
          {can(actor, 'registry:write') && (
            <p>
              <a class="button-secondary" href={`/register/plaatsingen/nieuw?organisatie=${organisationId}`}>
                Plaatsing toevoegen
              </a>
            </p>
          )}
          <PlacementTable
            c={c}
            rows={placements.items}
            sort={paging.sort}
            empty="Geen plaatsingen bij deze organisatie."
          />
          <Pager c={c} page={placements.page} pageSize={placements.pageSize} total={placements.total} />
        </section>
      )}
      <OrganisationDossiers c={c} organisationId={organisationId} />
    </>
  );
}
