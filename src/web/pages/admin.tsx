/** Beheer: users and their roles and organisations, and the audit trail. */
import { Hono } from 'hono';
import { assertCan, ROLE_LABELS, ROLES, type Role } from '../../access/index.ts';
import { listAuditEvents } from '../../audit/index.ts';
import { formatKbo, ValidationError } from '../../domain/index.ts';
import { type AppEnv, run } from '../../http/index.ts';
import { organisationIdsByKbo, organisationsById } from '../../registry/index.ts';
import {
  createUser,
  getUser,
  listPasswordResetRequests,
  listUsers,
  type PasswordResetRequestView,
  resetPassword,
  type UserView,
  updateUser,
} from '../../users/index.ts';
import { Actions, Checkboxes, Csrf, ErrorSummary, Field } from '../components/forms.tsx';
import { Layout } from '../components/layout.tsx';
import { DataTable } from '../components/table.tsx';
import {
  type FormErrors,
  type FormValues,
  flash,
  formErrors,
  list,
  readForm,
  requireWebUser,
  takeFlash,
  text,
  type WebContext,
  withQuery,
} from '../context.ts';
import { formatDateTime } from '../format.ts';

const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));
const LABELS = {
  username: 'Gebruikersnaam',
  displayName: 'Naam',
  roles: 'Rollen',
  organisationIds: 'Organisaties',
  kbos: 'Organisaties',
};

function requireAdmin(c: WebContext) {
  const auth = requireWebUser(c);
  assertCan(auth.actor, 'users:manage');
  return auth;
}

function UserForm(p: {
  c: WebContext;
  action: string;
  values: { username?: string; displayName?: string; roles: string[]; kbos?: string; active?: boolean };
  errors?: FormErrors | undefined;
  isNew: boolean;
}) {
  const auth = requireWebUser(p.c);
  const f = p.errors?.fields ?? {};
  return (
    <form method="post" action={p.action} novalidate>
      <Csrf token={auth.csrfToken} />
      <ErrorSummary errors={p.errors} labels={LABELS} />
      {p.isNew && (
        <Field
          name="username"
          label={LABELS.username}
          required
          hint="Kleine letters, cijfers, punt of streep."
          value={p.values.username}
          error={f['username']}
          width="medium"
          autocomplete="off"
        />
      )}
      <Field
        name="displayName"
        label={LABELS.displayName}
        required
        value={p.values.displayName}
        error={f['displayName']}
        width="long"
      />
      <Checkboxes
        name="roles"
        legend={LABELS.roles}
        options={ROLE_OPTIONS}
        values={p.values.roles}
        error={f['roles']}
      />
      <div class={`field${f['organisationIds'] || f['kbos'] ? ' field-error' : ''}`}>
        <label for="veld-kbos">
          KBO-nummers van de organisaties<span class="optional"> (verplicht voor een werkgever)</span>
        </label>
        <p class="hint" id="veld-kbos-hint">
          Eén per regel. Een werkgever ziet enkel deze organisaties.
        </p>
        {(f['organisationIds'] || f['kbos']) && (
          <p class="error-message">{f['organisationIds'] ?? f['kbos']}</p>
        )}
        <textarea id="veld-kbos" name="kbos" rows={3} class="w-medium" aria-describedby="veld-kbos-hint">
          {p.values.kbos ?? ''}
        </textarea>
      </div>
      {!p.isNew && (
        <label class="check">
          <input type="checkbox" name="active" value="1" checked={p.values.active !== false} /> Actief (kan
          aanmelden)
        </label>
      )}
      <Actions>
        <button type="submit">{p.isNew ? 'Gebruiker aanmaken' : 'Wijzigingen opslaan'}</button>
        <a href="/beheer/gebruikers" class="button-secondary">
          Annuleren
        </a>
      </Actions>
    </form>
  );
}

async function resolveKbos(c: WebContext, form: FormValues): Promise<string[]> {
  const kbos = text(form, 'kbos')
    .split(/[\s,;]+/)
    .filter(Boolean);
  const { ids, unknown } = await organisationIdsByKbo(c.var.deps.db, kbos);
  if (unknown.length) throw ValidationError.field('kbos', `onbekend KBO-nummer: ${unknown.join(', ')}`);
  return ids;
}

async function kbosOf(c: WebContext, user: UserView): Promise<string> {
  return (await organisationsById(c.var.deps.db, user.organisationIds))
    .map((o) => formatKbo(o.kbo))
    .join('\n');
}

/** Open requests from the sign-in page; answered with "Nieuw eenmalig wachtwoord" on the user's page. */
function ResetRequests(p: { c: WebContext; requests: PasswordResetRequestView[] }) {
  if (p.requests.length === 0) return null;
  return (
    <section aria-labelledby="wachtwoordaanvragen">
      <h2 id="wachtwoordaanvragen">Aanvragen om een nieuw wachtwoord</h2>
      <p>
        Aangevraagd op de aanmeldpagina. Trede stuurt geen e-mail: geef de gebruiker een nieuw eenmalig
        wachtwoord op zijn pagina en bezorg het veilig.
      </p>
      <DataTable
        c={p.c}
        caption="Open aanvragen om een nieuw wachtwoord, oudste eerst"
        empty="Er zijn geen open aanvragen."
        rows={p.requests}
        columns={[
          {
            key: 'user',
            label: 'Gebruiker',
            render: (r) => (
              <a href={`/beheer/gebruikers/${r.userId}`}>{`${r.displayName} (${r.username})`}</a>
            ),
          },
          { key: 'when', label: 'Aangevraagd', render: (r) => formatDateTime(r.requestedAt) },
        ]}
      />
    </section>
  );
}

