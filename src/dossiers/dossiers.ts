/**
 * Dossiers: applications for a measure of the rules catalogue, by an organisation or a person.
 * Every write is a command (apply, and one command per action of the state table in states.ts);
 * each writes an event on the dossier's append-only timeline and an audit event in the same
 * transaction. A werkgever sees and acts only on its own organisations' dossiers.
 */
import { z } from 'zod';
import {
  type Actor,
  assertCan,
  assertOrganisationAccess,
  can,
  organisationScope,
  rolesCan,
} from '../access/index.ts';
import { type Command, defineCommand } from '../commands/index.ts';
import { limitOffset, orderBy, type Page, type PageRequest, type Queryable, type Tx } from '../db/index.ts';
import {
  ConflictError,
  ForbiddenError,
  isoDateSchema,
  money,
  NotFoundError,
  RuleViolationError,
  todayIso,
  ValidationError,
} from '../domain/index.ts';
import { existingPersonIds, organisationNameSql, organisationsById } from '../registry/index.ts';
import { calculateMeasure, catalogue, getMeasure } from '../rules/index.ts';
import { usersById } from '../users/index.ts';
import { brusselsDate, brusselsMidnight } from './leadtimes.ts';
import { assertWithinGranted, findIdempotentPayment, idempotencyKeySchema } from './payments.ts';
import {
  ACTION_NAMES,
  ACTIONS,
  type ActionDef,
  actionsFrom,
  type DossierAction,
  type DossierState,
  type Outcome,
  PAYMENT_KINDS,
  STATE_LABELS,
  STATES,
} from './states.ts';
import type { DossierDetail, DossierEventView, DossierView, Eligibility, NextAction } from './views.ts';

export type { DossierDetail, DossierEventView, DossierView, Eligibility, NextAction };

interface DossierRow {
  id: string;
  reference: string;
  measure_id: string;
  organisation_id: string | null;
  person_id: string | null;
  channel: 'online' | 'papier';
  facts: Record<string, unknown>;
  dossier_date: string;
  state: DossierState;
  outcome: Outcome | null;
  withdrawal: 'ambtshalve' | 'vrijwillig' | null;
  handler_id: string | null;
  eligibility: Eligibility | null;
  ruleset_version: string | null;
  ruleset_hash: string | null;
  paid_cents: number;
  recovered_cents: number;
  received_at: Date;
  updated_at: Date;
}

const SELECT = `SELECT d.id, d.reference, d.measure_id, d.organisation_id, d.person_id,
  d.channel, d.facts, d.dossier_date, d.state, d.outcome, d.withdrawal, d.handler_id,
  d.eligibility, d.ruleset_version, d.ruleset_hash, d.received_at, d.updated_at,
  COALESCE((SELECT sum(p.amount_cents) FROM dossier_payments p WHERE p.dossier_id = d.id AND p.kind <> 'terugvordering'), 0)::bigint AS paid_cents,
  COALESCE((SELECT sum(p.amount_cents) FROM dossier_payments p WHERE p.dossier_id = d.id AND p.kind = 'terugvordering'), 0)::bigint AS recovered_cents
  FROM dossiers d`;

let measureNames: Map<string, string> | undefined;
async function measureName(id: string): Promise<string> {
  if (!measureNames) {
    const cat = await catalogue();
    measureNames = new Map(cat.measures.map((m) => [m.id, m.meta.name]));
  }
  return measureNames.get(id) ?? id;
}

/** Views of dossier rows, with the organisation's and handler's names read from their owners. */
async function presentAll(db: Queryable, rows: DossierRow[]): Promise<DossierView[]> {
  const ids = (pick: (r: DossierRow) => string | null) => [
    ...new Set(rows.map(pick).filter((x) => x !== null)),
  ];
  const [organisations, handlers] = await Promise.all([
    organisationsById(
      db,
      ids((r) => r.organisation_id),
    ),
    usersById(
      db,
      ids((r) => r.handler_id),
    ),
  ]);
  const names = new Map(organisations.map((o) => [o.id, o.name]));
  return Promise.all(
    rows.map((r) =>
      present(
        r,
        r.organisation_id ? (names.get(r.organisation_id) ?? null) : null,
        handlers.get(r.handler_id ?? '')?.displayName,
      ),
    ),
  );
}

