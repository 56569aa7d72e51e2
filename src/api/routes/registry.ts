/**
 * The registry beyond organisations: recognitions, contingents and links of an organisation,
 * persons, indications, placements, wage data, and the CSV/XLSX import. Every query and command
 * applies the actor's scope itself (a werkgever only sees its own organisations' data).
 */
import { Readable } from 'node:stream';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { ValidationError } from '../../domain/index.ts';
import { type AppEnv, requireUser, run } from '../../http/index.ts';
import {
  addIndication,
  addRecognition,
  createPerson,
  createPlacement,
  endPlacement,
  formatFromName,
  getOrganisation,
  getPerson,
  getPlacement,
  IMPORT_KINDS,
  importRegistry,
  LINK_KINDS,
  linkOrganisations,
  listContingents,
  listIndications,
  listOrganisationLinks,
  listPersons,
  listPlacements,
  listRecognitions,
  listWageQuarters,
  recordsOf,
  recordWageQuarter,
  setContingent,
  TICKET_TYPES,
} from '../../registry/index.ts';
import { errorResponses } from '../errors.ts';
import { idParam, json, jsonBody, pageQuery, pageSchema, security } from '../util.ts';

const tags = ['Register'];

const PersonSchema = z
  .object({
    id: z.string(),
    pseudonym: z.string().openapi({ example: 'P-3f2a9c0d1b7e4a55' }),
    insz: z.string().nullable().openapi({ description: 'Enkel voor rollen met persons:read-identity.' }),
    inszFormatted: z.string().nullable(),
    firstName: z.string().nullable(),
    lastName: z.string().nullable(),
    birthDate: z.string().nullable().openapi({ description: 'Zonder identiteitsrecht enkel het jaar.' }),
    sex: z.enum(['M', 'V']).nullable(),
    createdAt: z.string(),
  })
  .openapi('Person');

