/**
 * Inspection dossiers: opened and moved through the state table of states.ts by commands, each
 * writing a timeline event and an audit event in the same transaction. Only an inspecteur (or
 * beheerder) sees them; a werkgever never does, an analist only the counts.
 */
import { z } from 'zod';
import { type Actor, assertCan } from '../access/index.ts';
import { type Command, defineCommand } from '../commands/index.ts';
import type { Queryable, Tx } from '../db/index.ts';
import {
  ConflictError,
  isoDateSchema,
  money,
  NotFoundError,
  todayIso,
  ValidationError,
} from '../domain/index.ts';
import { existingPersonIds, organisationsById } from '../registry/index.ts';
import { passOnRecovery, RECOVERY_ASSUMPTION } from './recoveries.ts';
import { VSI_TABLE } from './reference.ts';
import {
  INSPECTION_ACTION_NAMES,
  INSPECTION_ACTIONS,
  type InspectionAction,
  type InspectionActionDef,
  type InspectionOutcome,
  type InspectionState,
  ORIGINS,
  OUTCOMES,
} from './states.ts';

export const DOMAINS: readonly string[] = VSI_TABLE.filter((r) => !r.total).map((r) => r.domain);

export interface InspectionView {
  id: string;
  reference: string;
  organisation: { id: string; name: string };
  personId: string | null;
  domain: string;
  measureId: string | null;
  origin: (typeof ORIGINS)[number];
  state: InspectionState;
  outcome: InspectionOutcome | null;
  recoveryCents: number | null;
  openedOn: string;
}
export interface InspectionDetail extends InspectionView {
  timeline: {
    action: string;
    from: string | null;
    to: string;
    note: string | null;
    actor: string;
    at: string;
    data: Record<string, unknown>;
  }[];
}

interface Row {
  id: string;
  reference: string;
  organisation_id: string;
  person_id: string | null;
  domain: string;
  measure_id: string | null;
  origin: (typeof ORIGINS)[number];
  state: InspectionState;
  outcome: InspectionOutcome | null;
  recovery_cents: number | null;
  opened_on: string;
}
const SELECT = `SELECT i.id, i.reference, i.organisation_id, i.person_id, i.domain,
  i.measure_id, i.origin, i.state, i.outcome, i.recovery_cents, i.opened_on
  FROM inspection_dossiers i`;

/** Views of rows, with the organisations' names read from the registry. */
async function presentAll(db: Queryable, rows: Row[]): Promise<InspectionView[]> {
  const organisations = await organisationsById(db, [...new Set(rows.map((r) => r.organisation_id))]);
  const names = new Map(organisations.map((o) => [o.id, o.name]));
  return rows.map((r) => present(r, names.get(r.organisation_id) ?? r.organisation_id));
}

const presentOne = async (db: Queryable, r: Row) => (await presentAll(db, [r]))[0]!;

const present = (r: Row, organisationName: string): InspectionView => ({
  id: r.id,
  reference: r.reference,
  organisation: { id: r.organisation_id, name: organisationName },
  personId: r.person_id,
  domain: r.domain,
  measureId: r.measure_id,
  origin: r.origin,
  state: r.state,
  outcome: r.outcome,
  recoveryCents: r.recovery_cents === null ? null : Number(r.recovery_cents),
  openedOn: r.opened_on,
});

async function load(db: Queryable, id: string, forUpdate = false): Promise<Row> {
  if (!z.uuid().safeParse(id).success) throw new NotFoundError('Inspectiedossier', id);
  if (forUpdate) await db.query('SELECT id FROM inspection_dossiers WHERE id = $1 FOR UPDATE', [id]);
  const { rows } = await db.query<Row>(`${SELECT} WHERE i.id = $1`, [id]);
  if (!rows[0]) throw new NotFoundError('Inspectiedossier', id);
  return rows[0];
}

