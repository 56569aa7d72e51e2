/**
 * Changes by a beheerder: commands that append to plan_events (migration 0060) with an audit event
 * in the same transaction. The effective plan is the reference plan with these events applied in
 * order; the reference data themselves never change.
 */
import { z } from 'zod';
import { assertCan } from '../access/index.ts';
import { defineCommand } from '../commands/index.ts';
import type { Queryable, Tx } from '../db/index.ts';
import { NotFoundError, ValidationError } from '../domain/index.ts';
import { referencePlan } from './load.ts';
import { type MilestoneView, statusLabelSchema } from './schema.ts';
import { parseTiming } from './timing.ts';

interface EventRow {
  id: string | number;
  milestone_id: string;
  kind: 'add' | 'status' | 'timing';
  data: Record<string, unknown>;
  reason: string;
  actor_label: string;
  occurred_at: Date | string;
}

export interface EffectivePlan {
  milestones: MilestoneView[];
  byId: Map<string, MilestoneView>;
}

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());

/** The reference plan with every recorded change applied. */
export async function effectivePlan(db: Queryable): Promise<EffectivePlan> {
  const ref = referencePlan();
  const { rows } = await db.query<EventRow>(
    'SELECT id, milestone_id, kind, data, reason, actor_label, occurred_at FROM plan_events ORDER BY id',
  );
  const byId = new Map(ref.milestones.map((m) => [m.id, m]));
  const changed = new Map<string, MilestoneView>();
  const year = ref.data.plan.year;
  for (const e of rows) {
    const data = typeof e.data === 'string' ? (JSON.parse(e.data) as Record<string, unknown>) : e.data;
    const change = { kind: e.kind, reason: e.reason, actor: e.actor_label, at: iso(e.occurred_at) };
    if (e.kind === 'add') {
      const d = data as {
        project: string;
        title: string;
        level: number;
        parent: string | null;
        timing: string | null;
      };
      const m: MilestoneView = {
        id: e.milestone_id,
        project: d.project,
        table: '2023',
        bijkomend: false,
        level: d.level,
        parent: d.parent,
        container: false,
        group: [],
        title: d.title,
        status: null,
        timing: d.timing ? parseTiming(d.timing, year) : null,
        source: `trede:plan_events/${e.id}`,
        statusSource: null,
        timingSource: null,
        footnote: null,
        crossRef: [],
        tags: [],
        measures: [],
        sameAs: [],
        printedInSectionOf: null,
        notes: ['toegevoegd in Trede'],
        changes: [change],
      };
      byId.set(m.id, m);
      changed.set(m.id, m);
      continue;
    }
    const base = changed.get(e.milestone_id) ?? byId.get(e.milestone_id);
    if (!base) continue;
    const next: MilestoneView = { ...base, changes: [...base.changes, change] };
    if (e.kind === 'status') {
      const d = data as { status: z.infer<typeof statusLabelSchema>; asterisk: boolean };
      next.status = {
        label: d.status,
        asterisk: d.asterisk,
        meaning: d.asterisk ? ref.data.asterisk.meaning : null,
      };
      next.statusSource = `trede:plan_events/${e.id}`;
    } else {
      next.timing = parseTiming(String(data.timing), year);
      next.timingSource = `trede:plan_events/${e.id}`;
    }
    byId.set(next.id, next);
    changed.set(next.id, next);
  }
  const order = [...byId.values()];
  return { milestones: order, byId };
}

async function append(
  tx: Tx,
  ctx: { actor: { label: string }; now: Date },
  e: { milestoneId: string; kind: EventRow['kind']; data: object; reason: string },
): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO plan_events (milestone_id, kind, data, reason, actor_label, occurred_at)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [e.milestoneId, e.kind, JSON.stringify(e.data), e.reason, ctx.actor.label, ctx.now],
  );
  return String(rows[0]!.id);
}

async function existing(tx: Tx, id: string): Promise<MilestoneView> {
  const m = (await effectivePlan(tx)).byId.get(id);
  if (!m) throw new NotFoundError('Mijlpaal', id);
  if (m.container)
    throw new ValidationError([{ path: 'id', message: `${id} is een kop zonder eigen status of timing` }]);
  return m;
}