const PlacementSchema = z
  .object({
    id: z.string(),
    person: z.object({
      id: z.string(),
      pseudonym: z.string(),
      insz: z.string().nullable(),
      name: z.string().nullable(),
    }),
    organisation: z.object({ id: z.string(), kbo: z.string(), kboFormatted: z.string(), name: z.string() }),
    measure: z.string(),
    start: z.string(),
    end: z.string().nullable(),
    fte: z.number(),
    hoursPerWeek: z.number().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Placement');

const RecognitionSchema = z
  .object({
    id: z.string(),
    organisationId: z.string(),
    measure: z.string(),
    reference: z.string().nullable(),
    validFrom: z.string(),
    validTo: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Recognition');

const ContingentEntry = z.object({
  fte: z.number(),
  reason: z.string().nullable(),
  recordedAt: z.string(),
  recordedBy: z.string(),
});
const ContingentSchema = z
  .object({
    organisationId: z.string(),
    measure: z.string(),
    quarter: z.string().openapi({ example: '2026-Q1' }),
    ...ContingentEntry.shape,
    history: z.array(ContingentEntry),
  })
  .openapi('Contingent');

const LinkSchema = z
  .object({
    id: z.string(),
    kind: z.enum(Object.keys(LINK_KINDS) as [string, ...string[]]),
    kindLabel: z.string(),
    parent: z.object({ id: z.string(), name: z.string() }),
    child: z.object({ id: z.string(), name: z.string() }),
    validFrom: z.string().nullable(),
    validTo: z.string().nullable(),
    note: z.string().nullable(),
  })
  .openapi('OrganisationLink');

const IndicationSchema = z
  .object({
    id: z.string(),
    person: z.object({ id: z.string(), pseudonym: z.string(), insz: z.string().nullable() }),
    indicatedOn: z.string(),
    ladderRung: z.number().int().nullable(),
    targetGroup: z.string().nullable(),
    productivityLoss: z.number().nullable(),
    guidanceNeed: z.string().nullable(),
    ticketType: z.enum(Object.keys(TICKET_TYPES) as [string, ...string[]]).nullable(),
    validFrom: z.string(),
    validTo: z.string().nullable(),
  })
  .openapi('Indication');

const WageSchema = z
  .object({
    id: z.string(),
    placementId: z.string(),
    quarter: z.string(),
    grossWageCents: z.number().int(),
    days: z.number(),
    fte: z.number(),
  })
  .openapi('WageQuarter');

const ImportReportSchema = z
  .object({
    kind: z.enum(IMPORT_KINDS),
    rows: z.number().int(),
    inserted: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
  })
  .openapi('ImportReport');

const uuidQuery = z.uuid().optional();

export function registerRegistryRoutes(api: OpenAPIHono<AppEnv>): void {
  // ---- per organisation ----------------------------------------------------------------------
  api.openapi(
    createRoute({
      method: 'get',
      path: '/organisations/{id}/recognitions',
      tags,
      security,
      summary: 'Erkenningen van een organisatie per maatregel.',
      request: { params: idParam },
      responses: { 200: json(z.array(RecognitionSchema), 'Erkenningen.'), ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      requireUser(c);
      return c.json(await listRecognitions(c.var.deps.db, c.var.actor, c.req.valid('param').id), 200);
    },
  );
  api.openapi(
    createRoute({
      method: 'post',
      path: '/organisations/{id}/recognitions',
      tags,
      security,
      summary: 'Een erkenning vastleggen (maatregel uit de regelcatalogus, geldigheid).',
      request: {
        params: idParam,
        ...jsonBody(
          z.object({
            measure: z.string().openapi({ example: 'lde' }),
            reference: z.string().nullable().optional(),
            validFrom: z.string().openapi({ example: '2026-01-01' }),
            validTo: z.string().nullable().optional(),
          }),
        ),
      },
      responses: { 201: json(RecognitionSchema, 'Vastgelegd.'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      requireUser(c);
      const body = await c.req.json();
      return c.json(await run(c, addRecognition, { ...body, organisationId: c.req.valid('param').id }), 201);
    },
  );
  api.openapi(
    createRoute({
      method: 'get',
      path: '/organisations/{id}/contingents',
      tags,
      security,
      summary: 'Contingenten in VTE per maatregel en kwartaal, met hun geschiedenis.',
      request: { params: idParam },
      responses: { 200: json(z.array(ContingentSchema), 'Contingenten.'), ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      requireUser(c);
      return c.json(await listContingents(c.var.deps.db, c.var.actor, c.req.valid('param').id), 200);
    },
  );
  api.openapi(
    createRoute({
      method: 'post',
      path: '/organisations/{id}/contingents',
      tags,
      security,
      summary: 'Een contingent vastleggen of wijzigen (de vorige waarde blijft in de geschiedenis).',
      request: { params: idParam, ...jsonBody(setContingent.input.omit({ organisationId: true })) },
      responses: { 201: json(ContingentSchema, 'Vastgelegd.'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      requireUser(c);
      const body = await c.req.json();
      return c.json(await run(c, setContingent, { ...body, organisationId: c.req.valid('param').id }), 201);
    },
  );
  api.openapi(
    createRoute({
      method: 'get',
      path: '/organisations/{id}/links',
      tags,
      security,
      summary: 'Verbanden met andere organisaties (maatwerkafdeling van, samenwerking).',
      request: { params: idParam },
      responses: { 200: json(z.array(LinkSchema), 'Verbanden.'), ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      requireUser(c);
      return c.json(await listOrganisationLinks(c.var.deps.db, c.var.actor, c.req.valid('param').id), 200);
    },
  );
  api.openapi(
    createRoute({
      method: 'post',
      path: '/organisations/{id}/links',
      tags,
      security,
      summary: 'Deze organisatie (ouder) verbinden met een andere (kind).',
      request: { params: idParam, ...jsonBody(linkOrganisations.input.omit({ parentId: true })) },
      responses: { 201: json(LinkSchema, 'Verbonden.'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      requireUser(c);
      const body = await c.req.json();
      return c.json(await run(c, linkOrganisations, { ...body, parentId: c.req.valid('param').id }), 201);
    },
  );
  api.openapi(
    createRoute({
      method: 'get',
      path: '/organisations/{id}/placements',
      tags,
      security,
      summary: 'Plaatsingen bij een organisatie.',
      request: { params: idParam, query: z.object({ ...pageQuery }) },
      responses: {
        200: json(pageSchema(PlacementSchema), 'Plaatsingen.'),
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
      responses: { 200: json(pageSchema(PersonSchema), 'Personen.'), ...errorResponses(400, 401, 403) },
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
      request: jsonBody(
        z.object({ insz: z.string(), firstName: z.string().optional(), lastName: z.string().optional() }),
      ),
      responses: { 201: json(PersonSchema, 'Geregistreerd.'), ...errorResponses(400, 401, 403, 409) },
    }),
    async (c) => {
      requireUser(c);
      return c.json(await run(c, createPerson, await c.req.json()), 201);
    },
  );
  api.openapi(
    createRoute({
      method: 'get',
      path: '/persons/{id}',
      tags,
      security,
      summary: 'Eén persoon.',
      request: { params: idParam },
      responses: { 200: json(PersonSchema, 'De persoon.'), ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      requireUser(c);
      return c.json(await getPerson(c.var.deps.db, c.var.actor, c.req.valid('param').id), 200);
    },
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
        200: json(pageSchema(IndicationSchema), 'Indiceringen.'),
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
      request: jsonBody(z.object({}).passthrough()),
      responses: { 201: json(IndicationSchema, 'Vastgelegd.'), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      requireUser(c);
      return c.json(await run(c, addIndication, await c.req.json()), 201);
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
      responses: { 200: json(pageSchema(PlacementSchema), 'Plaatsingen.'), ...errorResponses(400, 401, 403) },
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
      request: jsonBody(
        z.object({
          insz: z.string(),
          kbo: z.string(),
          measure: z.string(),
          start: z.string(),
          end: z.string().nullable().optional(),
          fte: z.number(),
          hoursPerWeek: z.number().nullable().optional(),
        }),
      ),
      responses: { 201: json(PlacementSchema, 'Geregistreerd.'), ...errorResponses(400, 401, 403, 422) },
    }),
    async (c) => {
      requireUser(c);
      return c.json(await run(c, createPlacement, await c.req.json()), 201);
    },
  );
  api.openapi(
    createRoute({
      method: 'get',
      path: '/placements/{id}',
      tags,
      security,
      summary: 'Eén plaatsing.',
      request: { params: idParam },
      responses: { 200: json(PlacementSchema, 'De plaatsing.'), ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      requireUser(c);
      return c.json(await getPlacement(c.var.deps.db, c.var.actor, c.req.valid('param').id), 200);
    },
  );
  api.openapi(
    createRoute({
      method: 'patch',
      path: '/placements/{id}',
      tags,
      security,
      summary: 'De einddatum van een plaatsing zetten (null = lopend).',
      request: { params: idParam, ...jsonBody(z.object({ end: z.string().nullable() })) },
      responses: { 200: json(PlacementSchema, 'Gewijzigd.'), ...errorResponses(400, 401, 403, 404, 422) },
    }),
    async (c) => {
      requireUser(c);
      const body = await c.req.json();
      return c.json(await run(c, endPlacement, { ...body, id: c.req.valid('param').id }), 200);
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
      responses: { 200: json(pageSchema(WageSchema), 'Loongegevens.'), ...errorResponses(400, 401, 403) },
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
      responses: { 201: json(WageSchema, 'Vastgelegd.'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      requireUser(c);
      return c.json(await run(c, recordWageQuarter, await c.req.json()), 201);
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
      responses: { 200: json(ImportReportSchema, 'Ingelezen.'), ...errorResponses(400, 401, 403, 413) },
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
