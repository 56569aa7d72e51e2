/**
 * Reading an identity is logged (issue 16): whenever an INSZ (with the name) is shown to a role
 * that may see it, an audit event records who saw which persons, by pseudonym, never the INSZ
 * itself. This is the access log the KSZ/BCSS rules for social data expect of an integrator.
 */
import type { Actor } from '../access/index.ts';
import { writeAudit } from '../audit/index.ts';
import type { Queryable } from '../db/index.ts';
import { seesIdentity } from './access.ts';

export const READ_IDENTITY_ACTION = 'registry/read-identity';

/** A listing logs one event with every person shown on its page. */
export async function auditIdentityRead(
  db: Queryable,
  actor: Actor,
  via: string,
  persons: readonly { id: string; pseudonym: string }[],
): Promise<void> {
  if (!seesIdentity(actor) || persons.length === 0) return;
  const unique = [...new Map(persons.map((p) => [p.id, p])).values()];
  await writeAudit(db, actor, READ_IDENTITY_ACTION, {
    entityType: 'person',
    entityId: unique.length === 1 ? unique[0]!.id : `${unique.length} personen`,
    data: { via, count: unique.length, pseudonyms: unique.map((p) => p.pseudonym) },
  });
}