async function presentOne(db: Queryable, r: DossierRow): Promise<DossierView> {
  return (await presentAll(db, [r]))[0]!;
}

async function present(
  r: DossierRow,
  organisationName: string | null,
  handlerName?: string,
): Promise<DossierView> {
  return {
    id: r.id,
    reference: r.reference,
    measureId: r.measure_id,
    measureName: await measureName(r.measure_id),
    organisationId: r.organisation_id,
    organisationName,
    personId: r.person_id,
    channel: r.channel,
    facts: r.facts,
    date: r.dossier_date,
    state: r.state,
    stateLabel: STATE_LABELS[r.state],
    outcome: r.outcome,
    withdrawal: r.withdrawal,
    handler: r.handler_id ? { id: r.handler_id, name: handlerName ?? r.handler_id } : null,
    eligibility: r.eligibility,
    ruleset: r.ruleset_version ? { version: r.ruleset_version, hash: r.ruleset_hash ?? '' } : null,
    paidCents: Number(r.paid_cents),
    recoveredCents: Number(r.recovered_cents),
    receivedAt: r.received_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

async function loadRow(db: Queryable, id: string, forUpdate = false): Promise<DossierRow | undefined> {
  if (forUpdate) await db.query('SELECT id FROM dossiers WHERE id = $1 FOR UPDATE', [id]);
  const { rows } = await db.query<DossierRow>(`${SELECT} WHERE d.id = $1`, [id]);
  return rows[0];
}

/** Loads a dossier the actor may see; anything else is "not found" (no leak of ids). */
async function visibleRow(db: Queryable, actor: Actor, id: string, forUpdate = false): Promise<DossierRow> {
  if (!z.uuid().safeParse(id).success) throw new NotFoundError('Dossier', id);
  const row = await loadRow(db, id, forUpdate);
  if (!row) throw new NotFoundError('Dossier', id);
  assertOrganisationAccess(actor, row.organisation_id, 'Dossier', id);
  return row;
}

/** The actions this actor may take now (state table ∩ permissions). */
export function nextActionsFor(actor: Actor, state: DossierState, outcome: Outcome | null): NextAction[] {
  return actionsFrom(state, outcome)
    .filter((a) => can(actor, ACTIONS[a].permission))
    .map((a) => {
      const d: ActionDef = ACTIONS[a];
      return {
        action: a,
        label: d.label,
        destructive: d.destructive ?? false,
        reasonRequired: d.reasonRequired ?? false,
        amount: d.amount ?? false,
      };
    });
}

async function addEvent(
  tx: Tx,
  ctx: { actor: Actor; now: Date },
  dossierId: string,
  e: { action: string; from: DossierState | null; to: DossierState; reason: string | null; data?: object },
): Promise<number> {
  const { rows } = await tx.query<{ id: number }>(
    `INSERT INTO dossier_events (dossier_id, action, from_state, to_state, reason, actor_id, actor_label, occurred_at, data)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [
      dossierId,
      e.action,
      e.from,
      e.to,
      e.reason,
      ctx.actor.userId,
      ctx.actor.label,
      ctx.now,
      JSON.stringify(e.data ?? {}),
    ],
  );
  return Number(rows[0]!.id);
}

// ---- eligibility ------------------------------------------------------------------------------

/** Runs the rules engine on the facts at the dossier's date; facts that do not fit are refused. */
async function evaluate(
  measureId: string,
  date: string,
  facts: unknown,
  now: Date,
): Promise<{ eligibility: Eligibility; ruleset: { version: string; hash: string } }> {
  const cat = await catalogue();
  try {
    const r = await calculateMeasure(measureId, date, facts);
    return {
      eligibility: {
        eligible: r.eligible,
        amount: r.amount,
        period: r.period,
        reasons: r.reasons,
        notModelled: [],
        date,
        calculatedAt: now.toISOString(),
      },
      ruleset: r.ruleset,
    };
  } catch (e) {
    if (e instanceof ValidationError) throw e;
    if (e instanceof RuleViolationError) {
      const details = e.details as { notModelled?: string[] } | undefined;
      return {
        eligibility: {
          eligible: null,
          amount: null,
          period: null,
          reasons: [e.message],
          notModelled: details?.notModelled ?? [],
          date,
          calculatedAt: now.toISOString(),
        },
        ruleset: cat.ruleset,
      };
    }
    throw e;
  }
}

// ---- commands ---------------------------------------------------------------------------------

const reasonSchema = z.string().trim().max(2000).optional().nullable();

export const applyForMeasure = defineCommand({
  name: 'dossiers/aanvragen',
  summary: 'Dient een aanvraag in voor een maatregel; de regels worden toegepast op de feiten.',
  input: z.object({
    measureId: z.string().trim().min(1, 'kies een maatregel').max(80),
    organisationId: z.uuid('geen geldige organisatie-id').optional().nullable(),
    personId: z.uuid('geen geldige persoon-id').optional().nullable(),
    channel: z.enum(['online', 'papier']).default('online'),
    /** The facts of the measure (see GET /api/v1/rules/measures/{id}). */
    facts: z.record(z.string(), z.unknown()).default({}),
    /** The date the rules apply at; today when omitted. */
    date: isoDateSchema.optional(),
    /** Date a paper application was received, when registered later (case handlers only). */
    receivedOn: isoDateSchema.optional(),
    reason: reasonSchema,
  }),
  async authorize({ tx, actor }, input) {
    assertCan(actor, 'dossiers:apply');
    if (input.receivedOn && !can(actor, 'dossiers:handle')) {
      throw new ForbiddenError('Enkel een dossierbehandelaar registreert een eerdere ontvangstdatum.');
    }
    if (!input.organisationId && !input.personId) {
      throw ValidationError.field('organisationId', 'kies een organisatie of een persoon');
    }
    if (organisationScope(actor) && !input.organisationId) {
      throw ValidationError.field('organisationId', 'kies een van uw organisaties');
    }
    if (input.organisationId) {
      assertOrganisationAccess(actor, input.organisationId);
      const [known] = await organisationsById(tx, [input.organisationId]);
      if (!known) throw new NotFoundError('Organisatie', input.organisationId);
    }
    if (input.personId) {
      const known = await existingPersonIds(tx, [input.personId]);
      if (!known.has(input.personId)) throw new NotFoundError('Persoon', input.personId);
    }
  },
  async run(ctx, input) {
    const { tx, now } = ctx;
    const cat = await catalogue();
    if (!cat.get(input.measureId)) {
      throw ValidationError.field(
        'measureId',
        `onbekende maatregel '${input.measureId}'`,
        'measure_not_found',
      );
    }
    const date = input.date ?? todayIso(now);
    if (input.receivedOn && input.receivedOn > brusselsDate(now)) {
      throw ValidationError.field('receivedOn', 'de ontvangstdatum ligt in de toekomst');
    }
    const receivedAt = input.receivedOn ? brusselsMidnight(input.receivedOn) : now;
    const { eligibility, ruleset } = await evaluate(input.measureId, date, input.facts, now);
    const seq = await tx.query<{ n: number }>("SELECT nextval('dossier_reference_seq')::int AS n");
    const reference = `DOS-${now.getUTCFullYear()}-${String(seq.rows[0]!.n).padStart(6, '0')}`;
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO dossiers (reference, measure_id, organisation_id, person_id, channel, facts, dossier_date, state,
         eligibility, ruleset_version, ruleset_hash, received_at, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'ontvangen', $8, $9, $10, $11, $12, $12) RETURNING id`,
      [
        reference,
        input.measureId,
        input.organisationId ?? null,
        input.personId ?? null,
        input.channel,
        JSON.stringify(input.facts),
        date,
        JSON.stringify(eligibility),
        ruleset.version,
        ruleset.hash,
        receivedAt,
        now,
      ],
    );
    const id = rows[0]!.id;
    await addEvent(tx, { ...ctx, now: receivedAt }, id, {
      action: 'aanvragen',
      from: null,
      to: 'ontvangen',
      reason: input.reason ?? null,
      data: {
        eligible: eligibility.eligible,
        amount: eligibility.amount,
        rulesetVersion: ruleset.version,
        ...(input.receivedOn ? { registeredAt: now.toISOString() } : {}),
      },
    });
    const view = await presentOne(tx, (await loadRow(tx, id))!);
    return {
      result: view,
      audit: {
        entityType: 'dossier',
        entityId: id,
        organisationId: input.organisationId ?? null,
        data: {
          reference,
          measureId: input.measureId,
          state: 'ontvangen',
          eligible: eligibility.eligible,
          amount: eligibility.amount,
          ruleset,
        },
      },
    };
  },
});