const reason = z.string().trim().min(3, 'geef een reden (minstens 3 tekens)').max(2000);
const timingText = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .superRefine((t, c) => {
    try {
      parseTiming(t, referencePlan().data.plan.year);
    } catch (e) {
      c.addIssue({ code: 'custom', message: (e as ValidationError).issues?.[0]?.message ?? String(e) });
    }
  });

export const setMilestoneStatus = defineCommand({
  name: 'plans/set-status',
  summary: 'Wijzigt de status van een mijlpaal van het ondernemingsplan, met een reden.',
  input: z.object({
    id: z
      .string()
      .trim()
      .regex(/^M\d{4}$/, 'een mijlpaal-id zoals M0333'),
    status: statusLabelSchema,
    asterisk: z.boolean().default(false),
    reason,
  }),
  async authorize({ tx, actor }, input) {
    assertCan(actor, 'plans:manage');
    await existing(tx, input.id);
  },
  async run(ctx, input) {
    const before = await existing(ctx.tx, input.id);
    const eventId = await append(ctx.tx, ctx, {
      milestoneId: input.id,
      kind: 'status',
      data: { status: input.status, asterisk: input.asterisk },
      reason: input.reason,
    });
    const after = (await effectivePlan(ctx.tx)).byId.get(input.id)!;
    return {
      result: after,
      audit: {
        entityType: 'plan-milestone',
        entityId: input.id,
        data: { event: eventId, from: before.status, to: after.status, reason: input.reason },
      },
    };
  },
});

export const moveMilestoneTiming = defineCommand({
  name: 'plans/move-timing',
  summary: 'Verplaatst de timing van een mijlpaal (bv. naar 2023/Q4), met een reden.',
  input: z.object({
    id: z
      .string()
      .trim()
      .regex(/^M\d{4}$/, 'een mijlpaal-id zoals M0333'),
    timing: timingText,
    reason,
  }),
  async authorize({ tx, actor }, input) {
    assertCan(actor, 'plans:manage');
    await existing(tx, input.id);
  },
  async run(ctx, input) {
    const before = await existing(ctx.tx, input.id);
    const eventId = await append(ctx.tx, ctx, {
      milestoneId: input.id,
      kind: 'timing',
      data: { timing: input.timing },
      reason: input.reason,
    });
    const after = (await effectivePlan(ctx.tx)).byId.get(input.id)!;
    return {
      result: after,
      audit: {
        entityType: 'plan-milestone',
        entityId: input.id,
        data: { event: eventId, from: before.timing?.text ?? null, to: input.timing, reason: input.reason },
      },
    };
  },
});

export const addMilestone = defineCommand({
  name: 'plans/add-milestone',
  summary: 'Voegt een mijlpaal toe aan een project van het ondernemingsplan.',
  input: z.object({
    project: z.string().trim().min(1),
    title: z.string().trim().min(3).max(500),
    level: z.number().int().min(1).max(3).default(1),
    parent: z
      .string()
      .trim()
      .regex(/^M\d{4}$/)
      .optional()
      .nullable(),
    timing: timingText.optional().nullable(),
    reason,
  }),
  async authorize({ tx, actor }, input) {
    assertCan(actor, 'plans:manage');
    if (!referencePlan().data.projects.some((p) => p.id === input.project))
      throw new NotFoundError('Project', input.project);
    if (input.parent) {
      const p = (await effectivePlan(tx)).byId.get(input.parent);
      if (!p) throw new NotFoundError('Mijlpaal', input.parent);
      if (p.project !== input.project)
        throw new ValidationError([{ path: 'parent', message: `${input.parent} hoort bij ${p.project}` }]);
    }
  },
  async run(ctx, input) {
    const plan = await effectivePlan(ctx.tx);
    const next = Math.max(...[...plan.byId.keys()].map((id) => Number(id.slice(1)))) + 1;
    const id = `M${String(next).padStart(4, '0')}`;
    const data = {
      project: input.project,
      title: input.title,
      level: input.level,
      parent: input.parent ?? null,
      timing: input.timing ?? null,
    };
    const eventId = await append(ctx.tx, ctx, { milestoneId: id, kind: 'add', data, reason: input.reason });
    const after = (await effectivePlan(ctx.tx)).byId.get(id)!;
    return {
      result: after,
      audit: {
        entityType: 'plan-milestone',
        entityId: id,
        data: { event: eventId, ...data, reason: input.reason },
      },
    };
  },
});

export const PLAN_COMMANDS = [setMilestoneStatus, moveMilestoneTiming, addMilestone];
