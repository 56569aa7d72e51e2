/** Users: creation, roles, organisations, passwords. Every change is a command. */
import { z } from 'zod';
import type { Actor } from '../access/index.ts';
import { assertCan, ROLES, type Role, systemActor } from '../access/index.ts';
import { writeAudit } from '../audit/index.ts';
import { defineCommand } from '../commands/index.ts';
import type { Db, Queryable } from '../db/index.ts';
import {
  ConflictError,
  NotFoundError,
  RuleViolationError,
  UnauthenticatedError,
  ValidationError,
} from '../domain/index.ts';
import { organisationsById } from '../registry/index.ts';
import { passwordProblem } from './password-policy.ts';
import { closePasswordResetRequests, requestPasswordReset } from './reset-requests.ts';
import { generatePassword, hashPassword, PASSWORD_MIN_LENGTH, verifyPassword } from './secrets.ts';
import type { UserView } from './views.ts';

export type { UserView };

/** Refuses a common, guessable or username-based password on its form field. */
async function assertStrongPassword(
  field: string,
  password: string,
  context: { username?: string | undefined; displayName?: string | undefined },
): Promise<void> {
  const problem = await passwordProblem(password, context);
  if (problem) throw ValidationError.field(field, problem, 'weak_password');
}

/**
 * After a password change or reset, every other way in ends: sessions and API tokens, except the
 * one credential the change was made with (the user stays signed in where they are).
 */
async function revokeOtherCredentials(
  tx: Queryable,
  userId: string,
  now: Date,
  keep?: Actor['credential'],
): Promise<{ sessions: number; apiTokens: number }> {
  const sessions = await tx.query(
    'DELETE FROM sessions WHERE user_id = $1 AND id IS DISTINCT FROM $2::text',
    [userId, keep?.kind === 'session' ? keep.id : null],
  );
  const tokens = await tx.query(
    'UPDATE api_tokens SET revoked_at = $3 WHERE user_id = $1 AND revoked_at IS NULL AND id IS DISTINCT FROM $2::uuid',
    [userId, keep?.kind === 'api_token' ? keep.id : null, now],
  );
  return { sessions: sessions.rowCount, apiTokens: tokens.rowCount };
}

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  roles: Role[];
  organisation_ids: string[] | null;
  active: boolean;
  must_change_password: boolean;
  created_at: Date;
  password_hash?: string | null;
}

const USER_SELECT = `
  SELECT u.id, u.username, u.display_name, u.roles, u.active, u.must_change_password, u.created_at,
         COALESCE((SELECT array_agg(uo.organisation_id::text ORDER BY uo.organisation_id)
                     FROM user_organisations uo WHERE uo.user_id = u.id), ARRAY[]::text[]) AS organisation_ids
    FROM users u`;

export function presentUser(r: UserRow): UserView {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    roles: r.roles,
    organisationIds: r.organisation_ids ?? [],
    active: r.active,
    mustChangePassword: r.must_change_password,
    createdAt: r.created_at.toISOString(),
  };
}

/** Loads a user without permission checks: for authentication and for commands that checked already. */
export async function loadUser(db: Queryable, id: string): Promise<UserView | null> {
  const { rows } = await db.query<UserRow>(`${USER_SELECT} WHERE u.id = $1`, [id]);
  return rows[0] ? presentUser(rows[0]) : null;
}

/**
 * Users by id, without permission checks: for other modules that show who handles a record or vet
 * an assignment (by permission, never by role name).
 */
export async function usersById(
  db: Queryable,
  ids: readonly string[],
): Promise<Map<string, { id: string; displayName: string; roles: Role[]; active: boolean }>> {
  if (ids.length === 0) return new Map();
  const { rows } = await db.query<{ id: string; display_name: string; roles: Role[]; active: boolean }>(
    'SELECT id, display_name, roles, active FROM users WHERE id = ANY($1::uuid[])',
    [ids],
  );
  return new Map(
    rows.map((r) => [r.id, { id: r.id, displayName: r.display_name, roles: r.roles, active: r.active }]),
  );
}

export async function getUser(db: Queryable, actor: Actor, id: string): Promise<UserView> {
  if (actor.userId !== id) assertCan(actor, 'users:manage');
  const user = await loadUser(db, id);
  if (!user) throw new NotFoundError('Gebruiker', id);
  return user;
}

export async function listUsers(db: Queryable, actor: Actor): Promise<UserView[]> {
  assertCan(actor, 'users:manage');
  const { rows } = await db.query<UserRow>(`${USER_SELECT} ORDER BY u.username`);
  return rows.map(presentUser);
}