const amountSchema = z.union([z.number(), z.string().trim().min(1)]).transform((v, ctx) => {
  try {
    const c = money.euros(typeof v === 'string' ? v.replace(',', '.') : v);
    if (c <= 0) {
      ctx.addIssue({ code: 'custom', message: 'het bedrag moet groter dan nul zijn' });
      return z.NEVER;
    }
    return c as number;
  } catch {
    ctx.addIssue({ code: 'custom', message: 'geef een bedrag in euro met hoogstens twee decimalen' });
    return z.NEVER;
  }
});

export const transitionInput = z.object({
  id: z.uuid('geen geldige dossier-id'),
  reason: reasonSchema,
  /** Euros (payments, recoveries). */
  amount: amountSchema.optional().nullable(),
  /** Kind of payment: voorschot, saldo, schijf or betaling. */
  kind: z.enum(PAYMENT_KINDS).optional().nullable(),
  /** toewijzen: the case handler (user id); the actor itself when omitted. */
  handlerId: z.uuid('geen geldige gebruikers-id').optional().nullable(),
  /** betalen: the same key again is the same payment (paid once); the API also takes the header. */
  idempotencyKey: idempotencyKeySchema.optional().nullable(),
  /** betalen: why a payment goes above the granted amount (required then). */
  excessReason: z.string().trim().max(2000).optional().nullable(),
});