export function adminPages(): Hono<AppEnv> {
  const web = new Hono<AppEnv>();

  web.get('/', (c) => {
    const auth = requireAdmin(c);
    return c.html(
      <Layout title="Beheer" auth={auth} path={c.req.path}>
        <ul class="cards">
          <li>
            <a href="/beheer/gebruikers">Gebruikers en rollen</a>
            <p>Gebruikers aanmaken, rollen en organisaties toekennen, wachtwoorden opnieuw instellen.</p>
          </li>
          <li>
            <a href="/beheer/audit">Auditlogboek</a>
            <p>Elke wijziging in Trede: wie, wanneer, wat.</p>
          </li>
        </ul>
      </Layout>,
    );
  });

  web.get('/gebruikers', async (c) => {
    const auth = requireAdmin(c);
    const users = await listUsers(c.var.deps.db, c.var.actor);
    const requests = await listPasswordResetRequests(c.var.deps.db, c.var.actor);
    return c.html(
      <Layout
        title="Gebruikers"
        auth={auth}
        path={c.req.path}
        flash={takeFlash(c)}
        breadcrumbs={[{ href: '/beheer', label: 'Beheer' }]}
        actions={
          <a class="button" href="/beheer/gebruikers/nieuw">
            Nieuwe gebruiker
          </a>
        }
      >
        <ResetRequests c={c} requests={requests} />
        <DataTable
          c={c}
          caption="Gebruikers"
          empty="Er zijn geen gebruikers."
          rows={users}
          columns={[
            {
              key: 'username',
              label: 'Gebruikersnaam',
              render: (u) => <a href={`/beheer/gebruikers/${u.id}`}>{u.username}</a>,
            },
            { key: 'name', label: 'Naam', render: (u) => u.displayName },
            { key: 'roles', label: 'Rollen', render: (u) => u.roles.map((r) => ROLE_LABELS[r]).join(', ') },
            { key: 'orgs', label: 'Organisaties', align: 'right', render: (u) => u.organisationIds.length },
            {
              key: 'status',
              label: 'Status',
              render: (u) =>
                u.active ? (u.mustChangePassword ? 'eenmalig wachtwoord' : 'actief') : 'gedeactiveerd',
            },
          ]}
        />
      </Layout>,
    );
  });

  web.get('/gebruikers/nieuw', (c) => {
    const auth = requireAdmin(c);
    return c.html(
      <Layout
        title="Nieuwe gebruiker"
        auth={auth}
        path={c.req.path}
        breadcrumbs={[
          { href: '/beheer', label: 'Beheer' },
          { href: '/beheer/gebruikers', label: 'Gebruikers' },
        ]}
      >
        <UserForm c={c} action="/beheer/gebruikers/nieuw" values={{ roles: [] }} isNew />
      </Layout>,
    );
  });

  web.post('/gebruikers/nieuw', async (c) => {
    const auth = requireAdmin(c);
    const form = await readForm(c);
    try {
      const organisationIds = await resolveKbos(c, form);
      const created = await run(c, createUser, {
        username: text(form, 'username'),
        displayName: text(form, 'displayName'),
        roles: list(form, 'roles'),
        organisationIds,
      });
      flash(
        c,
        `Gebruiker '${created.user.username}' aangemaakt. Eenmalig wachtwoord: ${created.oneTimePassword} — geef het veilig door; het wordt niet opnieuw getoond.`,
      );
      return c.redirect(`/beheer/gebruikers/${created.user.id}`, 303);
    } catch (e) {
      return c.html(
        <Layout
          title="Nieuwe gebruiker"
          auth={auth}
          path={c.req.path}
          breadcrumbs={[
            { href: '/beheer', label: 'Beheer' },
            { href: '/beheer/gebruikers', label: 'Gebruikers' },
          ]}
        >
          <UserForm
            c={c}
            action="/beheer/gebruikers/nieuw"
            values={{
              username: text(form, 'username'),
              displayName: text(form, 'displayName'),
              roles: list(form, 'roles'),
              kbos: text(form, 'kbos'),
            }}
            errors={formErrors(e)}
            isNew
          />
        </Layout>,
        400,
      );
    }
  });

  web.get('/gebruikers/:id', async (c) => {
    const auth = requireAdmin(c);
    const user = await getUser(c.var.deps.db, c.var.actor, c.req.param('id'));
    return c.html(
      <Layout
        title={user.displayName}
        auth={auth}
        path={c.req.path}
        flash={takeFlash(c)}
        breadcrumbs={[
          { href: '/beheer', label: 'Beheer' },
          { href: '/beheer/gebruikers', label: 'Gebruikers' },
        ]}
      >
        <UserForm
          c={c}
          action={`/beheer/gebruikers/${user.id}`}
          values={{
            displayName: user.displayName,
            roles: user.roles,
            kbos: await kbosOf(c, user),
            active: user.active,
          }}
          isNew={false}
        />
        <h2>Wachtwoord</h2>
        <form
          method="post"
          action={`/beheer/gebruikers/${user.id}/wachtwoord`}
          data-confirm={`Een nieuw eenmalig wachtwoord voor ${user.username}? Het huidige wachtwoord en alle sessies vervallen.`}
        >
          <Csrf token={auth.csrfToken} />
          <button type="submit" class="button-secondary">
            Nieuw eenmalig wachtwoord
          </button>
        </form>
        <p>
          <a href={`/beheer/audit?entityType=user&entityId=${user.id}`}>Audit van deze gebruiker</a>
        </p>
      </Layout>,
    );
  });

  web.post('/gebruikers/:id', async (c) => {
    const auth = requireAdmin(c);
    const id = c.req.param('id');
    const form = await readForm(c);
    const values = { displayName: text(form, 'displayName'), roles: list(form, 'roles') as Role[] };
    try {
      const organisationIds = await resolveKbos(c, form);
      await run(c, updateUser, { id, ...values, organisationIds, active: text(form, 'active') === '1' });
      flash(c, 'De gebruiker is gewijzigd.');
      return c.redirect(`/beheer/gebruikers/${id}`, 303);
    } catch (e) {
      const errors = formErrors(e);
      const user = await getUser(c.var.deps.db, c.var.actor, id);
      return c.html(
        <Layout
          title={user.displayName}
          auth={auth}
          path={c.req.path}
          breadcrumbs={[
            { href: '/beheer', label: 'Beheer' },
            { href: '/beheer/gebruikers', label: 'Gebruikers' },
          ]}
        >
          <UserForm
            c={c}
            action={`/beheer/gebruikers/${id}`}
            values={{ ...values, kbos: text(form, 'kbos'), active: text(form, 'active') === '1' }}
            errors={errors}
            isNew={false}
          />
        </Layout>,
        400,
      );
    }
  });

  web.post('/gebruikers/:id/wachtwoord', async (c) => {
    requireAdmin(c);
    await readForm(c);
    const id = c.req.param('id');
    const r = await run(c, resetPassword, { id });
    flash(
      c,
      `Nieuw eenmalig wachtwoord: ${r.oneTimePassword} — geef het veilig door; het wordt niet opnieuw getoond.`,
    );
    return c.redirect(`/beheer/gebruikers/${id}`, 303);
  });

  web.get('/audit', async (c) => {
    const auth = requireWebUser(c);
    const q = c.req.query();
    const before = q['voor'] ? Number(q['voor']) : undefined;
    const filter = {
      entityType: q['entityType'] || undefined,
      entityId: q['entityId'] || undefined,
      action: q['action'] || undefined,
      actor: q['actor'] || undefined,
      limit: 50,
      before,
    };
    const events = await listAuditEvents(c.var.deps.db, c.var.actor, filter);
    const last = events.at(-1);
    return c.html(
      <Layout
        title="Auditlogboek"
        auth={auth}
        path={c.req.path}
        breadcrumbs={[{ href: '/beheer', label: 'Beheer' }]}
        wide
      >
        <form method="get" class="filters" novalidate aria-label="Audit filteren">
          <Field name="actor" label="Gebruiker" value={filter.actor} width="short" required />
          <Field
            name="action"
            label="Handeling"
            value={filter.action}
            hint="bv. registry/create-organisation"
            width="medium"
            required
          />
          <Field name="entityType" label="Soort" value={filter.entityType} width="short" required />
          <Field name="entityId" label="Id" value={filter.entityId} width="medium" required />
          <button type="submit" class="button-secondary">
            Filteren
          </button>
        </form>
        <DataTable
          c={c}
          caption="Auditgebeurtenissen"
          empty="Geen gebeurtenissen gevonden."
          rows={events}
          columns={[
            { key: 'when', label: 'Tijdstip', render: (e) => formatDateTime(e.occurredAt) },
            { key: 'actor', label: 'Wie', render: (e) => `${e.actor} (${e.channel})` },
            { key: 'action', label: 'Handeling', render: (e) => <code>{e.action}</code> },
            {
              key: 'entity',
              label: 'Betreft',
              render: (e) => (e.entityType ? `${e.entityType} ${e.entityId ?? ''}` : '–'),
            },
            {
              key: 'data',
              label: 'Gegevens',
              render: (e) => <code class="json">{JSON.stringify(e.data)}</code>,
            },
          ]}
        />
        {events.length === 50 && last && (
          <nav class="pager" aria-label="Paginering">
            <a href={withQuery(c, { voor: last.id })}>Oudere gebeurtenissen ›</a>
          </nav>
        )}
      </Layout>,
    );
  });

  return web;
}
