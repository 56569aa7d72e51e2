/**
 * Signing in: password sessions for the web app (cookie), bearer tokens for scripts. Only hashes
 * of session and API tokens are stored.
 */
import { z } from 'zod';
import type { Actor, Channel } from '../access/index.ts';
import { defineCommand } from '../commands/index.ts';
import type { Queryable } from '../db/index.ts';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../domain/index.ts';
import { recordVisit } from './reset-requests.ts';
import { hashPassword, randomToken, tokenHash, verifyPassword } from './secrets.ts';
import { loadUser, type UserView } from './users.ts';

export interface SessionPolicy {
  /** A session ends after this many minutes without a request. */
  idleMinutes: number;
  /** …and in any case this many hours after sign-in. */
  absoluteHours: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMinutes: 30, absoluteHours: 12 };

export function actorFromUser(user: UserView, channel: Channel): Actor {
  return {
    kind: 'user',
    userId: user.id,
    label: user.username,
    roles: user.roles,
    organisationIds: user.organisationIds,
    channel,
  };
}

// Verifying against a fixed hash when the user does not exist keeps the response time the same,
// so the login form does not reveal which usernames exist.
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomToken());
  return dummyHash;
}

/**
 * Credentials that signIn() verified just before running the login command, outside its
 * transaction: the embedded database runs one transaction at a time, and a password hash held
 * inside it would stall every other request. Consumed once, valid for a few seconds.
 */
const preverified = new Map<string, number>();
const PREVERIFIED_MS = 10_000;
const preverifiedKey = (username: string, password: string) => `${username}\u0000${tokenHash(password)}`;
export function markVerified(username: string, password: string, now: Date): void {
  preverified.set(preverifiedKey(username, password), now.getTime() + PREVERIFIED_MS);
}
function takeVerified(username: string, password: string, now: Date): boolean {
  const key = preverifiedKey(username, password);
  const until = preverified.get(key);
  preverified.delete(key);
  return until !== undefined && until >= now.getTime();
}

export interface LoginResult {
  token: string;
  csrfToken: string;
  expiresAt: string;
  user: UserView;
}

export const login = defineCommand({
  name: 'auth/login',
  summary: 'Meldt een gebruiker aan met gebruikersnaam en wachtwoord en opent een sessie.',
  input: z.object({
    username: z.string().trim().toLowerCase().min(1, 'vul uw gebruikersnaam in'),
    password: z.string().min(1, 'vul uw wachtwoord in'),
    idleMinutes: z.number().int().positive().default(DEFAULT_SESSION_POLICY.idleMinutes),
  }),
  authorize: () => {},
  async run({ tx, now }, input) {
    const { rows } = await tx.query<{ id: string; password_hash: string | null; active: boolean }>(
      'SELECT id, password_hash, active FROM users WHERE username = $1',
      [input.username],
    );
    const row = rows[0];
    const ok =
      (row !== undefined && takeVerified(input.username, input.password, now)) ||
      (await verifyPassword(row?.password_hash ?? (await dummyPasswordHash()), input.password));
    if (!row || !ok || !row.active) {
      throw new UnauthenticatedError('Gebruikersnaam of wachtwoord is onjuist.', 'invalid_credentials');
    }
    const token = randomToken();
    const csrfToken = randomToken(24);
    const expiresAt = new Date(now.getTime() + input.idleMinutes * 60_000);
    await tx.query('INSERT INTO sessions (id, user_id, csrf_token, expires_at) VALUES ($1, $2, $3, $4)', [
      tokenHash(token),
      row.id,
      csrfToken,
      expiresAt,
    ]);
    await recordVisit(tx, row.id, now);
    const user = (await loadUser(tx, row.id))!;
    const result: LoginResult = { token, csrfToken, expiresAt: expiresAt.toISOString(), user };
    return { result, audit: { entityType: 'user', entityId: row.id, data: { username: user.username } } };
  },
});

export const logout = defineCommand({
  name: 'auth/logout',
  summary: 'Beëindigt de huidige sessie, of trekt het API-token in waarmee u afmeldt.',
  input: z.object({ token: z.string().min(1) }),
  authorize: () => {},
  async run({ tx, actor, now }, input) {
    if (input.token.startsWith(TOKEN_PREFIX)) {
      const { rows } = await tx.query<{ id: string }>(
        'UPDATE api_tokens SET revoked_at = $2 WHERE token_hash = $1 AND revoked_at IS NULL RETURNING id',
        [tokenHash(input.token), now],
      );
      return {
        result: { loggedOut: true },
        audit: { entityType: 'api_token', entityId: rows[0]?.id ?? 'onbekend', data: { revoked: true } },
      };
    }
    await tx.query('DELETE FROM sessions WHERE id = $1', [tokenHash(input.token)]);
    return {
      result: { loggedOut: true },
      audit: { entityType: 'user', entityId: actor.userId ?? 'onbekend' },
    };
  },
});

export interface Authenticated {
  actor: Actor;
  user: UserView;
  csrfToken?: string;
}