function transitionCommand(action: DossierAction) {
  const def: ActionDef = ACTIONS[action];
  return defineCommand({
    name: `dossiers/${action}`,
    summary: `${def.label} (dossier).`,
    input: transitionInput,
    async authorize({ tx, actor }, input) {
      assertCan(actor, def.permission);
      await visibleRow(tx, actor, input.id);
    },
    async run(ctx, input) {
      const { tx, actor } = ctx;
      const row = await visibleRow(tx, actor, input.id, true);
      const payment = def.amount && action !== 'terugvorderen';
      const paymentKind = input.kind ?? 'betaling';
      if (
        payment &&
        input.idempotencyKey &&
        input.amount &&
        (await findIdempotentPayment(tx, row.id, input.idempotencyKey, {
          amountCents: input.amount,
          kind: paymentKind,
        }))
      ) {
        // The same request again (a retry, a double click): answered as the first, paid once.
        return {
          result: await presentOne(tx, row),
          audit: {
            action: 'dossiers/betalen-herhaald',
            entityType: 'dossier',
            entityId: row.id,
            organisationId: row.organisation_id,
            data: { reference: row.reference, idempotencyKey: input.idempotencyKey },
          },
        };
      }
      const allowed = actionsFrom(row.state, row.outcome);
      if (!allowed.includes(action)) {
        const mine = nextActionsFor(actor, row.state, row.outcome).map((a) => a.action);
        throw new ConflictError(
          'illegal_transition',
          `Het dossier ${row.reference} staat in toestand '${row.state}'${row.outcome ? ` (${row.outcome})` : ''}; ` +
            `'${action}' kan niet. Mogelijke acties: ${mine.length ? mine.join(', ') : 'geen'}.`,
          { state: row.state, outcome: row.outcome, action, allowedActions: mine },
        );
      }
      const reason = input.reason?.trim() || null;
      if (def.reasonRequired && !reason) throw ValidationError.field('reason', 'geef een reden op');
      if (def.amount && !input.amount) throw ValidationError.field('amount', 'geef het bedrag op');
      const to: DossierState = def.to === 'same' ? row.state : def.to;
      const data: Record<string, unknown> = {};
      let handlerId = row.handler_id;
      if (action === 'toewijzen') {
        handlerId = input.handlerId ?? actor.userId;
        if (!handlerId) throw ValidationError.field('handlerId', 'kies een behandelaar');
        const u = (await usersById(tx, [handlerId])).get(handlerId);
        if (!u?.active || !rolesCan(u.roles, 'dossiers:handle')) {
          throw ValidationError.field('handlerId', 'de behandelaar moet een actieve dossierbehandelaar zijn');
        }
        data['handler'] = { id: handlerId, name: u.displayName };
      }
      const kind = action === 'terugvorderen' ? 'terugvordering' : (input.kind ?? 'betaling');
      if (def.amount) {
        data['amountCents'] = input.amount;
        data['kind'] = kind;
      }
      if (payment) {
        const excessReason = input.excessReason?.trim() || null;
        const ceiling = await assertWithinGranted(tx, row.id, row.eligibility, input.amount!, excessReason);
        if (ceiling && ceiling.paidCents + input.amount! > ceiling.grantedCents) {
          data['excess'] = { grantedCents: ceiling.grantedCents, reason: excessReason };
        }
        if (input.idempotencyKey) data['idempotencyKey'] = input.idempotencyKey;
      }
      if (def.outcome) data['outcome'] = def.outcome;
      if (def.withdrawal) data['withdrawal'] = def.withdrawal;
      const eventId = await addEvent(tx, ctx, row.id, { action, from: row.state, to, reason, data });
      if (def.amount) {
        await tx.query(
          `INSERT INTO dossier_payments (dossier_id, event_id, kind, amount_cents, occurred_at, idempotency_key)
           VALUES ($1, $2, $3, $4, $5, $6)`,
          [row.id, eventId, kind, input.amount, ctx.now, payment ? (input.idempotencyKey ?? null) : null],
        );
      }
      await tx.query(
        `UPDATE dossiers SET state = $2, outcome = COALESCE($3, outcome), withdrawal = COALESCE($4, withdrawal),
           handler_id = $5, updated_at = $6 WHERE id = $1`,
        [row.id, to, def.outcome ?? null, def.withdrawal ?? null, handlerId, ctx.now],
      );
      const view = await presentOne(tx, (await loadRow(tx, row.id))!);
      return {
        result: view,
        audit: {
          entityType: 'dossier',
          entityId: row.id,
          organisationId: row.organisation_id,
          data: { reference: row.reference, action, from: row.state, to, reason, ...data },
        },
      };
    },
  });
}

