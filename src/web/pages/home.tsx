/** The start page: what each role comes to do, one click away. */
import { Hono } from 'hono';
import { can } from '../../access/index.ts';
import type { AppEnv } from '../../http/index.ts';
import { Layout } from '../components/layout.tsx';
import { requireWebUser, takeFlash } from '../context.ts';

interface Card {
  href: string;
  title: string;
  text: string;
}

export function homePages(): Hono<AppEnv> {
  const web = new Hono<AppEnv>();
  web.get('/', (c) => {
    const auth = requireWebUser(c);
    const a = auth.actor;
    const cards: Card[] = [
      {
        href: '/regelgeving',
        title: 'Regelgeving',
        text: 'Elke maatregel met haar rechtsgrond, parameters en een rekenmodule.',
      },
    ];
    if (can(a, 'organisations:read')) {
      cards.push(
        a.roles.every((r) => r === 'werkgever')
          ? {
              href: '/register/organisaties',
              title: 'Mijn organisatie',
              text: 'Uw organisatie(s) met hun gegevens.',
            }
          : {
              href: '/register/organisaties',
              title: 'Register',
              text: 'Organisaties, erkenningen en contingenten.',
            },
      );
    }
    if (can(a, 'users:manage'))
      cards.push({ href: '/beheer', title: 'Beheer', text: 'Gebruikers, rollen en het auditlogboek.' });
    return c.html(
      <Layout title={`Welkom, ${auth.user.displayName}`} auth={auth} path="/" flash={takeFlash(c)}>
        <ul class="cards">
          {cards.map((card) => (
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
