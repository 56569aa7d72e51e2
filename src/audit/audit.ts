/**
 * The audit log: who did what, when, to which entity. Written only by the command executor, in
 * the transaction of the change; the table refuses updates and deletes (migration 0001).
 */
import { z } from 'zod';
import { type Actor, assertCan } from '../access/index.ts';
import type { Queryable } from '../db/index.ts';

export interface AuditEntry {
  /** Defaults to the command name. */
  action?: string;
  entityType: string;
  entityId: string;
  /** The organisation the change concerns, when there is one. */
  organisationId?: string | null;
  /** What changed; never secrets (passwords, tokens). */
  data?: Record<string, unknown>;
}

export async function writeAudit(
  tx: Queryable,
  actor: Actor,
  action: string,
  entry: AuditEntry,
): Promise<void> {
  await tx.query(
    `INSERT INTO audit_events (actor_id, actor_label, channel, action, entity_type, entity_id, organisation_id, data)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      actor.userId,
      actor.label,
      actor.channel,
      entry.action ?? action,
      entry.entityType,
      entry.entityId,
      entry.organisationId ?? null,
      JSON.stringify(entry.data ?? {}),
    ],
  );
}

export const auditEventViewSchema = z
  .object({
    id: z.number().int(),
    occurredAt: z.string(),
    actor: z.string(),
    channel: z.string(),
    action: z.string(),
    entityType: z.string().nullable(),
    entityId: z.string().nullable(),
    organisationId: z.string().nullable(),
    data: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEvent' });
export type AuditEventView = z.infer<typeof auditEventViewSchema>;

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  action?: string;
  actor?: string;
  limit?: number;
  /** Return events with an id below this one (keyset paging, newest first). */
  before?: number;
}

export async function listAuditEvents(
  db: Queryable,
  actor: Actor,
  filter: AuditFilter = {},
): Promise<AuditEventView[]> {
  assertCan(actor, 'audit:read');
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (filter.entityType) add('entity_type = ?', filter.entityType);
  if (filter.entityId) add('entity_id = ?', filter.entityId);
  if (filter.action) add('action = ?', filter.action);
  if (filter.actor) add('actor_label = ?', filter.actor);
  if (filter.before) add('id < ?', filter.before);
  params.push(Math.min(Math.max(filter.limit ?? 50, 1), 500));
  const { rows } = await db.query<{
    id: number;
    occurred_at: Date;
    actor_label: string;
    channel: string;
    action: string;
    entity_type: string | null;
    entity_id: string | null;
    organisation_id: string | null;
    data: Record<string, unknown>;
  }>(
    `SELECT id, occurred_at, actor_label, channel, action, entity_type, entity_id, organisation_id, data
       FROM audit_events ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY id DESC LIMIT $${params.length}`,
    params,
  );
  return rows.map((r) => ({
    id: r.id,
    occurredAt: r.occurred_at.toISOString(),
    actor: r.actor_label,
    channel: r.channel,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    organisationId: r.organisation_id,
    data: r.data,
  }));
}
