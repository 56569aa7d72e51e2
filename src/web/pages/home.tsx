/**
 * The start page: each role finds its work here without reading a manual — an employer its own
 * organisation(s) and their dossiers, a case handler its work queue, an analyst the monitor
 * headline, an inspector the latest dossiers (read-only), an administrator Beheer and the audit
 * log; every role the modules it may use, one click away.
 */
import { Hono } from 'hono';
import { can } from '../../access/index.ts';
import { type DossierView, listDossiers, workQueue } from '../../dossiers/index.ts';
import type { AppEnv } from '../../http/index.ts';
import { getLadder, YEARS } from '../../monitor/index.ts';
import { listOrganisations } from '../../registry/index.ts';
import { Layout } from '../components/layout.tsx';
import { type Column, DataTable } from '../components/table.tsx';
import { requireWebUser, takeFlash, type WebContext } from '../context.ts';
import { formatDate, formatNumber } from '../format.ts';
import { InspectionStart } from './home-inspection.tsx';
import { SinceLastVisit } from './home-since.tsx';
import { PublicHome } from './public-home.tsx';

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
  if (can(a, 'dossiers:read'))
    cards.push({
      href: '/dossiers',
      title: 'Dossiers',
      text: isEmployerOnly(c)
        ? 'De aanvragen van uw organisatie en hun stand van zaken.'
        : 'Aanvragen voor maatregelen, hun toestand en tijdlijn.',
    });
  if (can(a, 'monitor:read'))
    cards.push({
      href: '/monitor',
      title: 'Monitor',
      text: 'De participatieladder, reeksen per maatregel en downloads.',
    });
  cards.push({
    href: '/regelgeving',
    title: 'Regelgeving',
    text: 'Elke maatregel met haar rechtsgrond, parameters en een rekenmodule.',
  });
  if (can(a, 'inspection:handle'))
    cards.push({
      href: '/inspectie',
      title: 'Inspectie',
      text: 'Inspectiedossiers met tijdlijn, de risicolijst (knipperlichten) en het rapport.',
    });
  else if (can(a, 'inspection:report'))
    cards.push({
      href: '/inspectie/rapport',
      title: 'Inspectierapport',
      text: 'De VSI-jaartabel per domein, antidiscriminatie en de doorlooptijd van boetes (aantallen).',
    });
  if (can(a, 'users:manage'))
    cards.push({ href: '/beheer', title: 'Beheer', text: 'Gebruikers, rollen en het auditlogboek.' });
  if (can(a, 'audit:read'))
    cards.push({
      href: '/beheer/audit',
      title: 'Auditlogboek',
      text: 'Wie deed wat en wanneer, voor elke wijziging.',
    });
  return cards;
}

function isEmployerOnly(c: WebContext): boolean {
  return c.var.actor.roles.every((r) => r === 'werkgever');
}

