/**
 * VDAB indicering of a person: the rung on the participatieladder (1-6, seeds/004_694cfc149f605398.txt
 * L429-452), target group, loss of productivity (%), need for guidance, ticket type and validity.
 */
import { z } from 'zod';
import type { Actor } from '../access/index.ts';
import { defineCommand } from '../commands/index.ts';
import {
  Conditions,
  limitOffset,
  orderBy,
  type Page,
  type PageRequest,
  type Queryable,
} from '../db/index.ts';
import { ConflictError, inszSchema, isoDateSchema } from '../domain/index.ts';
import { assertCan, assertCanReadRegistry, organisationScope, seesIdentity } from './access.ts';
import { auditIdentityRead } from './identity-audit.ts';
import { personIdFor } from './persons.ts';
import type { IndicationView } from './views.ts';

export type { IndicationView };

/** Tickets named in the seeds (seeds/004, notes seed-004b: ticket AZ, AAZ, niet-toeleidbaar, SW/BW). */
export const TICKET_TYPES = {
  maatwerk: 'Maatwerkticket (SW/BW)',
  az: 'Ticket arbeidszorg (AZ)',
  aaz: 'Ticket activering arbeidszorg (AAZ)',
  'niet-toeleidbaar': 'Niet-toeleidbaar (AMA)',
  andere: 'Andere',
} as const;
export type TicketType = keyof typeof TICKET_TYPES;

interface IndicationRow {
  id: string;
  person_id: string;
  pseudonym: string;
  insz: string;
  indicated_on: string;
  ladder_rung: number | null;
  target_group: string | null;
  productivity_loss: string | null;
  guidance_need: string | null;
  ticket_type: TicketType | null;
  valid_from: string;
  valid_to: string | null;
}

const SELECT = `SELECT i.id, i.person_id, pe.pseudonym, pe.insz, i.indicated_on, i.ladder_rung, i.target_group,
  i.productivity_loss, i.guidance_need, i.ticket_type, i.valid_from, i.valid_to
  FROM indications i JOIN persons pe ON pe.id = i.person_id`;

const present = (r: IndicationRow, actor: Actor): IndicationView => ({
  id: r.id,
  person: { id: r.person_id, pseudonym: r.pseudonym, insz: seesIdentity(actor) ? r.insz : null },
  indicatedOn: r.indicated_on,
  ladderRung: r.ladder_rung,
  targetGroup: r.target_group,
  productivityLoss: r.productivity_loss === null ? null : Number(r.productivity_loss),
  guidanceNeed: r.guidance_need,
  ticketType: r.ticket_type,
  validFrom: r.valid_from,
  validTo: r.valid_to,
});

export const addIndication = defineCommand({
  name: 'registry/add-indication',
  summary:
    'Legt een VDAB-indicering van een persoon vast (trede, doelgroep, productiviteitsverlies, ticket).',
  input: z
    .object({
      personId: z.uuid('geen geldige persoon-id').optional(),
      insz: inszSchema.optional(),
      indicatedOn: isoDateSchema,
      ladderRung: z.coerce
        .number()
        .int()
        .min(1, 'de participatieladder telt treden 1 tot 6')
        .max(6, 'de participatieladder telt treden 1 tot 6')
        .optional()
        .nullable(),
      targetGroup: z.string().trim().max(100).optional().nullable(),
      productivityLoss: z.coerce
        .number()
        .min(0, 'een percentage tussen 0 en 100')
        .max(100, 'een percentage tussen 0 en 100')
        .optional()
        .nullable(),
      guidanceNeed: z.string().trim().max(100).optional().nullable(),
      ticketType: z
        .enum(Object.keys(TICKET_TYPES) as [TicketType, ...TicketType[]], {
          error: `kies een ticket uit: ${Object.keys(TICKET_TYPES).join(', ')}`,
        })
        .optional()
        .nullable(),
      validFrom: isoDateSchema.optional(),
      validTo: isoDateSchema.optional().nullable(),
    })
    .refine((i) => i.personId || i.insz, { path: ['insz'], message: 'geef een persoon (INSZ of id)' }),
  authorize: ({ actor }) => assertCan(actor, 'registry:write'),
  async run({ tx, actor }, input) {
    const personId = await personIdFor(tx, {
      personId: input.personId ?? null,
      insz: input.insz?.insz ?? null,
    });
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO indications (person_id, indicated_on, ladder_rung, target_group, productivity_loss, guidance_need,
         ticket_type, valid_from, valid_to) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (person_id, indicated_on) DO NOTHING RETURNING id`,
      [
        personId,
        input.indicatedOn,
        input.ladderRung ?? null,
        input.targetGroup ?? null,
        input.productivityLoss ?? null,
        input.guidanceNeed ?? null,
        input.ticketType ?? null,
        input.validFrom ?? input.indicatedOn,
        input.validTo ?? null,
      ],
    );
    if (!rows[0])
      throw new ConflictError('indication_exists', 'Deze persoon heeft al een indicering op die datum.');
    const view = present(
      (await tx.query<IndicationRow>(`${SELECT} WHERE i.id = $1`, [rows[0].id])).rows[0]!,
      actor,
    );
    return {
      result: view,
      audit: {
        entityType: 'indication',
        entityId: view.id,
        data: { person: view.person.pseudonym, indicatedOn: view.indicatedOn },
      },
    };
  },
});

export interface IndicationFilter extends PageRequest {
  personId?: string | undefined;
  ticketType?: string | undefined;
  ladderRung?: number | undefined;
}

export async function listIndications(
  db: Queryable,
  actor: Actor,
  filter: IndicationFilter,
): Promise<Page<IndicationView>> {
  assertCanReadRegistry(actor);
  const cond = new Conditions();
  const scope = organisationScope(actor);
  if (scope)
    cond.add(
      scope,
      (p) =>
        `EXISTS (SELECT 1 FROM placements sp WHERE sp.person_id = i.person_id AND sp.organisation_id = ANY(${p}::uuid[]))`,
    );
  cond.equal([
    ['i.person_id', filter.personId],
    ['i.ticket_type', filter.ticketType],
    ['i.ladder_rung', filter.ladderRung],
  ]);
  const { where: whereSql, params } = cond;
  const { limit, offset } = limitOffset(filter);
  const order = orderBy(
    filter.sort,
    { datum: 'i.indicated_on', trede: 'i.ladder_rung' },
    'i.indicated_on DESC',
    'i.id',
  );
  const [items, count] = await Promise.all([
    db.query<IndicationRow>(`${SELECT} ${whereSql} ${order} LIMIT ${limit} OFFSET ${offset}`, params),
    db.query<{ n: number }>(`SELECT count(*)::int AS n FROM indications i ${whereSql}`, params),
  ]);
  await auditIdentityRead(
    db,
    actor,
    'indications/list',
    items.rows.map((r) => ({ id: r.person_id, pseudonym: r.pseudonym })),
  );
  return {
    items: items.rows.map((r) => present(r, actor)),
    page: filter.page,
    pageSize: filter.pageSize,
    total: count.rows[0]?.n ?? 0,
  };
}

export const INDICATION_COMMANDS = [addIndication];
