/** The shape of a user shown to the outside: the view type is inferred, the OpenAPI schema is the same. */
import { z } from 'zod';
import { ROLES } from '../access/index.ts';

export const userViewSchema = z
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
  .meta({ id: 'User' });
export type UserView = z.infer<typeof userViewSchema>;