export const TRANSITION_COMMANDS = Object.fromEntries(
  ACTION_NAMES.map((a) => [a, transitionCommand(a)]),
) as Record<DossierAction, Command<typeof transitionInput, DossierView>>;

export function transitionCommandFor(action: string): Command<typeof transitionInput, DossierView> {
  if (!Object.hasOwn(TRANSITION_COMMANDS, action)) {
    throw ValidationError.field('action', `onbekende actie; kies uit: ${ACTION_NAMES.join(', ')}`);
  }
  return TRANSITION_COMMANDS[action as DossierAction];
}

export const DOSSIER_COMMANDS: Command[] = [
  applyForMeasure,
  ...Object.values(TRANSITION_COMMANDS),
] as Command[];

// ---- queries ----------------------------------------------------------------------------------

export async function getDossier(db: Queryable, actor: Actor, id: string): Promise<DossierDetail> {
  assertCan(actor, 'dossiers:read');
  const row = await visibleRow(db, actor, id);
  const [events, payments] = await Promise.all([
    db.query<{
      id: number;
      action: string;
      from_state: DossierState | null;
      to_state: DossierState;
      reason: string | null;
      actor_label: string;
      occurred_at: Date;
      data: Record<string, unknown>;
    }>(
      'SELECT id, action, from_state, to_state, reason, actor_label, occurred_at, data FROM dossier_events WHERE dossier_id = $1 ORDER BY id',
      [id],
    ),
    db.query<{ id: number; kind: string; amount_cents: number; occurred_at: Date }>(
      'SELECT id, kind, amount_cents, occurred_at FROM dossier_payments WHERE dossier_id = $1 ORDER BY id',
      [id],
    ),
  ]);
  return {
    ...(await presentOne(db, row)),
    timeline: events.rows.map((e) => ({
      id: Number(e.id),
      action: e.action,
      actionLabel:
        e.action === 'aanvragen'
          ? 'Aanvraag ontvangen'
          : ((ACTIONS as Record<string, ActionDef>)[e.action]?.label ?? e.action),
      fromState: e.from_state,
      toState: e.to_state,
      reason: e.reason,
      actor: e.actor_label,
      occurredAt: e.occurred_at.toISOString(),
      data: e.data,
    })),
    payments: payments.rows.map((p) => ({
      id: Number(p.id),
      kind: p.kind,
      amountCents: Number(p.amount_cents),
      occurredAt: p.occurred_at.toISOString(),
    })),
    nextActions: nextActionsFor(actor, row.state, row.outcome),
  };
}

