import { z } from '@hono/zod-openapi';

export function json<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

export function jsonBody<T extends z.ZodType>(schema: T, description?: string) {
  return {
    body: {
      required: true,
      ...(description ? { description } : {}),
      content: { 'application/json': { schema } },
    },
  };
}

export const pageSchema = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
  });

export const pageQuery = {
  page: z.coerce.number().int().min(1).default(1).openapi({ description: 'Paginanummer (vanaf 1).' }),
  pageSize: z.coerce
    .number()
    .int()
    .min(1)
    .max(500)
    .default(25)
    .openapi({ description: 'Rijen per pagina (max 500).' }),
  sort: z
    .string()
    .max(64)
    .optional()
    .openapi({ description: 'Kolom om op te sorteren; `-kolom` voor aflopend.' }),
};

export const idParam = z.object({
  id: z.uuid('geen geldige id').openapi({ param: { name: 'id', in: 'path' } }),
});

export const security: Record<string, string[]>[] = [{ bearerAuth: [] }, { cookieAuth: [] }];
