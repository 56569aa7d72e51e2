import { raw } from 'hono/html';
import type { PropsWithChildren } from 'hono/jsx';
import { type Actor, can, type Permission, ROLE_LABELS } from '../../access/index.ts';
import type { Authenticated } from '../../users/index.ts';

interface NavItem {
  href: string;
  label: string;
  /** Shown when the actor has this permission; undefined = always (public pages). */
  permission?: Permission;
}

/** Main navigation; a module's entry appears once its pages exist. */
export const NAV: NavItem[] = [
  { href: '/regelgeving', label: 'Regelgeving' },
  { href: '/register/organisaties', label: 'Register', permission: 'organisations:read' },
  { href: '/dossiers', label: 'Dossiers', permission: 'dossiers:read' },
  { href: '/monitor', label: 'Monitor', permission: 'monitor:read' },
  { href: '/begroting', label: 'Begroting', permission: 'budget:read' },
  { href: '/plannen', label: 'Plan', permission: 'plans:read' },
  { href: '/inspectie', label: 'Inspectie', permission: 'inspection:handle' },
  { href: '/afrekeningen', label: 'Afrekeningen', permission: 'settlement:read' },
  { href: '/beheer', label: 'Beheer', permission: 'users:manage' },
];

export interface LayoutProps {
  title: string;
  auth: Authenticated | null;
  /** The current path, to mark the active navigation item. */
  path: string;
  flash?: string | null;
  breadcrumbs?: { href: string; label: string }[];
  /** Wider main column for dashboards and wide tables. */
  wide?: boolean;
  /** Extra content right of the page title (actions). */
  actions?: unknown;
}

function visible(actor: Actor | undefined, item: NavItem): boolean {
  if (!item.permission) return true;
  return actor ? can(actor, item.permission) : false;
}

export function Layout(props: PropsWithChildren<LayoutProps>) {
  const { auth, path } = props;
  const items = NAV.filter((i) => visible(auth?.actor, i));
  return (
    <>
      {raw('<!doctype html>')}
      <html lang="nl-BE">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{`${props.title} · Trede`}</title>
          <link rel="stylesheet" href="/static/app.css" />
          <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
          <script src="/static/app.js" defer />
        </head>
        <body>
          <a class="skip-link" href="#inhoud">
            Naar de inhoud
          </a>
          <header class="topbar">
            <a class="brand" href="/" aria-label="Trede, startpagina">
              <span class="brand-mark" aria-hidden="true" />
              Trede
            </a>
            {items.length > 0 && (
              <nav aria-label="Hoofdnavigatie" class="mainnav">
                <ul>
                  {items.map((i) => {
                    const active =
                      path === i.href ||
                      path.startsWith(`${i.href}/`) ||
                      path.startsWith(`/${i.href.split('/')[1]}/`);
                    return (
                      <li>
                        <a href={i.href} aria-current={active ? 'page' : undefined}>
                          {i.label}
                        </a>
                      </li>
                    );
                  })}
                </ul>
              </nav>
            )}
            <search class="topsearch">
              <form method="get" action="/zoeken">
                <label for="topzoek" class="visually-hidden">
                  Zoeken in Trede
                </label>
                <input id="topzoek" type="search" name="q" placeholder="Zoeken…" maxlength={100} />
              </form>
            </search>
            <div class="usermenu">
              {auth ? (
                <>
                  <span class="who">
                    <a href="/profiel">{auth.user.displayName}</a>
                    <small>{auth.user.roles.map((r) => ROLE_LABELS[r]).join(', ')}</small>
                  </span>
                  <form method="post" action="/afmelden">
                    <input type="hidden" name="_csrf" value={auth.csrfToken ?? ''} />
                    <button type="submit" class="button-link">
                      Afmelden
                    </button>
                  </form>
                </>
              ) : (
                <a href="/aanmelden">Aanmelden</a>
              )}
            </div>
          </header>
          <main id="inhoud" tabindex={-1} class={props.wide ? 'wide' : undefined}>
            {props.breadcrumbs && props.breadcrumbs.length > 0 && (
              <nav aria-label="Kruimelpad" class="breadcrumbs">
                <ol>
                  {props.breadcrumbs.map((b) => (
                    <li>
                      <a href={b.href}>{b.label}</a>
                    </li>
                  ))}
                </ol>
              </nav>
            )}
            <div class="page-head">
              <h1>{props.title}</h1>
              {props.actions ? <div class="page-actions">{props.actions}</div> : null}
            </div>
            {props.flash && (
              <div class="flash" role="status">
                {props.flash}
              </div>
            )}
            {props.children}
          </main>
          <footer class="footer">
            <p>
              Trede — open platform voor werk en sociale economie. <a href="/api/docs">API-documentatie</a> ·{' '}
              <a href="/api/v1/openapi.json">OpenAPI</a>
            </p>
          </footer>
        </body>
      </html>
    </>
  );
}
