/**
 * Dossiers: apply for a measure, follow the timeline, move a dossier through its states, and the
 * lead times against the department's norms. Permissions and organisation scope are checked in the
 * commands and queries; a werkgever sees only its own organisations' dossiers.
 */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  ACTION_NAMES,
  applyForMeasure,
  getDossier,
  leadTimeReport,
  listDossiers,
  STATES,
  transitionCommandFor,
} from '../../dossiers/index.ts';
import { type AppEnv, requireUser, run } from '../../http/index.ts';
import { errorResponses } from '../errors.ts';
import { idParam, json, jsonBody, pageQuery, pageSchema, security } from '../util.ts';

const tags = ['Dossiers'];

const EligibilitySchema = z
  .object({
    eligible: z.boolean().nullable(),
    amount: z.number().nullable(),
    period: z.string().nullable(),
    reasons: z.array(z.string()),
    notModelled: z.array(z.string()),
    date: z.string(),
    calculatedAt: z.string(),
  })
  .openapi('DossierEligibility');

const DossierSchema = z
  .object({
    id: z.string(),
    reference: z.string().openapi({ example: 'DOS-2026-000001' }),
    measureId: z.string(),
    measureName: z.string(),
    organisationId: z.string().nullable(),
    organisationName: z.string().nullable(),
    personId: z.string().nullable(),
    channel: z.enum(['online', 'papier']),
    facts: z.record(z.string(), z.unknown()),
    date: z.string(),
    state: z.enum(STATES),
    stateLabel: z.string(),
    outcome: z.enum(['toegekend', 'geweigerd']).nullable(),
    withdrawal: z.enum(['ambtshalve', 'vrijwillig']).nullable(),
    handler: z.object({ id: z.string(), name: z.string() }).nullable(),
    eligibility: EligibilitySchema.nullable(),
    ruleset: z.object({ version: z.string(), hash: z.string() }).nullable(),
    paidCents: z.number().int(),
    recoveredCents: z.number().int(),
    receivedAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Dossier');

const DossierDetailSchema = DossierSchema.extend({
  timeline: z.array(
    z.object({
      id: z.number().int(),
      action: z.string(),
      actionLabel: z.string(),
      fromState: z.enum(STATES).nullable(),
      toState: z.enum(STATES),
      reason: z.string().nullable(),
      actor: z.string(),
      occurredAt: z.string(),
      data: z.record(z.string(), z.unknown()),
    }),
  ),
  payments: z.array(
    z.object({
      id: z.number().int(),
      kind: z.string(),
      amountCents: z.number().int(),
      occurredAt: z.string(),
    }),
  ),
  nextActions: z.array(
    z.object({
      action: z.enum(ACTION_NAMES as [string, ...string[]]),
      label: z.string(),
      destructive: z.boolean(),
      reasonRequired: z.boolean(),
      amount: z.boolean(),
    }),
  ),
}).openapi('DossierDetail');

const LeadTimeSchema = z
  .object({
    year: z.number().int(),
    norms: z.array(
      z.object({
        normId: z.string(),
        measureId: z.string(),
        measureName: z.string(),
        label: z.string(),
        target: z.number(),
        channel: z.enum(['online', 'papier']).nullable(),
        limit: z.object({ kind: z.string(), n: z.number() }),
        source: z.string(),
        year: z.number().int(),
        counted: z.number().int(),
        withinNorm: z.number().int(),
        achieved: z.number().nullable(),
        previous: z.number().nullable(),
        changePoints: z.number().nullable(),
        colour: z.enum(['donkergroen', 'lichtgroen', 'lichtoranje', 'donkeroranje']).nullable(),
        reported: z.record(z.string(), z.number()),
      }),
    ),
    legend: z.array(z.object({ colour: z.string(), label: z.string() })),
    legendSource: z.string(),
    notModelled: z.array(z.object({ rule: z.string(), source: z.string() })),
    inconsistencies: z.array(z.object({ what: z.string(), source: z.string() })),
  })
  .openapi('LeadTimeReport');

const ApplySchema = z
  .object({
    measureId: z.string().openapi({ example: 'aanwervingsincentive' }),
    organisationId: z.string().uuid().optional().nullable(),
    personId: z.string().uuid().optional().nullable(),
    channel: z.enum(['online', 'papier']).optional(),
    facts: z.record(z.string(), z.unknown()).optional(),
    date: z.string().optional().openapi({ description: 'Datum waarop de regels gelden (JJJJ-MM-DD).' }),
    receivedOn: z.string().optional().openapi({
      description: 'Ontvangstdatum van een later geregistreerde papieren aanvraag (dossierbehandelaar).',
    }),
    reason: z.string().optional().nullable(),
  })
  .openapi('DossierApplication');

const TransitionSchema = z
  .object({
    action: z.enum(ACTION_NAMES as [string, ...string[]]),
    reason: z.string().optional().nullable(),
    amount: z
      .union([z.number(), z.string()])
      .optional()
      .nullable()
      .openapi({ description: 'Bedrag in euro.' }),
    kind: z.enum(['voorschot', 'saldo', 'schijf', 'betaling']).optional().nullable(),
    handlerId: z.string().uuid().optional().nullable(),
    idempotencyKey: z.string().optional().nullable().openapi({
      description:
        'betalen: dezelfde sleutel is dezelfde betaling (één keer betaald); ook als header Idempotency-Key.',
    }),
    excessReason: z
      .string()
      .optional()
      .nullable()
      .openapi({ description: 'betalen: waarom boven het toegekende bedrag betaald wordt (dan verplicht).' }),
  })
  .openapi('DossierTransition');

export function registerDossierRoutes(api: OpenAPIHono<AppEnv>): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/dossiers',
      tags,
      security,
      summary: 'Dossiers, gepagineerd en gefilterd; een werkgever ziet enkel die van zijn organisaties.',
      request: {
        query: z.object({
          ...pageQuery,
          state: z.enum(STATES).optional(),
          measureId: z.string().max(80).optional(),
          organisationId: z.string().uuid().optional(),
          handler: z.string().max(40).optional().openapi({ description: "Gebruikers-id, 'mij' of 'geen'." }),
          open: z
            .enum(['true', 'false'])
            .optional()
            .openapi({ description: 'Enkel dossiers die niet afgesloten of ingetrokken zijn.' }),
          q: z.string().max(100).optional().openapi({ description: 'Zoekt in het referentienummer.' }),
        }),
      },
      responses: { 200: json(pageSchema(DossierSchema), 'Dossiers.'), ...errorResponses(400, 401, 403) },
    }),
    async (c) => {
      requireUser(c);
      const q = c.req.valid('query');
      return c.json(await listDossiers(c.var.deps.db, c.var.actor, { ...q, open: q.open === 'true' }), 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/dossiers',
      tags,
      security,
      summary: 'Een aanvraag indienen voor een maatregel; de regels worden meteen toegepast.',
      request: jsonBody(ApplySchema),
      responses: {
        201: json(DossierSchema, 'Ontvangen.'),
        ...errorResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      requireUser(c);
      return c.json(await run(c, applyForMeasure, await c.req.json()), 201);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/dossiers/lead-times',
      tags,
      security,
      summary: 'Doorlooptijden per norm van de boordtabel: behaald percentage, verschil in ppt en kleur.',
      request: {
        query: z.object({ year: z.coerce.number().int().min(2000).max(2200) }),
      },
      responses: { 200: json(LeadTimeSchema, 'Het rapport.'), ...errorResponses(400, 401, 403) },
    }),
    async (c) => {
      requireUser(c);
      return c.json(await leadTimeReport(c.var.deps.db, c.var.actor, c.req.valid('query')), 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/dossiers/{id}',
      tags,
      security,
      summary: 'Eén dossier met zijn tijdlijn, betalingen en de mogelijke volgende acties.',
      request: { params: idParam },
      responses: { 200: json(DossierDetailSchema, 'Het dossier.'), ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      requireUser(c);
      return c.json(await getDossier(c.var.deps.db, c.var.actor, c.req.valid('param').id), 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/dossiers/{id}/transitions',
      tags,
      security,
      summary: 'Een actie op een dossier (ontvankelijk verklaren, toekennen, betalen, intrekken, …).',
      request: { params: idParam, ...jsonBody(TransitionSchema) },
      responses: {
        200: json(DossierSchema, 'De nieuwe toestand.'),
        ...errorResponses(400, 401, 403, 404, 409),
      },
    }),
    async (c) => {
      requireUser(c);
      const { action, ...rest } = c.req.valid('json');
      const headerKey = c.req.header('idempotency-key');
      return c.json(
        await run(c, transitionCommandFor(action), {
          ...rest,
          ...(headerKey && !rest.idempotencyKey ? { idempotencyKey: headerKey } : {}),
          id: c.req.valid('param').id,
        }),
        200,
      );
    },
  );
}