function hasRole(c: WebContext, role: string): boolean {
  return (c.var.actor.roles as readonly string[]).includes(role);
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

const HOME_ROWS = 10;

function dossierColumns(withOrganisation: boolean): Column<DossierView>[] {
  const cols: Column<DossierView>[] = [
    { key: 'reference', label: 'Referentie', render: (d) => <a href={`/dossiers/${d.id}`}>{d.reference}</a> },
    { key: 'measure', label: 'Maatregel', render: (d) => d.measureName },
  ];
  if (withOrganisation)
    cols.push({ key: 'org', label: 'Organisatie', render: (d) => d.organisationName ?? '–' });
  cols.push(
    { key: 'state', label: 'Toestand', render: (d) => d.stateLabel },
    { key: 'received', label: 'Ontvangen', render: (d) => formatDate(d.receivedAt) },
  );
  return cols;
}

/** Shows "x van y" under a table that holds only the first rows, with a link to all of them. */
function More(p: { shown: number; total: number; href: string; label: string }) {
  if (p.total === 0) return null;
  return (
    <p class="more">
      {p.shown < p.total ? `${formatNumber(p.shown)} van ${formatNumber(p.total)} getoond. ` : ''}
      <a href={p.href}>{p.label}</a>
    </p>
  );
}

/** A case handler's work queue: assigned to me and unassigned, open dossiers, oldest first. */
async function WorkQueue(p: { c: WebContext }) {
  const { db } = p.c.var.deps;
  const a = p.c.var.actor;
  const [mine, unassigned] = await Promise.all([
    workQueue(db, a, { page: 1, pageSize: HOME_ROWS, which: 'mij' }),
    workQueue(db, a, { page: 1, pageSize: HOME_ROWS, which: 'geen' }),
  ]);
  return (
    <section aria-labelledby="werkvoorraad">
      <h2 id="werkvoorraad">Mijn werkvoorraad</h2>
      <h3 id="werkvoorraad-mij">Aan mij toegewezen ({formatNumber(mine.total)})</h3>
      <DataTable
        c={p.c}
        caption="Open dossiers aan mij toegewezen, oudste eerst"
        rows={mine.items}
        empty="Er zijn geen open dossiers aan u toegewezen."
        columns={dossierColumns(true)}
      />
      <h3 id="werkvoorraad-geen">Niet toegewezen ({formatNumber(unassigned.total)})</h3>
      <DataTable
        c={p.c}
        caption="Open dossiers zonder behandelaar, oudste eerst"
        rows={unassigned.items}
        empty="Er wachten geen dossiers op een behandelaar."
        columns={dossierColumns(true)}
      />
      <p class="more">
        <a href="/dossiers/werkvoorraad">Naar de volledige werkvoorraad</a>
      </p>
    </section>
  );
}

/** The employer's dossiers, for all of its organisations (the query keeps to its scope). */
async function MyDossiers(p: { c: WebContext }) {
  const page = await listDossiers(p.c.var.deps.db, p.c.var.actor, {
    page: 1,
    pageSize: HOME_ROWS,
    sort: '-gewijzigd',
  });
  return (
    <section aria-labelledby="mijn-dossiers">
      <h2 id="mijn-dossiers">Dossiers van mijn organisatie</h2>
      <DataTable
        c={p.c}
        caption="Dossiers van mijn organisaties, laatst gewijzigd eerst"
        rows={page.items}
        empty="Uw organisatie heeft nog geen dossiers."
        columns={dossierColumns(true)}
      />
      <More shown={page.items.length} total={page.total} href="/dossiers" label="Alle dossiers" />
      {can(p.c.var.actor, 'dossiers:apply') && (
        <p class="more">
          <a href="/dossiers/nieuw">Een maatregel aanvragen</a>
        </p>
      )}
    </section>
  );
}

/** The inspector's view: the latest changed dossiers, read-only. */
async function RecentDossiers(p: { c: WebContext }) {
  const page = await listDossiers(p.c.var.deps.db, p.c.var.actor, {
    page: 1,
    pageSize: HOME_ROWS,
    sort: '-gewijzigd',
  });
  return (
    <section aria-labelledby="recente-dossiers">
      <h2 id="recente-dossiers">Recente dossiers</h2>
      <DataTable
        c={p.c}
        caption="Laatst gewijzigde dossiers"
        rows={page.items}
        empty="Er zijn nog geen dossiers."
        columns={dossierColumns(true)}
      />
      <More shown={page.items.length} total={page.total} href="/dossiers" label="Alle dossiers" />
    </section>
  );
}

/** The monitor headline: places on the ladder in West-Vlaanderen in the latest reference year. */
async function MonitorHeadline(p: { c: WebContext }) {
  const year = Math.max(...YEARS);
  const ladder = await getLadder(p.c.var.actor, { year, region: 'west-vlaanderen' });
  return (
    <section aria-labelledby="monitor-kop">
      <h2 id="monitor-kop">Monitor</h2>
      <p class="headline" id="monitor-totaal">
        <strong class="headline-value">{formatNumber(ladder.total)}</strong> plaatsen op de participatieladder
        (treden 3, 4 en 5) in {ladder.regionName} in {year}.
      </p>
      <p class="more">
        <a href="/monitor">Naar het monitordashboard</a>
      </p>
    </section>
  );
}

export function homePages(): Hono<AppEnv> {
  const web = new Hono<AppEnv>();
  web.get('/', async (c) => {
    // Someone not signed in meets the public front door, not a login form (an expired session
    // still goes back to the sign-in page, which says why).
    if (!c.var.auth && !c.var.sessionExpired) return c.html(<PublicHome c={c} />);
    const auth = requireWebUser(c);
    const a = c.var.actor;
    const employer = isEmployerOnly(c);
    return c.html(
      <Layout title={`Welkom, ${auth.user.displayName}`} auth={auth} path="/" flash={takeFlash(c)}>
        {!employer && <SinceLastVisit c={c} />}
        {can(a, 'organisations:read') && employer && <MyOrganisations c={c} />}
        {can(a, 'dossiers:read') && employer && <MyDossiers c={c} />}
        {can(a, 'dossiers:handle') && hasRole(c, 'dossierbehandelaar') && <WorkQueue c={c} />}
        {can(a, 'monitor:read') && hasRole(c, 'analist') && <MonitorHeadline c={c} />}
        {can(a, 'dossiers:read') && hasRole(c, 'inspecteur') && !can(a, 'dossiers:handle') && (
          <RecentDossiers c={c} />
        )}
        {can(a, 'inspection:handle') && hasRole(c, 'inspecteur') && <InspectionStart c={c} />}
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
