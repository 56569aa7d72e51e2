/**
 * The HTTP surface of Trede in one Hono app: health check, the REST API with its OpenAPI document
 * and rendered docs, and the web application. API, web and CLI all go through the same commands.
 */

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { createApi, errorBody, isArrowStream, toErrorResponse } from '../api/index.ts';
import type { AppDeps, AppEnv } from '../http/index.ts';
import { authenticate, guardInput } from '../http/index.ts';
import { createWeb, notFoundPage, webErrorPage } from '../web/index.ts';
import { jobService } from './jobs.ts';

const require = createRequire(import.meta.url);
/**
 * The folder of the Swagger UI assets, looked up on the first request for /api/docs: requiring
 * the package itself evaluates its 1 MB bundle (over a second at every start) for nothing.
 */
let swaggerDir: string | undefined;
const swaggerAssets = () => {
  swaggerDir ??= (require('swagger-ui-dist/absolute-path.js') as () => string)();
  return swaggerDir;
};
const SWAGGER_ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
};

/** Routes that receive file uploads get the larger upload limit. */
export const UPLOAD_PATH = /\/imports?(\/|$)/;

/** A population sent to /api/v1/simulate as an Arrow stream is a file too (tens of megabytes). */
const isPopulationStream = (path: string, type: string | undefined) =>
  path === '/api/v1/simulate' && isArrowStream(type);

/** Without a started job service, submitted jobs wait for a worker (another process, or the next start). */
export function createHttpApp(given: Omit<AppDeps, 'jobs'> & { jobs?: AppDeps['jobs'] }): Hono<AppEnv> {
  const deps: AppDeps = { ...given, jobs: given.jobs ?? jobService(given.db) };
  const app = new Hono<AppEnv>();
  // API paths answer JSON errors, web paths Dutch pages (also for failures before routing).
  app.onError((err, c) => (c.req.path.startsWith('/api/') ? toErrorResponse(err, c) : webErrorPage(err, c)));

  app.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
    }),
  );
  app.use('*', (c, next) =>
    bodyLimit({
      maxSize:
        UPLOAD_PATH.test(c.req.path) || isPopulationStream(c.req.path, c.req.header('content-type'))
          ? deps.config.uploadLimitBytes
          : deps.config.bodyLimitBytes,
      // The unread rest of the body makes the connection unusable: tell the client to close it.
      onError: (c) =>
        c.json(errorBody('payload_too_large', 'De aanvraag is te groot.'), 413, { connection: 'close' }),
    })(c, next),
  );

  app.get('/health', async (c) => {
    try {
      await deps.db.query('SELECT 1');
      return c.json({ status: 'ok', database: deps.db.kind });
    } catch {
      return c.json({ status: 'unavailable', database: deps.db.kind }, 503);
    }
  });

  app.use('*', authenticate());
  app.use('*', guardInput({ uploadPath: UPLOAD_PATH }));
  app.route('/api/v1', createApi());

  app.get('/api/docs', (c) =>
    c.html(`<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Trede API</title>
<link rel="stylesheet" href="/api/docs/swagger-ui.css"></head>
<body><nav aria-label="Terug"><a href="/">← Terug naar Trede</a> · <a href="/regelgeving">Regelgeving</a></nav><div id="swagger-ui"></div><script src="/api/docs/swagger-ui-bundle.js"></script><script src="/api/docs/init.js"></script></body></html>`),
  );
  app.get('/api/docs/init.js', (c) =>
    c.body(
      "window.ui = SwaggerUIBundle({ url: '/api/v1/openapi.json', dom_id: '#swagger-ui', deepLinking: true });",
      200,
      {
        'content-type': 'text/javascript; charset=utf-8',
      },
    ),
  );
  app.get('/api/docs/:asset', (c) => {
    const asset = c.req.param('asset');
    const type = SWAGGER_ASSETS[asset];
    if (!type) return c.notFound();
    return c.body(readFileSync(join(swaggerAssets(), asset)), 200, {
      'content-type': type,
      'cache-control': 'public, max-age=86400',
    });
  });
  app.all('/api/*', (c) =>
    c.json(errorBody('not_found', `Geen API-route ${c.req.method} ${c.req.path}.`), 404),
  );

  app.route('/', createWeb());
  app.notFound(notFoundPage);
  return app;
}
