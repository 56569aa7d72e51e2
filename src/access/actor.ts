import type { Role } from './roles.ts';

export type Channel = 'api' | 'web' | 'cli' | 'system';

/** Who performs an operation: a signed-in user, or the system itself (start-up, CLI). */
export interface Actor {
  readonly kind: 'user' | 'system' | 'anonymous';
  /** The user's id; null for the system actor. */
  readonly userId: string | null;
  /** What the audit log shows: the username, or `systeem (cli)`. */
  readonly label: string;
  readonly roles: readonly Role[];
  /** Organisations a werkgever acts for; empty for other roles. */
  readonly organisationIds: readonly string[];
  readonly channel: Channel;
  /** The session or API token the request authenticated with (kept when a password change revokes the others). */
  readonly credential?: { readonly kind: 'session' | 'api_token'; readonly id: string };
}

/**
 * The actor of operations that do not come from a signed-in user: first start-up, and the CLI,
 * whose user already has the database in hand and so acts as administrator.
 */
export function systemActor(channel: Channel, label = `systeem (${channel})`): Actor {
  return { kind: 'system', userId: null, label, roles: ['beheerder'], organisationIds: [], channel };
}

/** Someone not signed in: may read public data (rules, open data) and sign in, nothing else. */
export function anonymousActor(channel: Channel): Actor {
  return { kind: 'anonymous', userId: null, label: 'anoniem', roles: [], organisationIds: [], channel };
}

/**
 * Open data: the public routes read pseudonymised registry facts as an analist would (never an
 * INSZ, never a write), not as the all-powerful system actor.
 */
export function openDataActor(channel: Channel): Actor {
  return {
    kind: 'system',
    userId: null,
    label: 'open data',
    roles: ['analist'],
    organisationIds: [],
    channel,
  };
}