const username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^[a-z0-9][a-z0-9._-]{1,63}$/,
    'gebruik 2 tot 64 tekens: kleine letters, cijfers, punt (.), koppelteken (-) of laag streepje (_)',
  );
const password = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `een wachtwoord telt minstens ${PASSWORD_MIN_LENGTH} tekens`)
  .max(200);
const roles = z.array(z.enum(ROLES)).min(1, 'kies minstens één rol');

function checkRolesAndOrganisations(input: {
  roles?: Role[] | undefined;
  organisationIds?: string[] | undefined;
}) {
  if (input.roles?.includes('werkgever') && (input.organisationIds ?? []).length === 0) {
    throw ValidationError.field(
      'organisationIds',
      'een werkgever moet aan minstens één organisatie gekoppeld zijn',
    );
  }
}

async function setOrganisations(tx: Queryable, userId: string, organisationIds: string[]) {
  await tx.query('DELETE FROM user_organisations WHERE user_id = $1', [userId]);
  if (organisationIds.length === 0) return;
  const known = await organisationsById(tx, organisationIds);
  const missing = organisationIds.filter((id) => !known.some((o) => o.id === id));
  if (missing.length)
    throw ValidationError.field('organisationIds', `onbekende organisatie(s): ${missing.join(', ')}`);
  await tx.query(
    'INSERT INTO user_organisations (user_id, organisation_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING',
    [userId, organisationIds],
  );
}

