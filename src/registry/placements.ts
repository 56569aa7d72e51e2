/**
 * Placements: a person × an organisation × a measure from `start` to `end` (null = ongoing) with
 * an FTE and hours per week, and DmfA-like wage data per quarter. Two rules hold for every write,
 * one at a time or by import: a person has no two overlapping placements in the same measure at
 * the same organisation, and a person's placements never add up to more than 1 FTE on any day.
 */

import { z } from 'zod';
import { type Actor, assertOrganisationAccess } from '../access/index.ts';
import { defineCommand } from '../commands/index.ts';
import {
  Conditions,
  limitOffset,
  orderBy,
  type Page,
  type PageRequest,
  type Queryable,
} from '../db/index.ts';
import {
  formatInsz,
  formatKbo,
  inszSchema,
  isoDateSchema,
  kboSchema,
  NotFoundError,
  RuleViolationError,
  ValidationError,
} from '../domain/index.ts';
import { assertCan, assertCanReadRegistry, organisationScope, seesIdentity } from './access.ts';
import { auditIdentityRead } from './identity-audit.ts';
import { measureExists, unknownMeasureMessage } from './measures.ts';
import type { PlacementView, WageQuarterView } from './views.ts';

export type { PlacementView, WageQuarterView };

interface PlacementRow {
  id: string;
  person_id: string;
  pseudonym: string;
  insz: string;
  first_name: string | null;
  last_name: string | null;
  organisation_id: string;
  kbo: string;
  organisation_name: string;
  measure: string;
  start_date: string;
  end_date: string | null;
  fte: string;
  hours_per_week: string | null;
  created_at: Date;
  updated_at: Date;
}

const SELECT = `SELECT p.id, p.person_id, pe.pseudonym, pe.insz, pe.first_name, pe.last_name, p.organisation_id,
  o.kbo, o.name AS organisation_name, p.measure, p.start_date, p.end_date, p.fte, p.hours_per_week, p.created_at,
  p.updated_at FROM placements p JOIN persons pe ON pe.id = p.person_id JOIN organisations o ON o.id = p.organisation_id`;

