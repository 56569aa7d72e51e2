/**
 * Password reset requests (issue 17): someone who forgot a password asks for a new one on the
 * sign-in page; the request is recorded and shown to the administrators, who answer with a
 * one-time password (`resetPassword`). Trede sends no e-mail. The answer on the sign-in page is
 * the same whether the username exists or not, so the form reveals no accounts.
 */
import { z } from 'zod';
import { type Actor, assertCan } from '../access/index.ts';
import { defineCommand } from '../commands/index.ts';
import type { Queryable } from '../db/index.ts';

export const requestPasswordReset = defineCommand({
  name: 'users/request-password-reset',
  summary: 'Noteert een aanvraag om een nieuw wachtwoord; een beheerder geeft een eenmalig wachtwoord.',
  input: z.object({ username: z.string().trim().toLowerCase().min(1, 'vul uw gebruikersnaam in').max(64) }),
  authorize: () => {},
  async run({ tx, now }, input) {
    const { rows } = await tx.query<{ id: string }>('SELECT id FROM users WHERE username = $1 AND active', [
      input.username,
    ]);
    const userId = rows[0]?.id ?? null;
    let recorded = false;
    if (userId) {
      const inserted = await tx.query(
        `INSERT INTO password_reset_requests (user_id, requested_at) VALUES ($1, $2)
         ON CONFLICT (user_id) WHERE handled_at IS NULL DO NOTHING`,
        [userId, now],
      );
      recorded = inserted.rowCount > 0;
    }
    return {
      result: { received: true as const },
      // An unknown name is audited without the name itself (no free text of anonymous visitors).
      audit: userId
        ? { entityType: 'user', entityId: userId, data: { recorded } }
        : { entityType: 'user', entityId: '-', data: { unknownUser: true } },
    };
  },
});

export interface PasswordResetRequestView {
  userId: string;
  username: string;
  displayName: string;
  requestedAt: string;
}

/** The open requests, oldest first (beheerder). */
export async function listPasswordResetRequests(
  db: Queryable,
  actor: Actor,
): Promise<PasswordResetRequestView[]> {
  assertCan(actor, 'users:manage');
  const { rows } = await db.query<{
    user_id: string;
    username: string;
    display_name: string;
    requested_at: Date;
  }>(
    `SELECT r.user_id, u.username, u.display_name, r.requested_at
       FROM password_reset_requests r JOIN users u ON u.id = r.user_id
      WHERE r.handled_at IS NULL ORDER BY r.requested_at, u.username`,
  );
  return rows.map((r) => ({
    userId: r.user_id,
    username: r.username,
    displayName: r.display_name,
    requestedAt: r.requested_at.toISOString(),
  }));
}

/** Closes the open request of a user once a one-time password was given (inside resetPassword). */
export async function closePasswordResetRequests(tx: Queryable, userId: string, now: Date): Promise<number> {
  const r = await tx.query(
    'UPDATE password_reset_requests SET handled_at = $2 WHERE user_id = $1 AND handled_at IS NULL',
    [userId, now],
  );
  return r.rowCount;
}

/**
 * The previous sign-in of a user: the start page shows what changed since then. Set by the login
 * command (previous ← last, last ← now), so the reference stays put for the whole session.
 */
export async function previousVisit(db: Queryable, userId: string): Promise<Date | null> {
  const { rows } = await db.query<{ previous_visit_at: Date | null }>(
    'SELECT previous_visit_at FROM users WHERE id = $1',
    [userId],
  );
  return rows[0]?.previous_visit_at ?? null;
}

/** Inside the login command: the visit that starts now becomes the last one. */
export async function recordVisit(tx: Queryable, userId: string, now: Date): Promise<void> {
  await tx.query('UPDATE users SET previous_visit_at = last_visit_at, last_visit_at = $2 WHERE id = $1', [
    userId,
    now,
  ]);
}
