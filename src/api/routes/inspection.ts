import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/index.ts';
import { requireUser, runValidated } from '../../http/index.ts';
import {
  getInspection,
  INSPECTION_ACTION_NAMES,
  INSPECTION_TRANSITIONS,
  type InspectionAction,
  inspectionReport,
  inspectionTransitionInput,
  listInspections,
  openInspection,
  openInspectionFromRisk,
  riskCounts,
  riskHits,
} from '../../inspection/index.ts';
import { errorResponses } from '../errors.ts';
import { json, jsonBody, security } from '../util.ts';

export function registerInspectionRoutes(api: OpenAPIHono<AppEnv>): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/inspection/report',
      tags: ['Inspectie'],
      security,
      summary:
        'De VSI-jaartabel per domein (dossiers, PJ, voorgestelde terugvorderingen) uit de inspectiedossiers, met de referentiecijfers 2021-2022 en hun controle, antidiscriminatie en de doorlooptijd van boetes.',
      request: { query: z.object({ year: z.coerce.number().int().min(2000).max(2100) }) },
      responses: {
        200: json(z.record(z.string(), z.unknown()).openapi('InspectionReport'), 'Het rapport.'),
        ...errorResponses(400, 401, 403),
      },
    }),
    async (c) => {
      requireUser(c);
      const report = await inspectionReport(c.var.deps.db, c.var.actor, c.req.valid('query').year);
      return c.json(report as unknown as Record<string, unknown>, 200);
    },
  );

  const open = z.record(z.string(), z.unknown());
  api.openapi(
    createRoute({
      method: 'get',
      path: '/inspection/risks',
      tags: ['Inspectie'],
      security,
      summary:
        'Risicolijst (knipperlichten): [{ rule, organisation, person (pseudoniem), reason, records }].',
      request: {
        query: z.object({ rule: z.string().max(80).optional(), asOf: z.string().max(10).optional() }),
      },
      responses: {
        200: json(z.array(open).openapi('RiskHits'), 'De treffers.'),
        ...errorResponses(400, 401, 403),
      },
    }),
    async (c) => {
      requireUser(c);
      const hits = await riskHits(c.var.deps.db, c.var.actor, c.req.valid('query'));
      return c.json(
        hits.map((h) => ({
          rule: h.rule,
          organisation: h.organisation,
          person: h.person,
          personId: h.personId ?? null,
          reason: h.reason,
          records: h.records,
        })),
        200,
      );
    },
  );
  api.openapi(
    createRoute({
      method: 'get',
      path: '/inspection/risks/counts',
      tags: ['Inspectie'],
      security,
      summary: 'Aantal treffers per risicoregel (ook voor analisten).',
      request: { query: z.object({ asOf: z.string().max(10).optional() }) },
      responses: {
        200: json(z.array(open).openapi('RiskCounts'), 'Aantallen.'),
        ...errorResponses(401, 403),
      },
    }),
    async (c) => {
      requireUser(c);
      return c.json(await riskCounts(c.var.deps.db, c.var.actor, c.req.valid('query').asOf), 200);
    },
  );
  api.openapi(
    createRoute({
      method: 'get',
      path: '/inspection/dossiers',
      tags: ['Inspectie'],
      security,
      summary: 'Inspectiedossiers (inspecteur).',
      responses: {
        200: json(z.array(open).openapi('InspectionList'), 'Dossiers.'),
        ...errorResponses(401, 403),
      },
    }),
    async (c) => {
      requireUser(c);
      return c.json(
        (await listInspections(c.var.deps.db, c.var.actor)) as unknown as Record<string, unknown>[],
        200,
      );
    },
  );
  api.openapi(
    createRoute({
      method: 'get',
      path: '/inspection/dossiers/{id}',
      tags: ['Inspectie'],
      security,
      summary: 'Eén inspectiedossier met tijdlijn.',
      request: { params: z.object({ id: z.string() }) },
      responses: {
        200: json(open.openapi('InspectionDetail'), 'Dossier.'),
        ...errorResponses(401, 403, 404),
      },
    }),
    async (c) => {
      requireUser(c);
      const d = await getInspection(c.var.deps.db, c.var.actor, c.req.valid('param').id);
      return c.json(d as unknown as Record<string, unknown>, 200);
    },
  );
  api.openapi(
    createRoute({
      method: 'post',
      path: '/inspection/dossiers',
      tags: ['Inspectie'],
      security,
      summary: openInspection.summary,
      request: { body: { content: { 'application/json': { schema: openInspection.input } } } },
      responses: {
        201: json(open.openapi('InspectionView'), 'Geopend.'),
        ...errorResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      requireUser(c);
      const v = await runValidated(c, openInspection, c.req.valid('json'));
      return c.json(v as unknown as Record<string, unknown>, 201);
    },
  );
  api.openapi(
    createRoute({
      method: 'post',
      path: '/inspection/dossiers/{id}/transitions',
      tags: ['Inspectie'],
      security,
      summary: 'Voert een actie van de toestandstabel uit (plannen, uitvoeren, vaststellen, afsluiten).',
      request: {
        params: z.object({ id: z.string() }),
        body: {
          required: true,
          content: {
            'application/json': {
              schema: inspectionTransitionInput.omit({ id: true }).extend({
                action: z.enum(INSPECTION_ACTION_NAMES as [InspectionAction, ...InspectionAction[]]),
              }),
            },
          },
        },
      },
      responses: {
        200: json(open.openapi('InspectionTransition'), 'Nieuwe toestand.'),
        ...errorResponses(400, 401, 403, 404, 409),
      },
    }),
    async (c) => {
      requireUser(c);
      const { action, ...rest } = c.req.valid('json');
      const v = await runValidated(c, INSPECTION_TRANSITIONS[action], {
        ...rest,
        id: c.req.valid('param').id,
      });
      return c.json(v as unknown as Record<string, unknown>, 200);
    },
  );
  api.openapi(
    createRoute({
      method: 'post',
      path: '/inspection/risks/open',
      tags: ['Inspectie'],
      security,
      summary: openInspectionFromRisk.summary,
      request: jsonBody(openInspectionFromRisk.input),
      responses: {
        201: json(open.openapi('InspectionFromRisk'), 'Geopend.'),
        ...errorResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      requireUser(c);
      const v = await runValidated(c, openInspectionFromRisk, c.req.valid('json'));
      return c.json(v as unknown as Record<string, unknown>, 201);
    },
  );
}
