/**
 * Organisations: employers, maatwerkbedrijven, LDE initiatives, AMA coaches, OCMWs… identified by
 * their KBO enterprise number. The organisation is also the unit of isolation: a werkgever sees
 * only the organisations it is linked to.
 */
import { z } from 'zod';
import { type Actor, assertCan, assertOrganisationAccess, organisationScope } from '../access/index.ts';
import { defineCommand } from '../commands/index.ts';
import { limitOffset, orderBy, type Page, type PageRequest, type Queryable } from '../db/index.ts';
import { ConflictError, formatKbo, kboSchema, NotFoundError } from '../domain/index.ts';
import type { OrganisationView } from './views.ts';

export type { OrganisationView };

import { bicSchema, ibanSchema } from './bank-account.ts';

export const ORGANISATION_TYPES = {
  maatwerkbedrijf: 'Maatwerkbedrijf',
  maatwerkafdeling: 'Maatwerkafdeling',
  'lde-initiatief': 'Initiatief lokale diensteneconomie',
  'ama-begeleider': 'Erkende AMA-begeleider',
  ocmw: 'OCMW / lokaal bestuur',
  'wijk-werkorganisator': 'Wijk-werkorganisator',
  activiteitencooperatie: 'Activiteitencoöperatie',
  'reguliere-werkgever': 'Reguliere werkgever',
  andere: 'Andere',
} as const;

export type OrganisationType = keyof typeof ORGANISATION_TYPES;
const organisationType = z.enum(
  Object.keys(ORGANISATION_TYPES) as [OrganisationType, ...OrganisationType[]],
  {
    error: `kies een type uit: ${Object.keys(ORGANISATION_TYPES).join(', ')}`,
  },
);