async function insertUser(
  tx: Queryable,
  input: { username: string; displayName: string; roles: Role[]; password?: string | undefined },
): Promise<{ id: string; oneTimePassword: string | null }> {
  const oneTimePassword = input.password ? null : generatePassword();
  const hash = await hashPassword(input.password ?? oneTimePassword!);
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO users (username, display_name, password_hash, roles, must_change_password)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (username) DO NOTHING RETURNING id`,
    [input.username, input.displayName, hash, input.roles, oneTimePassword !== null],
  );
  if (!rows[0])
    throw new ConflictError('username_taken', `De gebruikersnaam '${input.username}' is al in gebruik.`);
  return { id: rows[0].id, oneTimePassword };
}

export interface CreatedUser {
  user: UserView;
  /** Shown once; the user must replace it at first sign-in. Null when a password was given. */
  oneTimePassword: string | null;
}

export const createUser = defineCommand({
  name: 'users/create',
  summary: 'Maakt een gebruiker aan met rollen en (voor werkgevers) organisaties.',
  input: z.object({
    username,
    displayName: z.string().trim().min(1, 'vul een naam in').max(200),
    roles,
    organisationIds: z.array(z.uuid('geen geldige organisatie-id')).default([]),
    password: password.optional(),
  }),
  authorize: ({ actor }) => assertCan(actor, 'users:manage'),
  async run({ tx }, input) {
    checkRolesAndOrganisations(input);
    if (input.password) await assertStrongPassword('password', input.password, input);
    const { id, oneTimePassword } = await insertUser(tx, input);
    await setOrganisations(tx, id, input.organisationIds);
    const user = (await loadUser(tx, id))!;
    const result: CreatedUser = { user, oneTimePassword };
    return {
      result,
      audit: {
        entityType: 'user',
        entityId: id,
        data: { username: user.username, roles: user.roles, organisationIds: user.organisationIds },
      },
    };
  },
});

export const updateUser = defineCommand({
  name: 'users/update',
  summary: 'Wijzigt naam, rollen, organisaties of de actieve status van een gebruiker.',
  input: z.object({
    id: z.uuid(),
    displayName: z.string().trim().min(1).max(200).optional(),
    roles: roles.optional(),
    organisationIds: z.array(z.uuid()).optional(),
    active: z.boolean().optional(),
  }),
  authorize: ({ actor }) => assertCan(actor, 'users:manage'),
  async run({ tx, actor }, input) {
    const before = await loadUser(tx, input.id);
    if (!before) throw new NotFoundError('Gebruiker', input.id);
    const next = {
      roles: input.roles ?? before.roles,
      organisationIds: input.organisationIds ?? before.organisationIds,
    };
    checkRolesAndOrganisations(next);
    if (
      actor.userId === input.id &&
      (input.active === false || (input.roles && !input.roles.includes('beheerder')))
    ) {
      throw new RuleViolationError(
        'self_lockout',
        'U kunt uw eigen beheerdersrechten niet intrekken of uzelf deactiveren.',
      );
    }
    await tx.query(
      `UPDATE users SET display_name = COALESCE($2, display_name), roles = $3, active = COALESCE($4, active), updated_at = now()
        WHERE id = $1`,
      [input.id, input.displayName ?? null, next.roles, input.active ?? null],
    );
    if (input.organisationIds) await setOrganisations(tx, input.id, input.organisationIds);
    if (input.active === false) await tx.query('DELETE FROM sessions WHERE user_id = $1', [input.id]);
    const user = (await loadUser(tx, input.id))!;
    return {
      result: user,
      audit: {
        entityType: 'user',
        entityId: input.id,
        data: {
          before: { roles: before.roles, organisationIds: before.organisationIds, active: before.active },
          after: { roles: user.roles, organisationIds: user.organisationIds, active: user.active },
        },
      },
    };
  },
});

export const resetPassword = defineCommand({
  name: 'users/reset-password',
  summary: 'Geeft een gebruiker een nieuw eenmalig wachtwoord en beëindigt zijn sessies en API-tokens.',
  input: z.object({ id: z.uuid() }),
  authorize: ({ actor }) => assertCan(actor, 'users:manage'),
  async run({ tx, now }, input) {
    const oneTimePassword = generatePassword();
    const { rowCount } = await tx.query(
      'UPDATE users SET password_hash = $2, must_change_password = true, updated_at = now() WHERE id = $1',
      [input.id, await hashPassword(oneTimePassword)],
    );
    if (rowCount === 0) throw new NotFoundError('Gebruiker', input.id);
    const revoked = await revokeOtherCredentials(tx, input.id, now);
    const requestsClosed = await closePasswordResetRequests(tx, input.id, now);
    return {
      result: { oneTimePassword },
      audit: { entityType: 'user', entityId: input.id, data: { revoked, requestsClosed } },
    };
  },
});

export const changeOwnPassword = defineCommand({
  name: 'users/change-password',
  summary: 'Vervangt het eigen wachtwoord (verplicht na een eenmalig wachtwoord).',
  input: z
    .object({ currentPassword: z.string().min(1, 'vul uw huidige wachtwoord in'), newPassword: password })
    .refine((v) => v.currentPassword !== v.newPassword, {
      path: ['newPassword'],
      message: 'het nieuwe wachtwoord moet verschillen van het huidige',
    }),
  authorize({ actor }) {
    if (!actor.userId) throw new UnauthenticatedError();
  },
  async run({ tx, actor, now }, input) {
    const { rows } = await tx.query<{ password_hash: string | null; username: string; display_name: string }>(
      'SELECT password_hash, username, display_name FROM users WHERE id = $1 FOR UPDATE',
      [actor.userId],
    );
    if (!(await verifyPassword(rows[0]?.password_hash ?? null, input.currentPassword))) {
      throw ValidationError.field('currentPassword', 'het huidige wachtwoord klopt niet', 'wrong_password');
    }
    await assertStrongPassword('newPassword', input.newPassword, {
      username: rows[0]?.username,
      displayName: rows[0]?.display_name,
    });
    await tx.query(
      'UPDATE users SET password_hash = $2, must_change_password = false, updated_at = now() WHERE id = $1',
      [actor.userId, await hashPassword(input.newPassword)],
    );
    const revoked = await revokeOtherCredentials(tx, actor.userId!, now, actor.credential);
    return {
      result: { changed: true },
      audit: { entityType: 'user', entityId: actor.userId!, data: { revoked } },
    };
  },
});

export const USER_COMMANDS = [createUser, updateUser, resetPassword, changeOwnPassword, requestPasswordReset];

/**
 * On the very first start (no users at all) Trede creates the administrator `admin`. Its password
 * is `TREDE_ADMIN_PASSWORD` when given, otherwise a one-time password that is returned to be
 * printed once and must be replaced at first sign-in. There is no default password.
 */
export async function ensureInitialAdmin(
  db: Db,
  password?: string,
): Promise<{ username: string; oneTimePassword: string | null } | null> {
  if (password !== undefined && password.length < PASSWORD_MIN_LENGTH) {
    throw new Error(`TREDE_ADMIN_PASSWORD moet minstens ${PASSWORD_MIN_LENGTH} tekens tellen.`);
  }
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(7261002)');
    const { rows } = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
    if ((rows[0]?.n ?? 0) > 0) return null;
    const created = await insertUser(tx, {
      username: 'admin',
      displayName: 'Beheerder',
      roles: ['beheerder'],
      password,
    });
    await writeAudit(tx, systemActor('system'), 'users/create-initial-admin', {
      entityType: 'user',
      entityId: created.id,
      data: { username: 'admin', roles: ['beheerder'] },
    });
    return { username: 'admin', oneTimePassword: created.oneTimePassword };
  });
}
