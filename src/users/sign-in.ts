/**
 * Signing in as the API and the web app do it: throttled per account and per address, the
 * password checked in the hash pool outside any transaction, failures in the audit log, and only
 * then the `auth/login` command that opens the session.
 */
import { anonymousActor, type Channel } from '../access/index.ts';
import { execute, parseInput } from '../commands/index.ts';
import type { Db } from '../db/index.ts';
import { UnauthenticatedError } from '../domain/index.ts';
import { verifyPassword } from './secrets.ts';
import { dummyPasswordHash, type LoginResult, login, markVerified } from './sessions.ts';
import { auditFailedLogin, clearAccountAttempts, registerAttempt } from './throttle.ts';

export interface SignInContext {
  address: string | null;
  channel: Channel;
  now?: Date | undefined;
}

export async function signIn(db: Db, raw: unknown, ctx: SignInContext): Promise<LoginResult> {
  const input = parseInput(login.input, raw);
  const now = ctx.now ?? new Date();
  const attempt = { username: input.username, address: ctx.address, channel: ctx.channel };
  await registerAttempt(db, attempt, now);
  const { rows } = await db.query<{ id: string; password_hash: string | null; active: boolean }>(
    'SELECT id, password_hash, active FROM users WHERE username = $1',
    [input.username],
  );
  const row = rows[0];
  const ok = await verifyPassword(row?.password_hash ?? (await dummyPasswordHash()), input.password);
  if (!row || !ok || !row.active) {
    await auditFailedLogin(db, attempt, row && ok ? 'inactive' : 'invalid_credentials', row?.id ?? null);
    throw new UnauthenticatedError('Gebruikersnaam of wachtwoord is onjuist.', 'invalid_credentials');
  }
  markVerified(input.username, input.password, now);
  const result = await execute(db, login, anonymousActor(ctx.channel), input, { now });
  await clearAccountAttempts(db, input.username, ctx.address);
  return result;
}