async function addEvent(
  tx: Tx,
  ctx: { actor: Actor; now: Date },
  id: string,
  e: { action: string; from: string | null; to: string; note: string | null; data?: object },
): Promise<void> {
  await tx.query(
    `INSERT INTO inspection_events (inspection_id, action, from_state, to_state, note, actor_label, occurred_at, data)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [id, e.action, e.from, e.to, e.note, ctx.actor.label, ctx.now, JSON.stringify(e.data ?? {})],
  );
}

export const openInspection = defineCommand({
  name: 'inspection/open',
  summary: 'Opent een inspectiedossier voor een organisatie en een domein van de VSI-tabel.',
  input: z.object({
    organisationId: z.uuid('geen geldige organisatie-id'),
    personId: z.uuid('geen geldige persoon-id').optional().nullable(),
    domain: z.string().refine((d) => DOMAINS.includes(d), 'kies een domein van de VSI-tabel'),
    measureId: z.string().trim().max(80).optional().nullable(),
    origin: z.enum(ORIGINS),
    openedOn: isoDateSchema.optional(),
    note: z.string().trim().max(2000).optional().nullable(),
  }),
  async authorize({ tx, actor }, input) {
    assertCan(actor, 'inspection:handle');
    const [organisation] = await organisationsById(tx, [input.organisationId]);
    if (!organisation) throw new NotFoundError('Organisatie', input.organisationId);
    if (input.personId && !(await existingPersonIds(tx, [input.personId])).has(input.personId)) {
      throw new NotFoundError('Persoon', input.personId);
    }
  },
  async run(ctx, input) {
    const { tx, now } = ctx;
    const seq = await tx.query<{ n: number }>("SELECT nextval('inspection_reference_seq')::int AS n");
    const reference = `VSI-${now.getUTCFullYear()}-${String(seq.rows[0]!.n).padStart(6, '0')}`;
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO inspection_dossiers (reference, organisation_id, person_id, domain, measure_id, origin, state, opened_on,
         created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, 'open', $7, $8, $8) RETURNING id`,
      [
        reference,
        input.organisationId,
        input.personId ?? null,
        input.domain,
        input.measureId ?? null,
        input.origin,
        input.openedOn ?? todayIso(now),
        now,
      ],
    );
    const id = rows[0]!.id;
    await addEvent(tx, ctx, id, {
      action: 'openen',
      from: null,
      to: 'open',
      note: input.note ?? null,
      data: { origin: input.origin },
    });
    const view = await presentOne(tx, await load(tx, id));
    return {
      result: view,
      audit: {
        entityType: 'inspection',
        entityId: id,
        organisationId: input.organisationId,
        data: { reference, domain: input.domain, origin: input.origin },
      },
    };
  },
});

const amountSchema = z.union([z.number(), z.string().trim().min(1)]).transform((v, c) => {
  try {
    const cents = money.euros(typeof v === 'string' ? v.replace(',', '.') : v) as number;
    if (cents > 0) return cents;
  } catch {}
  c.addIssue({ code: 'custom', message: 'een bedrag in euro groter dan nul, hoogstens twee decimalen' });
  return z.NEVER;
});

export const inspectionTransitionInput = z.object({
  id: z.uuid('geen geldig inspectiedossier'),
  note: z.string().trim().max(2000).optional().nullable(),
  outcome: z.enum(OUTCOMES).optional().nullable(),
  /** Euros: the proposed recovery (outcome terugvordering-voorgesteld). */
  amount: amountSchema.optional().nullable(),
  /** A vaststelling: the rule (seed lines or measure id) the facts concern. */
  rule: z.string().trim().max(200).optional().nullable(),
  /**
   * Administrative fine: the day the parket decided not to prosecute; the decree's 8-month term
   * runs from it (seeds/001_4a57afe77d69f3a4.txt:L9376-9379). The fine's day is the closing day.
   */
  prosecutorDecisionOn: isoDateSchema.optional().nullable(),
});

