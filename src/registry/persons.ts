/**
 * Persons, identified by their INSZ (rijksregisternummer or bis-nummer, check digits before and
 * after 2000, see domain/identifiers.ts). The INSZ and the name are shown only to roles with
 * `persons:read-identity`; everyone else, and every export, sees the stable pseudonym: a keyed
 * HMAC of the INSZ whose key is generated once per database and kept in `settings`.
 */

import { createHmac, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Actor } from '../access/index.ts';
import { defineCommand } from '../commands/index.ts';
import { limitOffset, orderBy, type Page, type PageRequest, type Queryable } from '../db/index.ts';
import { ConflictError, formatInsz, inszSchema, NotFoundError } from '../domain/index.ts';
import { assertCan, assertCanReadRegistry, likePattern, organisationScope, seesIdentity } from './access.ts';
import type { PersonView } from './views.ts';

export type { PersonView };

import { auditIdentityRead } from './identity-audit.ts';

const KEY_SETTING = 'pseudonym_key';
const keys = new WeakMap<object, string>();

/** The database's pseudonymisation key, created on first use. */
export async function pseudonymKey(db: Queryable): Promise<string> {
  const cached = keys.get(db);
  if (cached) return cached;
  await db.query('INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [
    KEY_SETTING,
    randomBytes(32).toString('hex'),
  ]);
  const { rows } = await db.query<{ value: string }>('SELECT value FROM settings WHERE key = $1', [
    KEY_SETTING,
  ]);
  const key = rows[0]!.value;
  keys.set(db, key);
  return key;
}

/** `P-` and 16 hex characters of HMAC-SHA256(key, INSZ): stable, not reversible without the key. */
export function pseudonymFor(key: string, insz: string): string {
  return `P-${createHmac('sha256', key).update(insz).digest('hex').slice(0, 16)}`;
}

export interface PersonRow {
  id: string;
  insz: string;
  pseudonym: string;
  first_name: string | null;
  last_name: string | null;
  birth_date: string | null;
  sex: 'M' | 'V' | null;
  created_at: Date;
}

export const PERSON_COLUMNS = 'id, insz, pseudonym, first_name, last_name, birth_date, sex, created_at';

export function presentPerson(r: PersonRow, actor: Actor): PersonView {
  const identity = seesIdentity(actor);
  return {
    id: r.id,
    pseudonym: r.pseudonym,
    insz: identity ? r.insz : null,
    inszFormatted: identity ? formatInsz(r.insz) : null,
    firstName: identity ? r.first_name : null,
    lastName: identity ? r.last_name : null,
    // The birth date is part of the INSZ: only the year is shown without identity rights.
    birthDate: identity ? r.birth_date : r.birth_date ? `${r.birth_date.slice(0, 4)}` : null,
    sex: r.sex,
    createdAt: r.created_at.toISOString(),
  };
}

const name = z.string().trim().min(1).max(200).optional().nullable();

export const createPerson = defineCommand({
  name: 'registry/create-person',
  summary: 'Registreert een persoon met haar INSZ (rijksregister- of bisnummer).',
  input: z.object({ insz: inszSchema, firstName: name, lastName: name }),
  authorize: ({ actor }) => assertCan(actor, 'registry:write'),
  async run({ tx, actor }, input) {
    const key = await pseudonymKey(tx);
    const { rows } = await tx.query<PersonRow>(
      `INSERT INTO persons (insz, pseudonym, first_name, last_name, birth_date, sex)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (insz) DO NOTHING RETURNING ${PERSON_COLUMNS}`,
      [
        input.insz.insz,
        pseudonymFor(key, input.insz.insz),
        input.firstName ?? null,
        input.lastName ?? null,
        input.insz.birthDate,
        input.insz.sex,
      ],
    );
    if (!rows[0])
      throw new ConflictError(
        'insz_exists',
        `Er bestaat al een persoon met INSZ ${formatInsz(input.insz.insz)}.`,
      );
    const person = presentPerson(rows[0], actor);
    return {
      result: person,
      // The audit log carries the pseudonym, never the INSZ.
      audit: { entityType: 'person', entityId: person.id, data: { pseudonym: person.pseudonym } },
    };
  },
});

/** SQL condition limiting persons to those placed at the actor's organisations (werkgever). */
function personScope(actor: Actor, params: unknown[], alias = 'persons'): string | null {
  const scope = organisationScope(actor);
  if (!scope) return null;
  params.push(scope);
  return `EXISTS (SELECT 1 FROM placements sp WHERE sp.person_id = ${alias}.id AND sp.organisation_id = ANY($${params.length}::uuid[]))`;
}

