/**
 * What an organisation is recognised for and how much it may employ: recognitions (erkenningen)
 * per measure with their validity, contingents in FTE per quarter (every change kept: the table is
 * append-only and the current value is the latest row), and links between organisations (a
 * maatwerkafdeling belongs to a company; cooperation agreements).
 */
import { z } from 'zod';
import { type Actor, assertOrganisationAccess } from '../access/index.ts';
import { defineCommand } from '../commands/index.ts';
import type { Queryable } from '../db/index.ts';
import { isoDateSchema, NotFoundError, ValidationError } from '../domain/index.ts';
import { assertCan } from './access.ts';
import { measureExists, unknownMeasureMessage } from './measures.ts';
import type { ContingentView, OrganisationLinkView, RecognitionView } from './views.ts';

export type { ContingentView, OrganisationLinkView, RecognitionView };

async function assertOrganisation(tx: Queryable, id: string): Promise<void> {
  const { rows } = await tx.query('SELECT 1 FROM organisations WHERE id = $1', [id]);
  if (!rows[0]) throw new NotFoundError('Organisatie', id);
}

async function assertMeasure(measure: string): Promise<void> {
  if (!(await measureExists(measure))) throw ValidationError.field('measure', unknownMeasureMessage(measure));
}

// ---- recognitions ------------------------------------------------------------------------------

interface RecognitionRow {
  id: string;
  organisation_id: string;
  measure: string;
  reference: string | null;
  valid_from: string;
  valid_to: string | null;
  created_at: Date;
}

const presentRecognition = (r: RecognitionRow): RecognitionView => ({
  id: r.id,
  organisationId: r.organisation_id,
  measure: r.measure,
  reference: r.reference,
  validFrom: r.valid_from,
  validTo: r.valid_to,
  createdAt: r.created_at.toISOString(),
});

export const addRecognition = defineCommand({
  name: 'registry/add-recognition',
  summary: 'Legt een erkenning van een organisatie voor een maatregel vast, met haar geldigheid.',
  input: z.object({
    organisationId: z.uuid('geen geldige organisatie-id'),
    measure: z.string().trim().min(1, 'kies een maatregel'),
    reference: z.string().trim().max(100).optional().nullable(),
    validFrom: isoDateSchema,
    validTo: isoDateSchema.optional().nullable(),
  }),
  authorize: ({ actor }) => assertCan(actor, 'organisations:write'),
  async run({ tx }, input) {
    if (input.validTo && input.validTo < input.validFrom) {
      throw ValidationError.field('validTo', 'het einde van de geldigheid ligt voor het begin');
    }
    await assertOrganisation(tx, input.organisationId);
    await assertMeasure(input.measure);
    const { rows } = await tx.query<RecognitionRow>(
      `INSERT INTO recognitions (organisation_id, measure, reference, valid_from, valid_to) VALUES ($1, $2, $3, $4, $5)
       RETURNING id, organisation_id, measure, reference, valid_from, valid_to, created_at`,
      [input.organisationId, input.measure, input.reference ?? null, input.validFrom, input.validTo ?? null],
    );
    const view = presentRecognition(rows[0]!);
    return {
      result: view,
      audit: {
        entityType: 'recognition',
        entityId: view.id,
        organisationId: view.organisationId,
        data: { measure: view.measure, validFrom: view.validFrom, validTo: view.validTo },
      },
    };
  },
});

export async function listRecognitions(
  db: Queryable,
  actor: Actor,
  organisationId: string,
): Promise<RecognitionView[]> {
  assertCan(actor, 'organisations:read');
  assertOrganisationAccess(actor, organisationId);
  const { rows } = await db.query<RecognitionRow>(
    `SELECT id, organisation_id, measure, reference, valid_from, valid_to, created_at FROM recognitions
      WHERE organisation_id = $1 ORDER BY valid_from DESC, id`,
    [organisationId],
  );
  return rows.map(presentRecognition);
}

// ---- contingents -------------------------------------------------------------------------------

interface ContingentRow {
  organisation_id: string;
  measure: string;
  quarter: string;
  fte: string;
  reason: string | null;
  recorded_at: Date;
  recorded_by: string;
}

/** The largest contingent the register stores: column `contingents.fte numeric(10, 2)` (0010_registry.sql). */
export const MAX_CONTINGENT_FTE = 99_999_999.99;

