/**
 * The registry beyond organisations: recognitions, contingents and links of an organisation,
 * persons, indications, placements, wage data, and the CSV/XLSX import. Every query and command
 * applies the actor's scope itself (a werkgever only sees its own organisations' data).
 */
import { Readable } from 'node:stream';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Actor } from '../../access/index.ts';
import type { Command } from '../../commands/index.ts';
import type { Db } from '../../db/index.ts';
import { ValidationError } from '../../domain/index.ts';
import { type AppEnv, requireUser, run, runValidated } from '../../http/index.ts';
import {
  addIndication,
  addRecognition,
  contingentViewSchema,
  createPerson,
  createPlacement,
  endPlacement,
  formatFromName,
  getOrganisation,
  getPerson,
  getPlacement,
  IMPORT_KINDS,
  importRegistry,
  importReportSchema,
  indicationViewSchema,
  linkOrganisations,
  listContingents,
  listIndications,
  listOrganisationLinks,
  listPersons,
  listPlacements,
  listRecognitions,
  listWageQuarters,
  organisationLinkViewSchema,
  personViewSchema,
  placementViewSchema,
  recognitionViewSchema,
  recordsOf,
  recordWageQuarter,
  setContingent,
  wageQuarterViewSchema,
} from '../../registry/index.ts';
import { errorResponses } from '../errors.ts';
import { getByIdRoute, idParam, json, jsonBody, pageQuery, pageSchema, security } from '../util.ts';

const tags = ['Register'];

const uuidQuery = z.uuid().optional();

/**
 * A part of an organisation's record (recognitions, contingents, links): GET lists it, POST adds
 * one through the module's command, with the organisation's id from the path as `param`.
 */
function organisationPart<V extends z.ZodType, S extends z.ZodObject>(
  api: OpenAPIHono<AppEnv>,
  p: {
    path: string;
    view: V;
    list: (db: Db, actor: Actor, organisationId: string) => Promise<z.infer<V>[]>;
    listSummary: string;
    command: Command<S, z.infer<V>>;
    param: keyof S['shape'] & string;
    addSummary: string;
  },
): void {
  const path = `/organisations/{id}/${p.path}`;
  const responses = (status: 200 | 201, description: string, ...errors: number[]) => ({
    [status]: json(status === 200 ? z.array(p.view) : p.view, description),
    ...errorResponses(...errors),
  });
  api.openapi(
    createRoute({
      method: 'get',
      path,
      tags,
      security,
      summary: p.listSummary,
      request: { params: idParam },
      responses: responses(200, 'De lijst.', 401, 403, 404),
    }),
    async (c) => {
      requireUser(c);
      return c.json(await p.list(c.var.deps.db, c.var.actor, c.req.valid('param').id), 200) as never;
    },
  );
  api.openapi(
    createRoute({
      method: 'post',
      path,
      tags,
      security,
      summary: p.addSummary,
      request: { params: idParam, ...jsonBody(p.command.input.omit({ [p.param]: true } as never)) },
      responses: responses(201, 'Vastgelegd.', 400, 401, 403, 404),
    }),
    async (c) => {
      requireUser(c);
      const body = { ...(c.req.valid('json') as object), [p.param]: c.req.valid('param').id } as z.output<S>;
      return c.json(await runValidated(c, p.command, body), 201) as never;
    },
  );
}

