/** Test factories: real rows created through the real commands. */
import { type Role, systemActor } from '../../src/access/index.ts';
import { execute } from '../../src/commands/index.ts';
import type { Db } from '../../src/db/client.ts';
import {
  createOrganisation,
  type OrganisationType,
  type OrganisationView,
} from '../../src/registry/index.ts';
import { createUser, type UserView } from '../../src/users/index.ts';

export const admin = systemActor('system', 'test');

/** A valid KBO number for any n: 8 digits plus check digits 97 − (n mod 97). */
export function kboFor(n: number): string {
  const base = 10_000_000 + (n % 89_999_999);
  return `${String(base).padStart(8, '0')}${String(97 - (base % 97)).padStart(2, '0')}`;
}

let seq = 0;

export async function makeOrganisation(
  db: Db,
  fields: Partial<{ kbo: string; name: string; type: OrganisationType; nisCode: string }> = {},
): Promise<OrganisationView> {
  seq += 1;
  return execute(db, createOrganisation, admin, {
    kbo: fields.kbo ?? kboFor(seq * 7919 + Math.floor(Math.random() * 1_000_000)),
    name: fields.name ?? `Organisatie ${seq}`,
    type: fields.type ?? 'reguliere-werkgever',
    nisCode: fields.nisCode ?? null,
  });
}

export const TEST_PASSWORD = 'correct-horse-battery';

export async function makeUser(
  db: Db,
  roles: Role[],
  organisationIds: string[] = [],
  username = `user${++seq}${Math.floor(Math.random() * 1e6)}`,
): Promise<UserView & { password: string }> {
  const { user } = await execute(db, createUser, admin, {
    username,
    displayName: `Gebruiker ${username}`,
    roles,
    organisationIds,
    password: TEST_PASSWORD,
  });
  return { ...user, password: TEST_PASSWORD };
}