function transitionCommand(action: InspectionAction) {
  const def: InspectionActionDef = INSPECTION_ACTIONS[action];
  return defineCommand({
    name: `inspection/${action}`,
    summary: `${def.label} (inspectiedossier).`,
    input: inspectionTransitionInput,
    async authorize({ tx, actor }, input) {
      assertCan(actor, def.permission);
      await load(tx, input.id);
    },
    async run(ctx, input) {
      const row = await load(ctx.tx, input.id, true);
      if (!def.from.includes(row.state)) {
        throw new ConflictError(
          'illegal_transition',
          `Het inspectiedossier ${row.reference} staat in toestand '${row.state}'; '${action}' kan niet.`,
          { state: row.state, action },
        );
      }
      const note = input.note?.trim() || null;
      if (def.noteRequired && !note) throw ValidationError.field('note', 'beschrijf de vaststelling');
      if (def.outcome && !input.outcome)
        throw ValidationError.field('outcome', `kies een uitkomst: ${OUTCOMES.join(', ')}`);
      const recovery = input.outcome === 'terugvordering-voorgesteld';
      if (recovery && !input.amount) throw ValidationError.field('amount', 'geef het voorgestelde bedrag op');
      const to = def.to === 'same' ? row.state : def.to;
      const data: Record<string, unknown> = {};
      if (def.outcome) data['outcome'] = input.outcome;
      if (recovery) data['recoveryCents'] = input.amount;
      if (input.rule) data['rule'] = input.rule;
      if (def.outcome && input.outcome === 'administratieve-geldboete') {
        data['fineImposedOn'] = todayIso(ctx.now);
        if (input.prosecutorDecisionOn) data['prosecutorDecisionOn'] = input.prosecutorDecisionOn;
      }
      await addEvent(ctx.tx, ctx, row.id, { action, from: row.state, to, note, data });
      await ctx.tx.query(
        `UPDATE inspection_dossiers SET state = $2, outcome = COALESCE($3, outcome), recovery_cents = COALESCE($4, recovery_cents),
           updated_at = $5 WHERE id = $1`,
        [row.id, to, def.outcome ? input.outcome : null, recovery ? input.amount : null, ctx.now],
      );
      // A proposed recovery on a measure goes to settlement and the dossier (recoveries.ts).
      if (recovery && def.outcome && row.measure_id && input.amount) {
        const passed = await passOnRecovery(
          ctx,
          {
            id: row.id,
            reference: row.reference,
            organisationId: row.organisation_id,
            measureId: row.measure_id,
          },
          input.amount,
        );
        data['settlementRecovery'] = passed.recovery.id;
        data['recoveryStatus'] = passed.recovery.status;
        data['dossier'] = passed.dossier?.reference ?? null;
        await addEvent(ctx.tx, ctx, row.id, {
          action: 'terugvordering-doorgegeven',
          from: to,
          to,
          note: `${passed.recovery.status === 'vordering' ? 'Vordering' : 'Negatieve lijn in de volgende afrekening'}; ${RECOVERY_ASSUMPTION}`,
          data: { settlementRecovery: passed.recovery.id, dossier: passed.dossier?.reference ?? null },
        });
      }
      return {
        result: await presentOne(ctx.tx, await load(ctx.tx, row.id)),
        audit: {
          entityType: 'inspection',
          entityId: row.id,
          organisationId: row.organisation_id,
          data: { reference: row.reference, action, from: row.state, to, ...data },
        },
      };
    },
  });
}

export const INSPECTION_TRANSITIONS = Object.fromEntries(
  INSPECTION_ACTION_NAMES.map((a) => [a, transitionCommand(a)]),
) as Record<InspectionAction, Command<typeof inspectionTransitionInput, InspectionView>>;

export const INSPECTION_COMMANDS: Command[] = [
  openInspection,
  // openInspectionFromRisk (from-risk.ts) is added in index.ts.
  ...Object.values(INSPECTION_TRANSITIONS),
] as Command[];

export async function listInspections(
  db: Queryable,
  actor: Actor,
  filter: { state?: InspectionState | undefined; organisationId?: string | undefined } = {},
): Promise<InspectionView[]> {
  assertCan(actor, 'inspection:handle');
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.state) where.push(`i.state = $${params.push(filter.state)}`);
  if (filter.organisationId) where.push(`i.organisation_id = $${params.push(filter.organisationId)}::uuid`);
  const { rows } = await db.query<Row>(
    `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY i.opened_on DESC, i.reference`,
    params,
  );
  return presentAll(db, rows);
}

export async function getInspection(db: Queryable, actor: Actor, id: string): Promise<InspectionDetail> {
  assertCan(actor, 'inspection:handle');
  const row = await load(db, id);
  const { rows } = await db.query<{
    action: string;
    from_state: string | null;
    to_state: string;
    note: string | null;
    actor_label: string;
    occurred_at: Date;
    data: Record<string, unknown>;
  }>(
    'SELECT action, from_state, to_state, note, actor_label, occurred_at, data FROM inspection_events WHERE inspection_id = $1 ORDER BY id',
    [id],
  );
  return {
    ...(await presentOne(db, row)),
    timeline: rows.map((e) => ({
      action: e.action,
      from: e.from_state,
      to: e.to_state,
      note: e.note,
      actor: e.actor_label,
      at: e.occurred_at.toISOString(),
      data: e.data,
    })),
  };
}

/** Counts per domain, state and outcome: what an analist may see. */
export async function inspectionCounts(
  db: Queryable,
  actor: Actor,
): Promise<{ domain: string; state: string; outcome: string | null; count: number }[]> {
  assertCan(actor, 'inspection:report');
  const { rows } = await db.query<{ domain: string; state: string; outcome: string | null; n: number }>(
    'SELECT domain, state, outcome, count(*)::int AS n FROM inspection_dossiers GROUP BY 1, 2, 3 ORDER BY 1, 2, 3',
  );
  return rows.map((r) => ({ domain: r.domain, state: r.state, outcome: r.outcome, count: r.n }));
}