interface OrganisationRow {
  id: string;
  kbo: string;
  name: string;
  type: OrganisationType;
  legal_form: string | null;
  street: string | null;
  postal_code: string | null;
  municipality: string | null;
  nis_code: string | null;
  iban: string | null;
  bic: string | null;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS =
  'id, kbo, name, type, legal_form, street, postal_code, municipality, nis_code, iban, bic, created_at, updated_at';

export function presentOrganisation(r: OrganisationRow): OrganisationView {
  return {
    id: r.id,
    kbo: r.kbo,
    kboFormatted: formatKbo(r.kbo),
    name: r.name,
    type: r.type,
    typeLabel: ORGANISATION_TYPES[r.type] ?? r.type,
    legalForm: r.legal_form,
    address: { street: r.street, postalCode: r.postal_code, municipality: r.municipality },
    nisCode: r.nis_code,
    iban: r.iban ?? null,
    bic: r.bic ?? null,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

const optionalText = (max: number) => z.string().trim().max(max).optional().nullable();

const organisationFields = {
  name: z.string().trim().min(1, 'vul de naam in').max(300),
  type: organisationType,
  legalForm: optionalText(50),
  street: optionalText(200),
  postalCode: z
    .string()
    .trim()
    .regex(/^\d{4}$/, 'een Belgische postcode telt 4 cijfers')
    .optional()
    .nullable(),
  municipality: optionalText(100),
  nisCode: z
    .string()
    .trim()
    .regex(/^\d{5}$/, 'een NIS-code telt 5 cijfers')
    .optional()
    .nullable(),
  iban: ibanSchema.optional().nullable(),
  bic: bicSchema.optional().nullable(),
};

export const createOrganisation = defineCommand({
  name: 'registry/create-organisation',
  summary: 'Registreert een organisatie met haar KBO-nummer.',
  input: z.object({ kbo: kboSchema, ...organisationFields }),
  authorize: ({ actor }) => assertCan(actor, 'organisations:write'),
  async run({ tx }, input) {
    const { rows } = await tx.query<OrganisationRow>(
      `INSERT INTO organisations (kbo, name, type, legal_form, street, postal_code, municipality, nis_code, iban, bic)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (kbo) DO NOTHING RETURNING ${COLUMNS}`,
      [
        input.kbo,
        input.name,
        input.type,
        input.legalForm ?? null,
        input.street ?? null,
        input.postalCode ?? null,
        input.municipality ?? null,
        input.nisCode ?? null,
        input.iban ?? null,
        input.bic ?? null,
      ],
    );
    if (!rows[0]) {
      throw new ConflictError(
        'kbo_exists',
        `Er bestaat al een organisatie met KBO-nummer ${formatKbo(input.kbo)}.`,
      );
    }
    const org = presentOrganisation(rows[0]);
    return {
      result: org,
      audit: {
        entityType: 'organisation',
        entityId: org.id,
        organisationId: org.id,
        data: { kbo: org.kbo, name: org.name, type: org.type },
      },
    };
  },
});

export const updateOrganisation = defineCommand({
  name: 'registry/update-organisation',
  summary: 'Wijzigt de gegevens van een organisatie (niet haar KBO-nummer).',
  input: z
    .object({ id: z.uuid('geen geldige organisatie-id'), ...organisationFields })
    .partial({ name: true, type: true }),
  authorize: ({ actor }) => assertCan(actor, 'organisations:write'),
  async run({ tx }, input) {
    const before = await tx.query<OrganisationRow>(
      `SELECT ${COLUMNS} FROM organisations WHERE id = $1 FOR UPDATE`,
      [input.id],
    );
    if (!before.rows[0]) throw new NotFoundError('Organisatie', input.id);
    const b = before.rows[0];
    const pick = <T>(v: T | undefined, old: T) => (v === undefined ? old : v);
    const { rows } = await tx.query<OrganisationRow>(
      `UPDATE organisations SET name = $2, type = $3, legal_form = $4, street = $5, postal_code = $6, municipality = $7,
              nis_code = $8, iban = $9, bic = $10, updated_at = now() WHERE id = $1 RETURNING ${COLUMNS}`,
      [
        input.id,
        pick(input.name, b.name),
        pick(input.type, b.type),
        pick(input.legalForm, b.legal_form),
        pick(input.street, b.street),
        pick(input.postalCode, b.postal_code),
        pick(input.municipality, b.municipality),
        pick(input.nisCode, b.nis_code),
        pick(input.iban, b.iban),
        pick(input.bic, b.bic),
      ],
    );
    const org = presentOrganisation(rows[0]!);
    const before_ = presentOrganisation(b);
    const changed = Object.fromEntries(
      (['name', 'type', 'legalForm', 'nisCode', 'iban', 'bic'] as const)
        .filter((k) => before_[k] !== org[k])
        .map((k) => [k, { before: before_[k], after: org[k] }]),
    );
    return {
      result: org,
      audit: { entityType: 'organisation', entityId: org.id, organisationId: org.id, data: { changed } },
    };
  },
});

export async function getOrganisation(db: Queryable, actor: Actor, id: string): Promise<OrganisationView> {
  assertCan(actor, 'organisations:read');
  assertOrganisationAccess(actor, id);
  const { rows } = await db.query<OrganisationRow>(`SELECT ${COLUMNS} FROM organisations WHERE id = $1`, [
    id,
  ]);
  if (!rows[0]) throw new NotFoundError('Organisatie', id);
  return presentOrganisation(rows[0]);
}

export interface OrganisationFilter extends PageRequest {
  /** Free text on name or KBO number. */
  q?: string | undefined;
  type?: OrganisationType | undefined;
}

export async function listOrganisations(
  db: Queryable,
  actor: Actor,
  filter: OrganisationFilter,
): Promise<Page<OrganisationView>> {
  assertCan(actor, 'organisations:read');
  const where: string[] = [];
  const params: unknown[] = [];
  const scope = organisationScope(actor);
  if (scope) {
    params.push(scope);
    where.push(`id = ANY($${params.length}::uuid[])`);
  }
  if (filter.q) {
    params.push(`%${filter.q.replace(/[\\%_]/g, '\\$&')}%`, filter.q.replace(/\D/g, '') || '-');
    where.push(`(name ILIKE $${params.length - 1} OR kbo LIKE $${params.length} || '%')`);
  }
  if (filter.type) {
    params.push(filter.type);
    where.push(`type = $${params.length}`);
  }
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const { limit, offset } = limitOffset(filter);
  const order = orderBy(
    filter.sort,
    { naam: 'name', kbo: 'kbo', type: 'type', aangemaakt: 'created_at' },
    'name ASC',
    'id',
  );
  const [items, count] = await Promise.all([
    db.query<OrganisationRow>(
      `SELECT ${COLUMNS} FROM organisations ${whereSql} ${order} LIMIT ${limit} OFFSET ${offset}`,
      params,
    ),
    db.query<{ n: number }>(`SELECT count(*)::int AS n FROM organisations ${whereSql}`, params),
  ]);
  return {
    items: items.rows.map(presentOrganisation),
    page: filter.page,
    pageSize: filter.pageSize,
    total: count.rows[0]?.n ?? 0,
  };
}

export const ORGANISATION_COMMANDS = [createOrganisation, updateOrganisation];

/** Resolves KBO numbers (any notation) to organisation ids; returns the numbers it could not find. */
export async function organisationIdsByKbo(
  db: Queryable,
  kbos: string[],
): Promise<{ ids: string[]; unknown: string[] }> {
  const normalised = kbos.map((k) => ({ given: k, digits: k.replace(/\D/g, '') }));
  const { rows } = await db.query<{ id: string; kbo: string }>(
    'SELECT id, kbo FROM organisations WHERE kbo = ANY($1::text[])',
    [normalised.map((k) => k.digits)],
  );
  const byKbo = new Map(rows.map((r) => [r.kbo, r.id]));
  return {
    ids: normalised.flatMap((k) => (byKbo.has(k.digits) ? [byKbo.get(k.digits)!] : [])),
    unknown: normalised.filter((k) => !byKbo.has(k.digits)).map((k) => k.given),
  };
}

/** KBO numbers and names of organisations by id (for showing a user's organisations). */
/**
 * The registry's published SQL read for ordering another module's rows by organisation name:
 * a correlated subquery on `idColumn`, so the other module's SQL never names this module's table.
 */
export function organisationNameSql(idColumn: string): string {
  return `(SELECT o.name FROM organisations o WHERE o.id = ${idColumn})`;
}

/** The organisations with these ids (id, KBO, name): for other modules' views and checks. */
export async function organisationsById(
  db: Queryable,
  ids: readonly string[],
): Promise<{ id: string; kbo: string; name: string }[]> {
  if (ids.length === 0) return [];
  const { rows } = await db.query<{ id: string; kbo: string; name: string }>(
    'SELECT id, kbo, name FROM organisations WHERE id = ANY($1::uuid[]) ORDER BY name',
    [ids],
  );
  return rows;
}
