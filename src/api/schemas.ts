/** OpenAPI schemas of the views the API returns (mirroring the presenters' types). */
import { z } from '@hono/zod-openapi';
import { ROLES } from '../access/index.ts';
import { ORGANISATION_TYPES, type OrganisationType } from '../registry/index.ts';

export const UserSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    roles: z.array(z.enum(ROLES)),
    organisationIds: z.array(z.string()),
    active: z.boolean(),
    mustChangePassword: z.boolean(),
    createdAt: z.string(),
  })
  .openapi('User');

export const OrganisationSchema = z
  .object({
    id: z.string(),
    kbo: z.string().openapi({ example: '0123456749' }),
    kboFormatted: z.string().openapi({ example: '0123.456.749' }),
    name: z.string(),
    type: z.enum(Object.keys(ORGANISATION_TYPES) as [OrganisationType, ...OrganisationType[]]),
    typeLabel: z.string(),
    legalForm: z.string().nullable(),
    address: z.object({
      street: z.string().nullable(),
      postalCode: z.string().nullable(),
      municipality: z.string().nullable(),
    }),
    nisCode: z.string().nullable(),
    iban: z.string().nullable().openapi({ example: 'BE71096123456769' }),
    bic: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Organisation');

export const AuditEventSchema = z
  .object({
    id: z.number().int(),
    occurredAt: z.string(),
    actor: z.string(),
    channel: z.string(),
    action: z.string(),
    entityType: z.string().nullable(),
    entityId: z.string().nullable(),
    organisationId: z.string().nullable(),
    data: z.record(z.string(), z.unknown()),
  })
  .openapi('AuditEvent');