export const setContingent = defineCommand({
  name: 'registry/set-contingent',
  summary: 'Legt het contingent in VTE van een organisatie vast voor een maatregel en een kwartaal.',
  input: z.object({
    organisationId: z.uuid('geen geldige organisatie-id'),
    measure: z.string().trim().min(1, 'kies een maatregel'),
    quarter: z.string().regex(/^\d{4}-Q[1-4]$/, 'een kwartaal schrijf je als JJJJ-Qn, bv. 2026-Q1'),
    fte: z.coerce
      .number({ error: 'VTE is een getal' })
      .min(0, 'een contingent is niet negatief')
      .max(MAX_CONTINGENT_FTE, `een contingent is hoogstens ${MAX_CONTINGENT_FTE} VTE`),
    reason: z.string().trim().max(500).optional().nullable(),
  }),
  authorize: ({ actor }) => assertCan(actor, 'organisations:write'),
  async run({ tx, actor }, input) {
    await assertOrganisation(tx, input.organisationId);
    await assertMeasure(input.measure);
    const { rows } = await tx.query<{ id: number }>(
      `INSERT INTO contingents (organisation_id, measure, quarter, fte, reason, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [input.organisationId, input.measure, input.quarter, input.fte, input.reason ?? null, actor.label],
    );
    const all = await contingentsOf(tx, input.organisationId);
    const view = all.find((c) => c.measure === input.measure && c.quarter === input.quarter)!;
    return {
      result: view,
      audit: {
        entityType: 'contingent',
        entityId: String(rows[0]!.id),
        organisationId: input.organisationId,
        data: { measure: input.measure, quarter: input.quarter, fte: input.fte },
      },
    };
  },
});

async function contingentsOf(db: Queryable, organisationId: string): Promise<ContingentView[]> {
  const { rows } = await db.query<ContingentRow>(
    `SELECT organisation_id, measure, quarter, fte, reason, recorded_at, recorded_by FROM contingents
      WHERE organisation_id = $1 ORDER BY quarter DESC, measure, id DESC`,
    [organisationId],
  );
  const out = new Map<string, ContingentView>();
  for (const r of rows) {
    const key = `${r.measure}|${r.quarter}`;
    const entry = {
      fte: Number(r.fte),
      reason: r.reason,
      recordedAt: r.recorded_at.toISOString(),
      recordedBy: r.recorded_by,
    };
    const current = out.get(key);
    if (current) current.history.push(entry);
    else
      out.set(key, {
        organisationId: r.organisation_id,
        measure: r.measure,
        quarter: r.quarter,
        ...entry,
        history: [],
      });
  }
  return [...out.values()];
}

export async function listContingents(
  db: Queryable,
  actor: Actor,
  organisationId: string,
): Promise<ContingentView[]> {
  assertCan(actor, 'organisations:read');
  assertOrganisationAccess(actor, organisationId);
  return contingentsOf(db, organisationId);
}

// ---- links between organisations ---------------------------------------------------------------

export const LINK_KINDS = {
  'afdeling-van': 'Maatwerkafdeling van',
  samenwerking: 'Samenwerkingsovereenkomst',
} as const;
export type LinkKind = keyof typeof LINK_KINDS;

interface LinkRow {
  id: string;
  kind: LinkKind;
  parent_id: string;
  parent_name: string;
  child_id: string;
  child_name: string;
  valid_from: string | null;
  valid_to: string | null;
  note: string | null;
}

const presentLink = (r: LinkRow): OrganisationLinkView => ({
  id: r.id,
  kind: r.kind,
  kindLabel: LINK_KINDS[r.kind],
  parent: { id: r.parent_id, name: r.parent_name },
  child: { id: r.child_id, name: r.child_name },
  validFrom: r.valid_from,
  validTo: r.valid_to,
  note: r.note,
});

const LINK_SELECT = `SELECT l.id, l.kind, l.parent_id, p.name AS parent_name, l.child_id, c.name AS child_name,
  l.valid_from, l.valid_to, l.note FROM organisation_links l JOIN organisations p ON p.id = l.parent_id
  JOIN organisations c ON c.id = l.child_id`;

export const linkOrganisations = defineCommand({
  name: 'registry/link-organisations',
  summary: 'Verbindt twee organisaties: een maatwerkafdeling met haar bedrijf, of een samenwerking.',
  input: z.object({
    parentId: z.uuid('geen geldige organisatie-id'),
    childId: z.uuid('geen geldige organisatie-id'),
    kind: z.enum(Object.keys(LINK_KINDS) as [LinkKind, ...LinkKind[]], {
      error: 'kies afdeling-van of samenwerking',
    }),
    validFrom: isoDateSchema.optional().nullable(),
    validTo: isoDateSchema.optional().nullable(),
    note: z.string().trim().max(500).optional().nullable(),
  }),
  authorize: ({ actor }) => assertCan(actor, 'organisations:write'),
  async run({ tx }, input) {
    if (input.parentId === input.childId)
      throw ValidationError.field('childId', 'een organisatie kan niet met zichzelf verbonden worden');
    await assertOrganisation(tx, input.parentId);
    await assertOrganisation(tx, input.childId);
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO organisation_links (parent_id, child_id, kind, valid_from, valid_to, note) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (parent_id, child_id, kind) DO UPDATE SET valid_from = EXCLUDED.valid_from,
         valid_to = EXCLUDED.valid_to, note = EXCLUDED.note RETURNING id`,
      [
        input.parentId,
        input.childId,
        input.kind,
        input.validFrom ?? null,
        input.validTo ?? null,
        input.note ?? null,
      ],
    );
    const link = (await tx.query<LinkRow>(`${LINK_SELECT} WHERE l.id = $1`, [rows[0]!.id])).rows[0]!;
    return {
      result: presentLink(link),
      audit: {
        entityType: 'organisation-link',
        entityId: link.id,
        organisationId: input.parentId,
        data: { kind: input.kind, childId: input.childId },
      },
    };
  },
});

export async function listOrganisationLinks(
  db: Queryable,
  actor: Actor,
  organisationId: string,
): Promise<OrganisationLinkView[]> {
  assertCan(actor, 'organisations:read');
  assertOrganisationAccess(actor, organisationId);
  const { rows } = await db.query<LinkRow>(
    `${LINK_SELECT} WHERE l.parent_id = $1 OR l.child_id = $1 ORDER BY l.kind, p.name, c.name`,
    [organisationId],
  );
  return rows.map(presentLink);
}

export const RECOGNITION_COMMANDS = [addRecognition, setContingent, linkOrganisations];
