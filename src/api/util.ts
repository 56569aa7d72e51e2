import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { type AppEnv, requireUser } from '../http/index.ts';
import { errorResponses } from './errors.ts';

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

/** What a get-by-id route needs besides its loader: the path (with `{id}`), its OpenAPI texts and view schema. */
export interface GetByIdSpec<S extends z.ZodType> {
  path: string;
  tags: string[];
  summary: string;
  schema: S;
  description: string;
  /** Error statuses documented next to 200; 401, 403 and 404 unless told. */
  errors?: number[];
  /** The path id's schema when it is not a uuid (e.g. a milestone `M0343`). */
  params?: z.ZodObject<{ id: z.ZodString }>;
}

/**
 * Registers the standard `GET …/{id}` route: signed-in user, uuid path id (unless `params` says otherwise), the view on 200 and the
 * standard error responses. One shape for every module's "show one" endpoint.
 */
export function getByIdRoute<S extends z.ZodType>(
  api: OpenAPIHono<AppEnv>,
  spec: GetByIdSpec<S>,
  load: (c: Context<AppEnv>, id: string) => Promise<z.input<S>>,
): void {
  const route = createRoute({
    method: 'get',
    path: spec.path,
    tags: spec.tags,
    security,
    summary: spec.summary,
    request: { params: spec.params ?? idParam },
    responses: {
      200: json(spec.schema, spec.description),
      ...errorResponses(...(spec.errors ?? [401, 403, 404])),
    },
  });
  api.openapi(route, async (c) => {
    requireUser(c);
    // The generic schema keeps hono from narrowing the body type; the loader's signature checks it.
    return c.json((await load(c, c.req.valid('param').id)) as never, 200);
  });
}