export function presentPlacement(r: PlacementRow, actor: Actor): PlacementView {
  const identity = seesIdentity(actor);
  return {
    id: r.id,
    person: {
      id: r.person_id,
      pseudonym: r.pseudonym,
      insz: identity ? r.insz : null,
      name: identity ? [r.first_name, r.last_name].filter(Boolean).join(' ') || null : null,
    },
    organisation: {
      id: r.organisation_id,
      kbo: r.kbo,
      kboFormatted: formatKbo(r.kbo),
      name: r.organisation_name,
    },
    measure: r.measure,
    start: r.start_date,
    end: r.end_date,
    fte: Number(r.fte),
    hoursPerWeek: r.hours_per_week === null ? null : Number(r.hours_per_week),
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

/** One violation of the placement rules, on the placement `placementId`. */
export interface PlacementViolation {
  placementId: string;
  rule: 'overlap' | 'fte';
  message: string;
}

/**
 * Checks the placement rules for the given persons (after the writes, in the same transaction).
 * The FTE total is a step function that only rises at a start date, so checking the sum at every
 * placement's start finds its maximum.
 */
export async function placementViolations(
  tx: Queryable,
  personIds: readonly string[] | null,
): Promise<PlacementViolation[]> {
  const filter = personIds ? 'AND a.person_id = ANY($1::uuid[])' : '';
  const params = personIds ? [personIds] : [];
  const overlap = await tx.query<{ id: string; other_start: string; other_end: string | null }>(
    `SELECT a.id, b.start_date AS other_start, b.end_date AS other_end FROM placements a
       JOIN placements b ON b.person_id = a.person_id AND b.organisation_id = a.organisation_id
        AND b.measure = a.measure AND b.id <> a.id AND b.start_date < a.start_date
        AND (b.end_date IS NULL OR b.end_date >= a.start_date)
      WHERE true ${filter}`,
    params,
  );
  const fte = await tx.query<{ id: string; start_date: string; total: string }>(
    `SELECT a.id, a.start_date, sum(b.fte)::text AS total FROM placements a
       JOIN placements b ON b.person_id = a.person_id AND b.start_date <= a.start_date
        AND (b.end_date IS NULL OR b.end_date >= a.start_date)
      WHERE true ${filter}
      GROUP BY a.id, a.start_date HAVING sum(b.fte) > 1`,
    params,
  );
  return [
    ...overlap.rows.map((r) => ({
      placementId: r.id,
      rule: 'overlap' as const,
      message: `overlapt met een plaatsing in dezelfde maatregel bij dezelfde organisatie (${r.other_start} – ${r.other_end ?? 'lopend'})`,
    })),
    ...fte.rows.map((r) => ({
      placementId: r.id,
      rule: 'fte' as const,
      message: `de persoon staat op ${r.start_date} samen op ${r.total.replace(/\.?0+$/, '').replace('.', ',')} VTE; meer dan 1 VTE is niet mogelijk`,
    })),
  ];
}

/**
 * Locks the persons whose placements are about to change, until the transaction ends. The rules
 * above read the person's other placements: without the lock two concurrent writes each see the
 * other's placement missing and both pass (issue 16: two 0,6 VTE placements at two organisations,
 * 1,2 VTE in total). Locked in id order, so that an import and a single write never deadlock.
 * PGlite runs one transaction at a time; the lock changes nothing there.
 */
export async function lockPersons(tx: Queryable, personIds: readonly string[]): Promise<void> {
  if (personIds.length === 0) return;
  await tx.query('SELECT id FROM persons WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE', [personIds]);
}

async function assertPlacementRules(tx: Queryable, personId: string): Promise<void> {
  const v = await placementViolations(tx, [personId]);
  if (v.length)
    throw new RuleViolationError(
      v[0]!.rule === 'fte' ? 'fte_above_one' : 'placement_overlap',
      `Plaatsing: ${v[0]!.message}.`,
    );
}

const fteSchema = z.coerce
  .number({ error: 'VTE is een getal, bv. 0.5' })
  .gt(0, 'VTE moet groter zijn dan 0')
  .max(1, 'VTE is hoogstens 1');
const hoursSchema = z.coerce
  .number({ error: 'uren per week is een getal' })
  .gt(0, 'uren per week moet groter zijn dan 0')
  .max(60, 'uren per week is hoogstens 60');

export const createPlacement = defineCommand({
  name: 'registry/create-placement',
  summary: 'Registreert een plaatsing: persoon × organisatie × maatregel, met start, einde en VTE.',
  input: z
    .object({
      insz: inszSchema,
      kbo: kboSchema,
      measure: z.string().trim().min(1, 'kies een maatregel'),
      start: isoDateSchema,
      end: isoDateSchema.optional().nullable(),
      fte: fteSchema,
      hoursPerWeek: hoursSchema.optional().nullable(),
    })
    .refine((p) => !p.end || p.end >= p.start, { path: ['end'], message: 'het einde ligt voor de start' }),
  authorize: ({ actor }) => assertCan(actor, 'registry:write'),
  async run({ tx, actor }, input) {
    if (!(await measureExists(input.measure)))
      throw ValidationError.field('measure', unknownMeasureMessage(input.measure));
    // FOR UPDATE: the 1 VTE rule must hold against a concurrent placement of the same person.
    const person = await tx.query<{ id: string }>('SELECT id FROM persons WHERE insz = $1 FOR UPDATE', [
      input.insz.insz,
    ]);
    if (!person.rows[0])
      throw ValidationError.field('insz', `geen persoon met INSZ ${formatInsz(input.insz.insz)}`);
    const org = await tx.query<{ id: string }>('SELECT id FROM organisations WHERE kbo = $1', [input.kbo]);
    if (!org.rows[0])
      throw ValidationError.field('kbo', `geen organisatie met KBO-nummer ${formatKbo(input.kbo)}`);
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO placements (person_id, organisation_id, measure, start_date, end_date, fte, hours_per_week)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (person_id, organisation_id, measure, start_date) DO NOTHING RETURNING id`,
      [
        person.rows[0].id,
        org.rows[0].id,
        input.measure,
        input.start,
        input.end ?? null,
        input.fte,
        input.hoursPerWeek ?? null,
      ],
    );
    if (!rows[0])
      throw new RuleViolationError(
        'placement_exists',
        'Deze persoon heeft al een plaatsing in deze maatregel bij deze organisatie met dezelfde startdatum.',
      );
    await assertPlacementRules(tx, person.rows[0].id);
    const view = await getPlacementRow(tx, actor, rows[0].id);
    return {
      result: view,
      audit: {
        entityType: 'placement',
        entityId: view.id,
        organisationId: view.organisation.id,
        data: { person: view.person.pseudonym, measure: view.measure, start: view.start, fte: view.fte },
      },
    };
  },
});

export const endPlacement = defineCommand({
  name: 'registry/end-placement',
  summary: 'Zet de einddatum van een plaatsing (of maakt ze weer lopend met einde null).',
  input: z.object({ id: z.uuid('geen geldige id'), end: isoDateSchema.nullable() }),
  authorize: ({ actor }) => assertCan(actor, 'registry:write'),
  async run({ tx, actor }, input) {
    const { rows } = await tx.query<{ person_id: string; start_date: string }>(
      'SELECT person_id, start_date FROM placements WHERE id = $1 FOR UPDATE',
      [input.id],
    );
    if (!rows[0]) throw new NotFoundError('Plaatsing', input.id);
    // A later end can raise the person's VTE total: serialise with other writes for the person.
    await lockPersons(tx, [rows[0].person_id]);
    if (input.end && input.end < rows[0].start_date)
      throw ValidationError.field('end', 'het einde ligt voor de start');
    await tx.query('UPDATE placements SET end_date = $2, updated_at = now() WHERE id = $1', [
      input.id,
      input.end,
    ]);
    await assertPlacementRules(tx, rows[0].person_id);
    const view = await getPlacementRow(tx, actor, input.id);
    return {
      result: view,
      audit: {
        entityType: 'placement',
        entityId: view.id,
        organisationId: view.organisation.id,
        data: { end: input.end },
      },
    };
  },
});

async function getPlacementRow(db: Queryable, actor: Actor, id: string): Promise<PlacementView> {
  const { rows } = await db.query<PlacementRow>(`${SELECT} WHERE p.id = $1`, [id]);
  if (!rows[0]) throw new NotFoundError('Plaatsing', id);
  return presentPlacement(rows[0], actor);
}

export async function getPlacement(db: Queryable, actor: Actor, id: string): Promise<PlacementView> {
  assertCanReadRegistry(actor);
  const { rows } = await db.query<PlacementRow>(`${SELECT} WHERE p.id = $1`, [id]);
  if (!rows[0]) throw new NotFoundError('Plaatsing', id);
  assertOrganisationAccess(actor, rows[0].organisation_id, 'Plaatsing', id);
  await auditIdentityRead(db, actor, 'placements/get', [
    { id: rows[0].person_id, pseudonym: rows[0].pseudonym },
  ]);
  return presentPlacement(rows[0], actor);
}

export interface PlacementFilter extends PageRequest {
  organisationId?: string | undefined;
  personId?: string | undefined;
  measure?: string | undefined;
  /** Only placements running on this date. */
  activeOn?: string | undefined;
}

export async function listPlacements(
  db: Queryable,
  actor: Actor,
  filter: PlacementFilter,
): Promise<Page<PlacementView>> {
  assertCanReadRegistry(actor);
  const cond = new Conditions();
  const scope = organisationScope(actor);
  if (scope) cond.add(scope, (p) => `p.organisation_id = ANY(${p}::uuid[])`);
  cond.equal([
    ['p.organisation_id', filter.organisationId],
    ['p.person_id', filter.personId],
    ['p.measure', filter.measure],
  ]);
  if (filter.activeOn)
    cond.add(filter.activeOn, (p) => `p.start_date <= ${p} AND (p.end_date IS NULL OR p.end_date >= ${p})`);
  const { where: whereSql, params } = cond;
  const { limit, offset } = limitOffset(filter);
  const order = orderBy(
    filter.sort,
    {
      start: 'p.start_date',
      einde: 'p.end_date',
      vte: 'p.fte',
      maatregel: 'p.measure',
      organisatie: 'o.name',
    },
    'p.start_date DESC',
    'p.id',
  );
  const [items, count] = await Promise.all([
    db.query<PlacementRow>(`${SELECT} ${whereSql} ${order} LIMIT ${limit} OFFSET ${offset}`, params),
    db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM placements p JOIN organisations o ON o.id = p.organisation_id ${whereSql}`,
      params,
    ),
  ]);
  await auditIdentityRead(
    db,
    actor,
    'placements/list',
    items.rows.map((r) => ({ id: r.person_id, pseudonym: r.pseudonym })),
  );
  return {
    items: items.rows.map((r) => presentPlacement(r, actor)),
    page: filter.page,
    pageSize: filter.pageSize,
    total: count.rows[0]?.n ?? 0,
  };
}

// ---- wage data per quarter -------------------------------------------------------------------

interface WageRow {
  id: string;
  placement_id: string;
  quarter: string;
  gross_wage_cents: number;
  days: string;
  fte: string;
}

const presentWage = (r: WageRow): WageQuarterView => ({
  id: r.id,
  placementId: r.placement_id,
  quarter: r.quarter,
  grossWageCents: Number(r.gross_wage_cents),
  days: Number(r.days),
  fte: Number(r.fte),
});

export const recordWageQuarter = defineCommand({
  name: 'registry/record-wage-quarter',
  summary: 'Legt de loongegevens van een plaatsing voor één kwartaal vast (DmfA: brutoloon, dagen, VTE).',
  input: z.object({
    placementId: z.uuid('geen geldige plaatsing-id'),
    quarter: z.string().regex(/^\d{4}-Q[1-4]$/, 'een kwartaal schrijf je als JJJJ-Qn, bv. 2026-Q1'),
    grossWageCents: z.number().int('brutoloon in eurocent, een geheel getal').min(0),
    days: z.number().min(0).max(92, 'een kwartaal telt hoogstens 92 dagen'),
    fte: z.number().min(0).max(1, 'VTE is hoogstens 1'),
  }),
  authorize: ({ actor }) => assertCan(actor, 'registry:write'),
  async run({ tx }, input) {
    const p = await tx.query<{ organisation_id: string }>(
      'SELECT organisation_id FROM placements WHERE id = $1',
      [input.placementId],
    );
    if (!p.rows[0]) throw new NotFoundError('Plaatsing', input.placementId);
    const { rows } = await tx.query<WageRow>(
      `INSERT INTO wage_quarters (placement_id, quarter, gross_wage_cents, days, fte) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (placement_id, quarter) DO UPDATE SET gross_wage_cents = EXCLUDED.gross_wage_cents,
         days = EXCLUDED.days, fte = EXCLUDED.fte, updated_at = now()
       RETURNING id, placement_id, quarter, gross_wage_cents, days, fte`,
      [input.placementId, input.quarter, input.grossWageCents, input.days, input.fte],
    );
    const view = presentWage(rows[0]!);
    return {
      result: view,
      audit: {
        entityType: 'wage-quarter',
        entityId: view.id,
        organisationId: p.rows[0].organisation_id,
        data: { placementId: view.placementId, quarter: view.quarter },
      },
    };
  },
});

export interface WageFilter extends PageRequest {
  placementId?: string | undefined;
  organisationId?: string | undefined;
  quarter?: string | undefined;
}

export async function listWageQuarters(
  db: Queryable,
  actor: Actor,
  filter: WageFilter,
): Promise<Page<WageQuarterView>> {
  assertCanReadRegistry(actor);
  const cond = new Conditions();
  const scope = organisationScope(actor);
  if (scope) cond.add(scope, (p) => `p.organisation_id = ANY(${p}::uuid[])`);
  cond.equal([
    ['w.placement_id', filter.placementId],
    ['p.organisation_id', filter.organisationId],
    ['w.quarter', filter.quarter],
  ]);
  const { where: whereSql, params } = cond;
  const from = 'FROM wage_quarters w JOIN placements p ON p.id = w.placement_id';
  const { limit, offset } = limitOffset(filter);
  const order = orderBy(
    filter.sort,
    { kwartaal: 'w.quarter', brutoloon: 'w.gross_wage_cents' },
    'w.quarter DESC',
    'w.id',
  );
  const [items, count] = await Promise.all([
    db.query<WageRow>(
      `SELECT w.id, w.placement_id, w.quarter, w.gross_wage_cents, w.days, w.fte ${from} ${whereSql} ${order} LIMIT ${limit} OFFSET ${offset}`,
      params,
    ),
    db.query<{ n: number }>(`SELECT count(*)::int AS n ${from} ${whereSql}`, params),
  ]);
  return {
    items: items.rows.map(presentWage),
    page: filter.page,
    pageSize: filter.pageSize,
    total: count.rows[0]?.n ?? 0,
  };
}

export const PLACEMENT_COMMANDS = [createPlacement, endPlacement, recordWageQuarter];