export const OPEN_STATES: readonly DossierState[] = STATES.filter(
  (s) => s !== 'afgesloten' && s !== 'ingetrokken',
);

export interface DossierFilter extends PageRequest {
  state?: DossierState | undefined;
  measureId?: string | undefined;
  organisationId?: string | undefined;
  /** The dossiers of one person (the person page). */
  personId?: string | undefined;
  /** A user id, `mij` (the actor) or `geen` (unassigned). */
  handler?: string | undefined;
  /** Only dossiers that are not closed or withdrawn (the work queue). */
  open?: boolean | undefined;
  /** Free text on the reference. */
  q?: string | undefined;
  /** Only dossiers created after this moment (the start page: new since the previous visit). */
  createdAfter?: Date | undefined;
}

export async function listDossiers(
  db: Queryable,
  actor: Actor,
  filter: DossierFilter,
): Promise<Page<DossierView>> {
  assertCan(actor, 'dossiers:read');
  const where: string[] = [];
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const scope = organisationScope(actor);
  if (scope) where.push(`d.organisation_id = ANY(${p(scope)}::uuid[])`);
  if (filter.state) where.push(`d.state = ${p(filter.state)}`);
  if (filter.measureId) where.push(`d.measure_id = ${p(filter.measureId)}`);
  if (filter.organisationId) {
    if (!z.uuid().safeParse(filter.organisationId).success) {
      throw ValidationError.field('organisationId', 'geen geldige organisatie-id');
    }
    where.push(`d.organisation_id = ${p(filter.organisationId)}`);
  }
  if (filter.personId) {
    if (!z.uuid().safeParse(filter.personId).success) {
      throw ValidationError.field('personId', 'geen geldige persoon-id');
    }
    where.push(`d.person_id = ${p(filter.personId)}`);
  }
  if (filter.handler === 'geen') where.push('d.handler_id IS NULL');
  else if (filter.handler === 'mij') where.push(`d.handler_id = ${p(actor.userId)}`);
  else if (filter.handler) {
    if (!z.uuid().safeParse(filter.handler).success) {
      throw ValidationError.field('handler', "een gebruikers-id, 'mij' of 'geen'");
    }
    where.push(`d.handler_id = ${p(filter.handler)}`);
  }
  if (filter.open) where.push(`d.state = ANY(${p(OPEN_STATES)}::text[])`);
  if (filter.createdAfter) where.push(`d.created_at > ${p(filter.createdAfter)}`);
  if (filter.q) where.push(`d.reference ILIKE ${p(`%${filter.q.replace(/[\\%_]/g, '\\$&')}%`)}`);
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const { limit, offset } = limitOffset(filter);
  const order = orderBy(
    filter.sort,
    {
      ontvangen: 'd.received_at',
      referentie: 'd.reference',
      maatregel: 'd.measure_id',
      toestand: 'd.state',
      organisatie: organisationNameSql('d.organisation_id'),
      gewijzigd: 'd.updated_at',
    },
    'd.received_at DESC',
    'd.id',
  );
  const [items, count] = await Promise.all([
    db.query<DossierRow>(`${SELECT} ${whereSql} ${order} LIMIT ${limit} OFFSET ${offset}`, params),
    db.query<{ n: number }>(`SELECT count(*)::int AS n FROM dossiers d ${whereSql}`, params),
  ]);
  return {
    items: await presentAll(db, items.rows),
    page: filter.page,
    pageSize: filter.pageSize,
    total: count.rows[0]?.n ?? 0,
  };
}

/** A case handler's work queue: open dossiers assigned to the actor or unassigned, oldest first. */
export async function workQueue(
  db: Queryable,
  actor: Actor,
  filter: PageRequest & { which: 'mij' | 'geen' },
): Promise<Page<DossierView>> {
  if (!can(actor, 'dossiers:handle')) throw new ForbiddenError();
  return listDossiers(db, actor, { ...filter, handler: filter.which, open: true, sort: 'ontvangen' });
}

/** Validates a measure id against the catalogue (for forms). */
export async function measureOptions(): Promise<{ value: string; label: string }[]> {
  const cat = await catalogue();
  return cat.measures
    .map((m) => ({ value: m.id, label: m.meta.name }))
    .sort((a, b) => a.label.localeCompare(b.label, 'nl'));
}

export { getMeasure };