/** Resolves a session cookie; extends the idle timeout (sliding), within the absolute limit. */
export async function authenticateSession(
  db: Queryable,
  token: string,
  now: Date,
  policy: SessionPolicy = DEFAULT_SESSION_POLICY,
): Promise<Authenticated | null> {
  const id = tokenHash(token);
  const { rows } = await db.query<{
    user_id: string;
    csrf_token: string;
    created_at: Date;
    expires_at: Date;
  }>('SELECT user_id, csrf_token, created_at, expires_at FROM sessions WHERE id = $1', [id]);
  const s = rows[0];
  if (!s) return null;
  const hardEnd = s.created_at.getTime() + policy.absoluteHours * 3_600_000;
  if (s.expires_at.getTime() <= now.getTime() || hardEnd <= now.getTime()) {
    await db.query('DELETE FROM sessions WHERE id = $1', [id]);
    return null;
  }
  const user = await loadUser(db, s.user_id);
  if (!user?.active) return null;
  const next = new Date(Math.min(now.getTime() + policy.idleMinutes * 60_000, hardEnd));
  await db.query('UPDATE sessions SET last_seen_at = $2, expires_at = $3 WHERE id = $1', [id, now, next]);
  return {
    actor: { ...actorFromUser(user, 'web'), credential: { kind: 'session', id } },
    user,
    csrfToken: s.csrf_token,
  };
}

export const TOKEN_PREFIX = 'trd_';

export interface ApiTokenView {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revoked: boolean;
}

export const createApiToken = defineCommand({
  name: 'auth/create-token',
  summary: 'Maakt een API-token (bearer) voor de eigen gebruiker; het token wordt één keer getoond.',
  input: z.object({
    name: z.string().trim().min(1, 'geef het token een naam').max(100),
    expiresInDays: z.number().int().min(1).max(730).optional(),
    /** Only an administrator may create a token for someone else (scripts, service accounts). */
    userId: z.uuid().optional(),
  }),
  authorize({ actor }, input) {
    if (!actor.userId && !input.userId) throw new UnauthenticatedError();
    if (input.userId && input.userId !== actor.userId && !actor.roles.includes('beheerder')) {
      throw new ForbiddenError('Enkel een beheerder maakt tokens voor andere gebruikers.');
    }
  },
  async run({ tx, actor, now }, input) {
    const userId = input.userId ?? actor.userId!;
    if (!(await loadUser(tx, userId))) throw new NotFoundError('Gebruiker', userId);
    const token = TOKEN_PREFIX + randomToken();
    const expiresAt = input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000) : null;
    const { rows } = await tx.query<{ id: string }>(
      'INSERT INTO api_tokens (user_id, name, token_hash, expires_at) VALUES ($1, $2, $3, $4) RETURNING id',
      [userId, input.name, tokenHash(token), expiresAt],
    );
    const id = rows[0]!.id;
    return {
      result: { id, name: input.name, token, expiresAt: expiresAt?.toISOString() ?? null },
      audit: { entityType: 'api_token', entityId: id, data: { userId, name: input.name } },
    };
  },
});

export const revokeApiToken = defineCommand({
  name: 'auth/revoke-token',
  summary: 'Trekt een API-token in.',
  input: z.object({ id: z.uuid() }),
  authorize: () => {},
  async run({ tx, actor, now }, input) {
    const { rows } = await tx.query<{ user_id: string }>('SELECT user_id FROM api_tokens WHERE id = $1', [
      input.id,
    ]);
    const owner = rows[0]?.user_id;
    if (!owner || (owner !== actor.userId && !actor.roles.includes('beheerder')))
      throw new NotFoundError('API-token', input.id);
    await tx.query('UPDATE api_tokens SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL', [
      input.id,
      now,
    ]);
    return { result: { revoked: true }, audit: { entityType: 'api_token', entityId: input.id } };
  },
});

export async function listApiTokens(db: Queryable, actor: Actor): Promise<ApiTokenView[]> {
  if (!actor.userId) return [];
  const { rows } = await db.query<{
    id: string;
    name: string;
    created_at: Date;
    last_used_at: Date | null;
    expires_at: Date | null;
    revoked_at: Date | null;
  }>(
    'SELECT id, name, created_at, last_used_at, expires_at, revoked_at FROM api_tokens WHERE user_id = $1 ORDER BY created_at DESC',
    [actor.userId],
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    createdAt: r.created_at.toISOString(),
    lastUsedAt: r.last_used_at?.toISOString() ?? null,
    expiresAt: r.expires_at?.toISOString() ?? null,
    revoked: r.revoked_at !== null,
  }));
}

export async function authenticateBearer(
  db: Queryable,
  token: string,
  now: Date,
): Promise<Authenticated | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const { rows } = await db.query<{
    id: string;
    user_id: string;
    expires_at: Date | null;
    revoked_at: Date | null;
  }>('SELECT id, user_id, expires_at, revoked_at FROM api_tokens WHERE token_hash = $1', [tokenHash(token)]);
  const t = rows[0];
  if (!t || t.revoked_at || (t.expires_at && t.expires_at.getTime() <= now.getTime())) return null;
  const user = await loadUser(db, t.user_id);
  if (!user?.active) return null;
  await db.query('UPDATE api_tokens SET last_used_at = $2 WHERE id = $1', [t.id, now]);
  return { actor: { ...actorFromUser(user, 'api'), credential: { kind: 'api_token', id: t.id } }, user };
}

export const SESSION_COMMANDS = [login, logout, createApiToken, revokeApiToken];