export function registerRegistryRoutes(api: OpenAPIHono<AppEnv>): void {
  // ---- per organisation ----------------------------------------------------------------------
  organisationPart(api, {
    path: 'recognitions',
    view: recognitionViewSchema,
    list: listRecognitions,
    listSummary: 'Erkenningen van een organisatie per maatregel.',
    command: addRecognition,
    param: 'organisationId',
    addSummary: 'Een erkenning vastleggen (maatregel uit de regelcatalogus, geldigheid).',
  });
  organisationPart(api, {
    path: 'contingents',
    view: contingentViewSchema,
    list: listContingents,
    listSummary: 'Contingenten in VTE per maatregel en kwartaal, met hun geschiedenis.',
    command: setContingent,
    param: 'organisationId',
    addSummary: 'Een contingent vastleggen of wijzigen (de vorige waarde blijft in de geschiedenis).',
  });
  organisationPart(api, {
    path: 'links',
    view: organisationLinkViewSchema,
    list: listOrganisationLinks,
    listSummary: 'Verbanden met andere organisaties (maatwerkafdeling van, samenwerking).',
    command: linkOrganisations,
    param: 'parentId',
    addSummary: 'Deze organisatie (ouder) verbinden met een andere (kind).',
  });
  api.openapi(
    createRoute({
      method: 'get',
      path: '/organisations/{id}/placements',
      tags,
      security,
      summary: 'Plaatsingen bij een organisatie.',
      request: { params: idParam, query: z.object({ ...pageQuery }) },
      responses: {
        200: json(pageSchema(placementViewSchema), 'Plaatsingen.'),
        ...errorResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      requireUser(c);
      const id = c.req.valid('param').id;
      await getOrganisation(c.var.deps.db, c.var.actor, id);
      return c.json(
        await listPlacements(c.var.deps.db, c.var.actor, { ...c.req.valid('query'), organisationId: id }),
        200,
      );
    },
  );

  // ---- persons -------------------------------------------------------------------------------
  api.openapi(
    createRoute({
      method: 'get',
      path: '/persons',
      tags,
      security,
      summary: 'Personen; analisten zien enkel het pseudoniem, een werkgever enkel wie bij hem geplaatst is.',
      request: {
        query: z.object({
          ...pageQuery,
          q: z.string().max(200).optional().openapi({ description: 'INSZ, naam of pseudoniem.' }),
          organisationId: uuidQuery,
        }),
      },
      responses: { 200: json(pageSchema(personViewSchema), 'Personen.'), ...errorResponses(400, 401, 403) },
    }),
    async (c) => {
      requireUser(c);
      return c.json(await listPersons(c.var.deps.db, c.var.actor, c.req.valid('query')), 200);
    },
  );
  api.openapi(
    createRoute({
      method: 'post',
      path: '/persons',
      tags,
      security,
      summary: 'Een persoon registreren (INSZ met controlegetal; geboortedatum afgeleid).',
      request: jsonBody(createPerson.input),
      responses: { 201: json(personViewSchema, 'Geregistreerd.'), ...errorResponses(400, 401, 403, 409) },
    }),
    async (c) => {
      requireUser(c);
      return c.json(await runValidated(c, createPerson, c.req.valid('json')), 201);
    },
  );
  getByIdRoute(
    api,
    {
      path: '/persons/{id}',
      tags,
      summary: 'Eén persoon.',
      schema: personViewSchema,
      description: 'De persoon.',
    },
    async (c, id) => getPerson(c.var.deps.db, c.var.actor, id),
  );

  // ---- indications ---------------------------------------------------------------------------
  api.openapi(
    createRoute({
      method: 'get',
      path: '/indications',
      tags,
      security,
      summary: 'VDAB-indiceringen.',
      request: {
        query: z.object({
          ...pageQuery,
          personId: uuidQuery,
          ticketType: z.string().max(50).optional(),
          ladderRung: z.coerce.number().int().min(1).max(6).optional(),
        }),
      },
      responses: {
        200: json(pageSchema(indicationViewSchema), 'Indiceringen.'),
        ...errorResponses(400, 401, 403),
      },
    }),
    async (c) => {
      requireUser(c);
      return c.json(await listIndications(c.var.deps.db, c.var.actor, c.req.valid('query')), 200);
    },
  );
  api.openapi(
    createRoute({
      method: 'post',
      path: '/indications',
      tags,
      security,
      summary:
        'Een indicering vastleggen (trede, doelgroep, productiviteitsverlies, begeleidingsnood, ticket).',
      request: jsonBody(addIndication.input),
      responses: {
        201: json(indicationViewSchema, 'Vastgelegd.'),
        ...errorResponses(400, 401, 403, 404, 409),
      },
    }),
    async (c) => {
      requireUser(c);
      return c.json(await runValidated(c, addIndication, c.req.valid('json')), 201);
    },
  );

  // ---- placements ----------------------------------------------------------------------------
  api.openapi(
    createRoute({
      method: 'get',
      path: '/placements',
      tags,
      security,
      summary: 'Plaatsingen; een werkgever ziet enkel die bij zijn organisaties.',
      request: {
        query: z.object({
          ...pageQuery,
          organisationId: uuidQuery,
          personId: uuidQuery,
          measure: z.string().max(100).optional(),
          activeOn: z.iso.date().optional().openapi({ description: 'Enkel lopend op deze datum.' }),
        }),
      },
      responses: {
        200: json(pageSchema(placementViewSchema), 'Plaatsingen.'),
        ...errorResponses(400, 401, 403),
      },
    }),
    async (c) => {
      requireUser(c);
      return c.json(await listPlacements(c.var.deps.db, c.var.actor, c.req.valid('query')), 200);
    },
  );
  api.openapi(
    createRoute({
      method: 'post',
      path: '/placements',
      tags,
      security,
      summary: 'Een plaatsing registreren; geen overlap in dezelfde maatregel, samen hoogstens 1 VTE.',
      request: jsonBody(createPlacement.input),
      responses: { 201: json(placementViewSchema, 'Geregistreerd.'), ...errorResponses(400, 401, 403, 422) },
    }),
    async (c) => {
      requireUser(c);
      return c.json(await runValidated(c, createPlacement, c.req.valid('json')), 201);
    },
  );
  getByIdRoute(
    api,
    {
      path: '/placements/{id}',
      tags,
      summary: 'Eén plaatsing.',
      schema: placementViewSchema,
      description: 'De plaatsing.',
    },
    async (c, id) => getPlacement(c.var.deps.db, c.var.actor, id),
  );
  api.openapi(
    createRoute({
      method: 'patch',
      path: '/placements/{id}',
      tags,
      security,
      summary: 'De einddatum van een plaatsing zetten (null = lopend).',
      request: { params: idParam, ...jsonBody(endPlacement.input.omit({ id: true })) },
      responses: { 200: json(placementViewSchema, 'Gewijzigd.'), ...errorResponses(400, 401, 403, 404, 422) },
    }),
    async (c) => {
      requireUser(c);
      const body = { ...c.req.valid('json'), id: c.req.valid('param').id };
      return c.json(await runValidated(c, endPlacement, body), 200);
    },
  );

  // ---- wage data -----------------------------------------------------------------------------
  api.openapi(
    createRoute({
      method: 'get',
      path: '/wages',
      tags,
      security,
      summary: 'Loongegevens per plaatsing en kwartaal (DmfA: brutoloon in eurocent, dagen, VTE).',
      request: {
        query: z.object({
          ...pageQuery,
          placementId: uuidQuery,
          organisationId: uuidQuery,
          quarter: z
            .string()
            .regex(/^\d{4}-Q[1-4]$/)
            .optional(),
        }),
      },
      responses: {
        200: json(pageSchema(wageQuarterViewSchema), 'Loongegevens.'),
        ...errorResponses(400, 401, 403),
      },
    }),
    async (c) => {
      requireUser(c);
      return c.json(await listWageQuarters(c.var.deps.db, c.var.actor, c.req.valid('query')), 200);
    },
  );
  api.openapi(
    createRoute({
      method: 'post',
      path: '/wages',
      tags,
      security,
      summary: 'Loongegevens van een kwartaal vastleggen of vervangen.',
      request: jsonBody(recordWageQuarter.input),
      responses: { 201: json(wageQuarterViewSchema, 'Vastgelegd.'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      requireUser(c);
      return c.json(await runValidated(c, recordWageQuarter, c.req.valid('json')), 201);
    },
  );

  // ---- import --------------------------------------------------------------------------------
  api.openapi(
    createRoute({
      method: 'post',
      path: '/registry/imports/{kind}',
      tags,
      security,
      summary:
        'Een CSV- of XLSX-bestand inlezen (multipart, veld `file`): alles of niets; bij fouten 400 met elke foute rij in `details` (`line N, column C`).',
      request: {
        params: z.object({ kind: z.enum(IMPORT_KINDS).openapi({ param: { name: 'kind', in: 'path' } }) }),
        body: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: z.object({ file: z.any().openapi({ type: 'string', format: 'binary' }) }),
            },
          },
        },
      },
      responses: { 200: json(importReportSchema, 'Ingelezen.'), ...errorResponses(400, 401, 403, 413) },
    }),
    async (c) => {
      requireUser(c);
      const file = c.req.valid('form').file as unknown;
      if (!(file instanceof File)) throw ValidationError.field('file', 'voeg een bestand toe (veld file)');
      const format = formatFromName(file.name);
      if (!format) throw ValidationError.field('file', 'het bestand moet eindigen op .csv of .xlsx');
      const stream = Readable.fromWeb(file.stream() as never);
      const report = await run(c, importRegistry, {
        kind: c.req.valid('param').kind,
        fileName: file.name,
        records: recordsOf(format, stream),
      });
      return c.json(report, 200);
    },
  );
}
