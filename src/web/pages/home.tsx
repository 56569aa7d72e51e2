/**
 * The start page: each role finds its work here without reading a manual — an employer its own
 * organisation(s), every role the modules it may use, one click away.
 */
import { Hono } from 'hono';
import { can } from '../../access/index.ts';
import type { AppEnv } from '../../http/index.ts';
import { listOrganisations } from '../../registry/index.ts';
import { Layout } from '../components/layout.tsx';
import { DataTable } from '../components/table.tsx';
import { requireWebUser, takeFlash, type WebContext } from '../context.ts';

interface Card {
  href: string;
  title: string;
  text: string;
}

function cardsFor(c: WebContext): Card[] {
  const a = c.var.actor;
  const cards: Card[] = [];
  if (can(a, 'organisations:read') && !isEmployerOnly(c))
    cards.push({
      href: '/register/organisaties',
      title: 'Register',
      text: 'Organisaties, erkenningen en contingenten.',
    });
  cards.push({
    href: '/regelgeving',
    title: 'Regelgeving',
    text: 'Elke maatregel met haar rechtsgrond, parameters en een rekenmodule.',
  });
  if (can(a, 'users:manage'))
    cards.push({ href: '/beheer', title: 'Beheer', text: 'Gebruikers, rollen en het auditlogboek.' });
  return cards;
}

function isEmployerOnly(c: WebContext): boolean {
  return c.var.actor.roles.every((r) => r === 'werkgever');
}

/** "Mijn organisatie": the employer's own organisations, straight away. */
async function MyOrganisations(p: { c: WebContext }) {
  const page = await listOrganisations(p.c.var.deps.db, p.c.var.actor, {
    page: 1,
    pageSize: 50,
    sort: 'naam',
  });
  return (
    <section aria-labelledby="mijn-organisatie">
      <h2 id="mijn-organisatie">{page.items.length === 1 ? 'Mijn organisatie' : 'Mijn organisaties'}</h2>
      <DataTable
        c={p.c}
        caption="Mijn organisaties"
        rows={page.items}
        empty="Uw account is nog aan geen organisatie gekoppeld. Vraag het aan een beheerder."
        columns={[
          {
            key: 'name',
            label: 'Organisatie',
            render: (o) => <a href={`/register/organisaties/${o.id}`}>{o.name}</a>,
          },
          { key: 'kbo', label: 'KBO-nummer', render: (o) => o.kboFormatted },
          { key: 'type', label: 'Type', render: (o) => o.typeLabel },
          { key: 'municipality', label: 'Gemeente', render: (o) => o.address.municipality ?? '–' },
        ]}
      />
    </section>
  );
}

export function homePages(): Hono<AppEnv> {
  const web = new Hono<AppEnv>();
  web.get('/', async (c) => {
    const auth = requireWebUser(c);
    return c.html(
      <Layout title={`Welkom, ${auth.user.displayName}`} auth={auth} path="/" flash={takeFlash(c)}>
        {can(c.var.actor, 'organisations:read') && isEmployerOnly(c) && <MyOrganisations c={c} />}
        <ul class="cards">
          {cardsFor(c).map((card) => (
            <li>
              <a href={card.href}>{card.title}</a>
              <p>{card.text}</p>
            </li>
          ))}
        </ul>
      </Layout>,
    );
  });
  return web;
}
