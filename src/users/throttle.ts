/**
 * Sign-in throttling and the audit of failed sign-ins (issue 16). Every attempt is counted before
 * the password is checked, per account (the username as typed) and per client address, so that a
 * burst of concurrent guesses is cut off too, not only the guesses that already failed. A
 * successful sign-in clears its account's count; the address count runs out with its window.
 */
import { type Actor, anonymousActor, type Channel } from '../access/index.ts';
import { writeAudit } from '../audit/index.ts';
import type { Db } from '../db/index.ts';
import { TooManyAttemptsError } from '../domain/index.ts';

export interface ThrottleLimit {
  /** Attempts allowed within the window… */
  attempts: number;
  /** …of this many minutes; above it sign-in is refused for `lockMinutes`. */
  windowMinutes: number;
  lockMinutes: number;
}

/**
 * Assumption (2026-12-03): the seeds set no sign-in limits. OWASP's Authentication Cheat Sheet
 * suggests locking an account after a handful of failures for a limited time; a shared address
 * (an office behind one NAT) gets more room than one account.
 */
export const LOGIN_THROTTLE: Record<'account' | 'address', ThrottleLimit> = {
  account: { attempts: 5, windowMinutes: 15, lockMinutes: 15 },
  address: { attempts: 30, windowMinutes: 15, lockMinutes: 15 },
};

export interface LoginAttempt {
  username: string;
  /** The client's address as the server sees it; null when unknown (in-process calls). */
  address: string | null;
  channel: Channel;
}

/** "over 14 minuten", "over 40 seconden". */
export function waitText(seconds: number): string {
  if (seconds < 60) return `${seconds} ${seconds === 1 ? 'seconde' : 'seconden'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} ${minutes === 1 ? 'minuut' : 'minuten'}`;
}

const EXPIRED =
  't.window_start <= $3::timestamptz - make_interval(mins => $4::int) AND (t.locked_until IS NULL OR t.locked_until <= $3::timestamptz)';

function failedActor(attempt: LoginAttempt): Actor {
  return { ...anonymousActor(attempt.channel), label: `anoniem (${attempt.address ?? 'onbekend adres'})` };
}

/**
 * Counts the attempt; throws TooManyAttemptsError (and audits it) when the account or the address
 * is over its limit. The upsert is one statement per key, so concurrent attempts count exactly.
 */
export async function registerAttempt(db: Db, attempt: LoginAttempt, now: Date): Promise<void> {
  const keys: ['account' | 'address', string][] = [['account', attempt.username]];
  if (attempt.address) keys.push(['address', attempt.address]);
  const refusal = await db.transaction(async (tx) => {
    let waitSeconds = 0;
    let scope: 'account' | 'address' | null = null;
    for (const [s, key] of keys) {
      const limit = LOGIN_THROTTLE[s];
      const { rows } = await tx.query<{ attempts: number; locked_until: Date | null }>(
        // A new window starts when the previous one ran out and no lock holds.
        `INSERT INTO login_throttle AS t (scope, key, attempts, window_start) VALUES ($1, $2, 1, $3)
         ON CONFLICT (scope, key) DO UPDATE SET
           attempts = CASE WHEN ${EXPIRED} THEN 1 ELSE t.attempts + 1 END,
           window_start = CASE WHEN ${EXPIRED} THEN $3 ELSE t.window_start END,
           locked_until = CASE WHEN ${EXPIRED} THEN NULL ELSE t.locked_until END
         RETURNING attempts, locked_until`,
        [s, key, now, limit.windowMinutes],
      );
      let { attempts, locked_until: lockedUntil } = rows[0]!;
      if (attempts > limit.attempts && !(lockedUntil && lockedUntil > now)) {
        lockedUntil = new Date(now.getTime() + limit.lockMinutes * 60_000);
        await tx.query('UPDATE login_throttle SET locked_until = $3 WHERE scope = $1 AND key = $2', [
          s,
          key,
          lockedUntil,
        ]);
      }
      if (lockedUntil && lockedUntil > now) {
        const wait = Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000);
        if (wait > waitSeconds) {
          waitSeconds = wait;
          scope = s;
        }
      }
    }
    if (!scope) return null;
    await writeAudit(tx, failedActor(attempt), 'auth/login-refused', {
      entityType: 'login',
      entityId: attempt.username,
      data: { username: attempt.username, address: attempt.address, reason: 'throttled', scope, waitSeconds },
    });
    return { scope, waitSeconds };
  });
  if (refusal) {
    const who = refusal.scope === 'account' ? 'voor dit account' : 'vanaf uw adres';
    throw new TooManyAttemptsError(
      `Te veel mislukte aanmeldpogingen ${who}. Wacht ${waitText(refusal.waitSeconds)} en probeer het dan opnieuw.`,
      refusal.waitSeconds,
    );
  }
}

/** A failed sign-in goes to the audit log in its own transaction (the sign-in itself wrote nothing). */
export async function auditFailedLogin(
  db: Db,
  attempt: LoginAttempt,
  reason: 'invalid_credentials' | 'inactive',
  userId: string | null,
): Promise<void> {
  await db.transaction((tx) =>
    writeAudit(tx, failedActor(attempt), 'auth/login-failed', {
      entityType: userId ? 'user' : 'login',
      entityId: userId ?? attempt.username,
      data: { username: attempt.username, address: attempt.address, reason },
    }),
  );
}

/**
 * After a successful sign-in the account starts with a clean count, and the address gives the
 * attempt back: an office signing in many users from one address is not throttled for it.
 */
export async function clearAccountAttempts(db: Db, username: string, address: string | null): Promise<void> {
  await db.query("DELETE FROM login_throttle WHERE scope = 'account' AND key = $1", [username]);
  if (address)
    await db.query(
      "UPDATE login_throttle SET attempts = greatest(attempts - 1, 0) WHERE scope = 'address' AND key = $1",
      [address],
    );
}
