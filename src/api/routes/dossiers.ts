/**
 * Dossiers: apply for a measure, follow the timeline, move a dossier through its states, and the
 * lead times against the department's norms. Permissions and organisation scope are checked in the
 * commands and queries; a werkgever sees only its own organisations' dossiers.
 */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { parseInput } from '../../commands/index.ts';
import {
  ACTION_NAMES,
  applyForMeasure,
  dossierDetailSchema,
  dossierViewSchema,
  getDossier,
  leadTimeReport,
  leadTimeReportSchema,
  listDossiers,
  STATES,
  transitionCommandFor,
  transitionInput,
} from '../../dossiers/index.ts';
import { type AppEnv, requireUser, runValidated } from '../../http/index.ts';
import { errorResponses } from '../errors.ts';
import { getByIdRoute, idParam, json, jsonBody, pageQuery, pageSchema, security } from '../util.ts';

const tags = ['Dossiers'];

const DossierSchema = dossierViewSchema;

/** The body of a transition: the command's input without the id (it is in the path), plus the action. */
const TransitionSchema = transitionInput
  .omit({ id: true })
  .extend({ action: z.enum(ACTION_NAMES) })
  .meta({ id: 'DossierTransition' });

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
      request: jsonBody(applyForMeasure.input.meta({ id: 'DossierApplication' })),
      responses: {
        201: json(DossierSchema, 'Ontvangen.'),
        ...errorResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      requireUser(c);
      return c.json(await runValidated(c, applyForMeasure, c.req.valid('json')), 201);
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
      responses: { 200: json(leadTimeReportSchema, 'Het rapport.'), ...errorResponses(400, 401, 403) },
    }),
    async (c) => {
      requireUser(c);
      return c.json(await leadTimeReport(c.var.deps.db, c.var.actor, c.req.valid('query')), 200);
    },
  );

  getByIdRoute(
    api,
    {
      path: '/dossiers/{id}',
      tags,
      summary: 'Eén dossier met zijn tijdlijn, betalingen en de mogelijke volgende acties.',
      schema: dossierDetailSchema,
      description: 'Het dossier.',
    },
    async (c, id) => getDossier(c.var.deps.db, c.var.actor, id),
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
      // The idempotency key of a payment may also come as the Idempotency-Key header.
      const header = c.req.header('idempotency-key');
      const idempotencyKey =
        rest.idempotencyKey ?? (header ? parseInput(transitionInput.shape.idempotencyKey, header) : null);
      return c.json(
        await runValidated(c, transitionCommandFor(action), {
          ...rest,
          idempotencyKey,
          id: c.req.valid('param').id,
        }),
        200,
      );
    },
  );
}
