/**
 * The shapes the registry shows to the outside, as zod schemas: the module's view types are
 * inferred from them and the API's OpenAPI document is generated from the same schemas.
 */
import { z } from 'zod';
import { IMPORT_KINDS } from './import.ts';
import { TICKET_TYPES, type TicketType } from './indications.ts';
import { ORGANISATION_TYPES, type OrganisationType } from './organisations.ts';
import { LINK_KINDS, type LinkKind } from './recognitions.ts';

const keysOf = <K extends string>(o: Record<K, unknown>) => Object.keys(o) as [K, ...K[]];

export const organisationViewSchema = z
  .object({
    id: z.string(),
    kbo: z.string().meta({ example: '0123456749' }),
    kboFormatted: z.string().meta({ example: '0123.456.749' }),
    name: z.string(),
    type: z.enum(keysOf<OrganisationType>(ORGANISATION_TYPES)),
    typeLabel: z.string(),
    legalForm: z.string().nullable(),
    address: z.object({
      street: z.string().nullable(),
      postalCode: z.string().nullable(),
      municipality: z.string().nullable(),
    }),
    nisCode: z.string().nullable(),
    /** Bank account for settlements (electronic format), null when not known. */
    iban: z.string().nullable().meta({ example: 'BE71096123456769' }),
    bic: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Organisation' });
export type OrganisationView = z.infer<typeof organisationViewSchema>;

export const personViewSchema = z
  .object({
    id: z.string(),
    pseudonym: z.string().meta({ example: 'P-3f2a9c0d1b7e4a55' }),
    /** null when the actor may not see identities. */
    insz: z.string().nullable().meta({ description: 'Enkel voor rollen met persons:read-identity.' }),
    inszFormatted: z.string().nullable(),
    firstName: z.string().nullable(),
    lastName: z.string().nullable(),
    birthDate: z.string().nullable().meta({ description: 'Zonder identiteitsrecht enkel het jaar.' }),
    sex: z.enum(['M', 'V']).nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Person' });
export type PersonView = z.infer<typeof personViewSchema>;

export const placementViewSchema = z
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
  .meta({ id: 'Placement' });
export type PlacementView = z.infer<typeof placementViewSchema>;

export const recognitionViewSchema = z
  .object({
    id: z.string(),
    organisationId: z.string(),
    measure: z.string(),
    reference: z.string().nullable(),
    validFrom: z.string(),
    validTo: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Recognition' });
export type RecognitionView = z.infer<typeof recognitionViewSchema>;

const contingentEntry = z.object({
  fte: z.number(),
  reason: z.string().nullable(),
  recordedAt: z.string(),
  recordedBy: z.string(),
});
export const contingentViewSchema = z
  .object({
    organisationId: z.string(),
    measure: z.string(),
    quarter: z.string().meta({ example: '2026-Q1' }),
    ...contingentEntry.shape,
    /** Earlier values, newest first. */
    history: z.array(contingentEntry),
  })
  .meta({ id: 'Contingent' });
export type ContingentView = z.infer<typeof contingentViewSchema>;

export const organisationLinkViewSchema = z
  .object({
    id: z.string(),
    kind: z.enum(keysOf<LinkKind>(LINK_KINDS)),
    kindLabel: z.string(),
    /** For `afdeling-van`: the parent is the company, the child its maatwerkafdeling. */
    parent: z.object({ id: z.string(), name: z.string() }),
    child: z.object({ id: z.string(), name: z.string() }),
    validFrom: z.string().nullable(),
    validTo: z.string().nullable(),
    note: z.string().nullable(),
  })
  .meta({ id: 'OrganisationLink' });
export type OrganisationLinkView = z.infer<typeof organisationLinkViewSchema>;

export const indicationViewSchema = z
  .object({
    id: z.string(),
    person: z.object({ id: z.string(), pseudonym: z.string(), insz: z.string().nullable() }),
    indicatedOn: z.string(),
    ladderRung: z.number().int().nullable(),
    targetGroup: z.string().nullable(),
    productivityLoss: z.number().nullable(),
    guidanceNeed: z.string().nullable(),
    ticketType: z.enum(keysOf<TicketType>(TICKET_TYPES)).nullable(),
    validFrom: z.string(),
    validTo: z.string().nullable(),
  })
  .meta({ id: 'Indication' });
export type IndicationView = z.infer<typeof indicationViewSchema>;

export const wageQuarterViewSchema = z
  .object({
    id: z.string(),
    placementId: z.string(),
    quarter: z.string(),
    grossWageCents: z.number().int(),
    days: z.number(),
    fte: z.number(),
  })
  .meta({ id: 'WageQuarter' });
export type WageQuarterView = z.infer<typeof wageQuarterViewSchema>;

export const importReportSchema = z
  .object({
    kind: z.enum(IMPORT_KINDS),
    rows: z.number().int(),
    inserted: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
  })
  .meta({ id: 'ImportReport' });
