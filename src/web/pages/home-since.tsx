/**
 * What changed since the user's previous sign-in (issue 17, notifications of work): new open
 * dossiers in the queue for a case handler, settlement runs waiting for a second pair of eyes for
 * whoever may approve them. Each count links to the list behind it.
 */
import { can } from '../../access/index.ts';
import { listDossiers } from '../../dossiers/index.ts';
import { countRunsAwaitingApproval } from '../../settlement/index.ts';
import { previousVisit } from '../../users/index.ts';
import type { WebContext } from '../context.ts';
import { formatDateTime } from '../format.ts';
import { plural } from '../plural.ts';

export async function SinceLastVisit(p: { c: WebContext }) {
  const { c } = p;
  const a = c.var.actor;
  const db = c.var.deps.db;
  const since = a.userId ? await previousVisit(db, a.userId) : null;
  const items: { href: string; text: string }[] = [];
  if (can(a, 'dossiers:handle') && since) {
    const fresh = await listDossiers(db, a, { open: true, createdAfter: since, page: 1, pageSize: 1 });
    if (fresh.total > 0)
      items.push({
        href: '/dossiers/werkvoorraad',
        text: `${plural(fresh.total, 'nieuw dossier', 'nieuwe dossiers')} in de werkvoorraad`,
      });
  }
  if (can(a, 'settlement:approve')) {
    // Four eyes: a run the user prepared waits for someone else.
    const waiting = await countRunsAwaitingApproval(db, a);
    if (waiting > 0)
      items.push({
        href: '/afrekeningen',
        text: `${plural(waiting, 'afrekeningsrun wacht', 'afrekeningsruns wachten')} op goedkeuring`,
      });
  }
  return (
    <section aria-labelledby="sinds-bezoek" class="since">
      <h2 id="sinds-bezoek">
        {since ? `Sinds uw vorige aanmelding (${formatDateTime(since)})` : 'Welkom bij uw eerste aanmelding'}
      </h2>
      {items.length === 0 ? (
        <p>Niets nieuws dat op u wacht.</p>
      ) : (
        <ul>
          {items.map((i) => (
            <li>
              <a href={i.href}>{i.text}</a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
