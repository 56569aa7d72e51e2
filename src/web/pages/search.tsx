/**
 * Zoeken across Trede from the top bar: measures by name (public), and for a signed-in user what
 * the role may read — organisations by name or KBO, persons by INSZ or name (identity roles; others
 * by pseudonym only, so an analist never finds an INSZ), dossiers by reference. Each group reads
 * through its module's own list query, so the per-organisation isolation is the module's.
 */
import { Hono } from 'hono';
import type { Actor } from '../../access/index.ts';
import { ForbiddenError, UnauthenticatedError } from '../../domain/index.ts';
import { listDossiers } from '../../dossiers/index.ts';
import type { AppEnv } from '../../http/index.ts';
import { listOrganisations, listPersons, seesIdentity } from '../../registry/index.ts';
import { catalogue } from '../../rules/index.ts';
import { Layout } from '../components/layout.tsx';
import { plural } from '../plural.ts';

const MAX = 10;
interface Hit {
  href: string;
  label: string;
  detail?: string;
}
interface Group {
  title: string;
  hits: Hit[];
}

/** A group the role may not read is left out, not an error page. */
async function allowed(read: () => Promise<Hit[]>): Promise<Hit[] | null> {
  try {
    return await read();
  } catch (e) {
    if (e instanceof ForbiddenError || e instanceof UnauthenticatedError) return null;
    throw e;
  }
}

export async function search(db: Parameters<typeof listDossiers>[0], actor: Actor | null, q: string) {
  const needle = q.toLocaleLowerCase('nl-BE');
  const groups: Group[] = [];
  const measures = (await catalogue()).measures
    .filter((m) => m.meta.name.toLocaleLowerCase('nl-BE').includes(needle) || m.id.includes(needle))
    .slice(0, MAX)
    .map((m) => ({ href: `/regelgeving/${m.id}`, label: m.meta.name }));
  groups.push({ title: 'Maatregelen', hits: measures });
  if (!actor) return groups;
  const page = { page: 1, pageSize: MAX };
  const orgs = await allowed(async () =>
    (await listOrganisations(db, actor, { ...page, q })).items.map((o) => ({
      href: `/register/organisaties/${o.id}`,
      label: o.name,
      detail: `KBO ${o.kboFormatted}`,
    })),
  );
  if (orgs) groups.push({ title: 'Organisaties', hits: orgs });
  const persons = await allowed(async () =>
    (await listPersons(db, actor, { ...page, q })).items.map((p) => ({
      href: `/register/personen/${p.id}`,
      label: seesIdentity(actor)
        ? [p.firstName, p.lastName].filter(Boolean).join(' ') || p.pseudonym
        : p.pseudonym,
      detail: seesIdentity(actor) ? (p.inszFormatted ?? undefined) : undefined,
    })),
  );
  if (persons) groups.push({ title: 'Personen', hits: persons });
  const dossiers = await allowed(async () =>
    (await listDossiers(db, actor, { ...page, q })).items.map((d) => ({
      href: `/dossiers/${d.id}`,
      label: d.reference,
      detail: [d.measureName, d.organisationName].filter(Boolean).join(' · '),
    })),
  );
  if (dossiers) groups.push({ title: 'Dossiers', hits: dossiers });
  return groups;
}

export function searchPages(): Hono<AppEnv> {
  const web = new Hono<AppEnv>();
  web.get('/', async (c) => {
    const q = (c.req.query('q') ?? '').trim().slice(0, 100);
    const auth = c.var.auth ?? null;
    const groups = q.length >= 2 ? await search(c.var.deps.db, auth ? c.var.actor : null, q) : [];
    const total = groups.reduce((n, g) => n + g.hits.length, 0);
    return c.html(
      <Layout title="Zoeken" auth={auth} path={c.req.path} breadcrumbs={[{ href: '/', label: 'Start' }]}>
        <search>
          <form method="get" action="/zoeken" class="filters">
            <label>
              Zoek een maatregel{auth ? ', organisatie (naam of KBO), persoon of dossierreferentie' : ''}
              <input type="search" name="q" value={q} minlength={2} maxlength={100} />
            </label>
            <button type="submit">Zoeken</button>
          </form>
        </search>
        {q.length > 0 && q.length < 2 && <p>Geef minstens twee tekens op.</p>}
        {q.length >= 2 && (
          <p>
            {plural(total, 'resultaat', 'resultaten')} voor “{q}”
            {!auth && ' (meld u aan om ook in het register en de dossiers te zoeken)'}.
          </p>
        )}
        {groups
          .filter((g) => g.hits.length > 0)
          .map((g) => (
            <section aria-label={g.title}>
              <h2>{g.title}</h2>
              <ul class="search-hits">
                {g.hits.map((h) => (
                  <li>
                    <a href={h.href}>{h.label}</a>
                    {h.detail && <small> · {h.detail}</small>}
                  </li>
                ))}
              </ul>
            </section>
          ))}
      </Layout>,
    );
  });
  return web;
}