export async function getPerson(db: Queryable, actor: Actor, id: string): Promise<PersonView> {
  assertCanReadRegistry(actor);
  const params: unknown[] = [id];
  const scope = personScope(actor, params);
  const { rows } = await db.query<PersonRow>(
    `SELECT ${PERSON_COLUMNS} FROM persons WHERE id = $1 ${scope ? `AND ${scope}` : ''}`,
    params,
  );
  if (!rows[0]) throw new NotFoundError('Persoon', id);
  await auditIdentityRead(db, actor, 'persons/get', [rows[0]]);
  return presentPerson(rows[0], actor);
}

export interface PersonFilter extends PageRequest {
  /** INSZ (identity roles), name (identity roles) or pseudonym. */
  q?: string | undefined;
  organisationId?: string | undefined;
}

export async function listPersons(
  db: Queryable,
  actor: Actor,
  filter: PersonFilter,
): Promise<Page<PersonView>> {
  assertCanReadRegistry(actor);
  const params: unknown[] = [];
  const where: string[] = [];
  const scope = personScope(actor, params);
  if (scope) where.push(scope);
  if (filter.q) {
    if (seesIdentity(actor)) {
      params.push(likePattern(filter.q), filter.q.replace(/\D/g, '') || '-', filter.q.trim());
      where.push(
        `(first_name || ' ' || last_name ILIKE $${params.length - 2} OR insz LIKE $${params.length - 1} || '%' OR pseudonym = $${params.length})`,
      );
    } else {
      params.push(filter.q.trim());
      where.push(`pseudonym = $${params.length}`);
    }
  }
  if (filter.organisationId) {
    params.push(filter.organisationId);
    where.push(
      `EXISTS (SELECT 1 FROM placements fp WHERE fp.person_id = persons.id AND fp.organisation_id = $${params.length})`,
    );
  }
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const { limit, offset } = limitOffset(filter);
  const sortable: Record<string, string> = seesIdentity(actor)
    ? { naam: 'last_name', insz: 'insz', pseudoniem: 'pseudonym', aangemaakt: 'created_at' }
    : { pseudoniem: 'pseudonym', aangemaakt: 'created_at' };
  const fallback = seesIdentity(actor) ? 'last_name ASC, first_name ASC' : 'pseudonym ASC';
  const order = orderBy(filter.sort, sortable, fallback, 'id');
  const [items, count] = await Promise.all([
    db.query<PersonRow>(
      `SELECT ${PERSON_COLUMNS} FROM persons ${whereSql} ${order} LIMIT ${limit} OFFSET ${offset}`,
      params,
    ),
    db.query<{ n: number }>(`SELECT count(*)::int AS n FROM persons ${whereSql}`, params),
  ]);
  await auditIdentityRead(db, actor, 'persons/list', items.rows);
  return {
    items: items.rows.map((r) => presentPerson(r, actor)),
    page: filter.page,
    pageSize: filter.pageSize,
    total: count.rows[0]?.n ?? 0,
  };
}

/** Resolves an INSZ or a person id to the person's id (for commands taking either). */
export async function personIdFor(db: Queryable, ref: { personId?: string | null; insz?: string | null }) {
  if (ref.personId) {
    const { rows } = await db.query<{ id: string }>('SELECT id FROM persons WHERE id = $1', [ref.personId]);
    if (!rows[0]) throw new NotFoundError('Persoon', ref.personId);
    return rows[0].id;
  }
  const { rows } = await db.query<{ id: string }>('SELECT id FROM persons WHERE insz = $1', [ref.insz]);
  if (!rows[0]) throw new NotFoundError('Persoon', ref.insz ? formatInsz(ref.insz) : '?');
  return rows[0].id;
}

/** The ids among `ids` that name a person: for other modules that refer to persons (no identity read). */
export async function existingPersonIds(db: Queryable, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const { rows } = await db.query<{ id: string }>('SELECT id FROM persons WHERE id = ANY($1::uuid[])', [ids]);
  return new Set(rows.map((r) => r.id));
}

/** The pseudonyms of these persons (never their identity): for other modules' views. */
export async function pseudonymsById(db: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const { rows } = await db.query<{ id: string; pseudonym: string }>(
    'SELECT id, pseudonym FROM persons WHERE id = ANY($1::uuid[])',
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r.pseudonym]));
}

export const PERSON_COMMANDS = [createPerson];
